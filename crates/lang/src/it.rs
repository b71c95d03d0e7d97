//! Italian.

use crate::Calendar;

/// Italian calendar words.
pub const CALENDAR: Calendar = Calendar {
    months: &[
        ("gennaio", 1),
        ("febbraio", 2),
        ("marzo", 3),
        ("aprile", 4),
        ("maggio", 5),
        ("giugno", 6),
        ("luglio", 7),
        ("agosto", 8),
        ("settembre", 9),
        ("ottobre", 10),
        ("novembre", 11),
        ("dicembre", 12),
    ],
    month_abbreviations: &[
        ("genn.", 1),
        ("febbr.", 2),
        ("sett.", 9),
        ("ott.", 10),
        ("dic.", 12),
    ],
    weekdays: &[
        ("lunedì", 0),
        ("lunedi", 0),
        ("martedì", 1),
        ("martedi", 1),
        ("mercoledì", 2),
        ("mercoledi", 2),
        ("giovedì", 3),
        ("giovedi", 3),
        ("venerdì", 4),
        ("venerdi", 4),
        ("sabato", 5),
        ("domenica", 6),
    ],
    weekday_abbreviations: &[],
};
