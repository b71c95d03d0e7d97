//! Spanish.

use crate::Calendar;

/// Spanish calendar words.
pub const CALENDAR: Calendar = Calendar {
    months: &[
        ("enero", 1),
        ("febrero", 2),
        ("marzo", 3),
        ("abril", 4),
        ("mayo", 5),
        ("junio", 6),
        ("julio", 7),
        ("agosto", 8),
        ("septiembre", 9),
        ("setiembre", 9),
        ("octubre", 10),
        ("noviembre", 11),
        ("diciembre", 12),
    ],
    month_abbreviations: &[("ene.", 1), ("abr.", 4), ("ago.", 8), ("dic.", 12)],
    weekdays: &[
        ("lunes", 0),
        ("martes", 1),
        ("miércoles", 2),
        ("miercoles", 2),
        ("jueves", 3),
        ("viernes", 4),
        ("sábado", 5),
        ("sabado", 5),
        ("domingo", 6),
    ],
    weekday_abbreviations: &[],
};
