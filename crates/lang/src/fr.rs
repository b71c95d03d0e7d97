//! French.

use crate::Calendar;

/// French calendar words.
pub const CALENDAR: Calendar = Calendar {
    months: &[
        ("janvier", 1),
        ("février", 2),
        ("fevrier", 2),
        ("mars", 3),
        ("avril", 4),
        ("mai", 5),
        ("juin", 6),
        ("juillet", 7),
        ("août", 8),
        ("aout", 8),
        ("septembre", 9),
        ("octobre", 10),
        ("novembre", 11),
        ("décembre", 12),
        ("decembre", 12),
    ],
    month_abbreviations: &[
        ("janv.", 1),
        ("févr.", 2),
        ("juil.", 7),
        ("sept.", 9),
        ("déc.", 12),
    ],
    weekdays: &[
        ("lundi", 0),
        ("mardi", 1),
        ("mercredi", 2),
        ("jeudi", 3),
        ("vendredi", 4),
        ("samedi", 5),
        ("dimanche", 6),
    ],
    weekday_abbreviations: &[],
};
