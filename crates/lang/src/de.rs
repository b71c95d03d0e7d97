//! German.

use crate::Calendar;

/// German calendar words.
pub const CALENDAR: Calendar = Calendar {
    months: &[
        ("januar", 1),
        ("jänner", 1),
        ("februar", 2),
        ("märz", 3),
        ("maerz", 3),
        ("april", 4),
        ("mai", 5),
        ("juni", 6),
        ("juli", 7),
        ("august", 8),
        ("september", 9),
        ("oktober", 10),
        ("november", 11),
        ("dezember", 12),
    ],
    month_abbreviations: &[("jan.", 1), ("feb.", 2), ("okt.", 10), ("dez.", 12)],
    weekdays: &[
        ("montag", 0),
        ("dienstag", 1),
        ("mittwoch", 2),
        ("donnerstag", 3),
        ("freitag", 4),
        ("samstag", 5),
        ("sonnabend", 5),
        ("sonntag", 6),
    ],
    weekday_abbreviations: &[],
};
