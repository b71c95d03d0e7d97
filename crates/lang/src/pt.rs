//! Portuguese.

use crate::Calendar;

/// Portuguese calendar words (European and Brazilian spellings). Weekdays
/// only with their "-feira": bare "segunda" or "quinta" are also
/// ordinals ("a segunda maior").
pub const CALENDAR: Calendar = Calendar {
    months: &[
        ("janeiro", 1),
        ("fevereiro", 2),
        ("março", 3),
        ("marco", 3),
        ("abril", 4),
        ("maio", 5),
        ("junho", 6),
        ("julho", 7),
        ("agosto", 8),
        ("setembro", 9),
        ("outubro", 10),
        ("novembro", 11),
        ("dezembro", 12),
    ],
    month_abbreviations: &[
        ("jan.", 1),
        ("fev.", 2),
        ("set.", 9),
        ("out.", 10),
        ("dez.", 12),
    ],
    weekdays: &[
        ("segunda-feira", 0),
        ("terça-feira", 1),
        ("quarta-feira", 2),
        ("quinta-feira", 3),
        ("terca-feira", 1),
        ("sexta-feira", 4),
        ("sábado", 5),
        ("sabado", 5),
        ("domingo", 6),
    ],
    weekday_abbreviations: &[],
};
