//! Dutch.

use crate::Calendar;

/// Dutch calendar words.
pub const CALENDAR: Calendar = Calendar {
    months: &[
        ("januari", 1),
        ("februari", 2),
        ("maart", 3),
        ("april", 4),
        ("mei", 5),
        ("juni", 6),
        ("juli", 7),
        ("augustus", 8),
        ("september", 9),
        ("oktober", 10),
        ("november", 11),
        ("december", 12),
    ],
    month_abbreviations: &[
        ("jan.", 1),
        ("febr.", 2),
        ("aug.", 8),
        ("okt.", 10),
        ("dec.", 12),
    ],
    weekdays: &[
        ("maandag", 0),
        ("dinsdag", 1),
        ("woensdag", 2),
        ("donderdag", 3),
        ("vrijdag", 4),
        ("zaterdag", 5),
        ("zondag", 6),
    ],
    weekday_abbreviations: &[],
};
