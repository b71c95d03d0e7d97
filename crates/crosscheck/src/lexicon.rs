//! Per-language word lists the cross-check relies on. Adding a language is
//! adding rows here: nothing else in the crate names a word.

/// Function words skipped when comparing the contexts of two figures or
/// quotes. Words of three letters or fewer are skipped anyway.
pub const STOP_WORDS: &[&str] = &[
    // en
    "about",
    "above",
    "after",
    "again",
    "against",
    "also",
    "although",
    "among",
    "another",
    "around",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "could",
    "despite",
    "does",
    "during",
    "each",
    "either",
    "even",
    "ever",
    "every",
    "from",
    "further",
    "had",
    "have",
    "having",
    "here",
    "however",
    "into",
    "itself",
    "just",
    "last",
    "least",
    "less",
    "like",
    "many",
    "more",
    "most",
    "much",
    "must",
    "near",
    "nearly",
    "never",
    "next",
    "none",
    "only",
    "other",
    "others",
    "over",
    "said",
    "says",
    "same",
    "several",
    "should",
    "since",
    "some",
    "such",
    "than",
    "that",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "under",
    "until",
    "upon",
    "very",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "whom",
    "whose",
    "will",
    "with",
    "within",
    "without",
    "would",
    "your",
    "according",
    "told",
    "including",
    "almost",
    "approximately",
    "roughly",
    "some",
    "least",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "million",
    "billion",
    "thousand",
    "hundred",
    // es
    "acerca",
    "ahora",
    "algo",
    "algunos",
    "algunas",
    "ante",
    "antes",
    "aunque",
    "cada",
    "casi",
    "como",
    "con",
    "contra",
    "cual",
    "cuales",
    "cuando",
    "desde",
    "donde",
    "durante",
    "ella",
    "ellas",
    "ellos",
    "entre",
    "esta",
    "este",
    "esto",
    "estos",
    "estas",
    "está",
    "están",
    "fueron",
    "había",
    "habían",
    "hacia",
    "hasta",
    "menos",
    "mientras",
    "mismo",
    "mucho",
    "muchos",
    "nada",
    "ningún",
    "ninguna",
    "otra",
    "otras",
    "otro",
    "otros",
    "para",
    "pero",
    "poco",
    "porque",
    "puede",
    "pueden",
    "según",
    "será",
    "sido",
    "siempre",
    "sobre",
    "solo",
    "también",
    "tanto",
    "tiene",
    "tienen",
    "todo",
    "todos",
    "tras",
    "unos",
    "unas",
    "dijo",
    "afirmó",
    "aseguró",
    "alrededor",
    "aproximadamente",
    "decenas",
    "cientos",
    "miles",
    "millones",
    "millón",
    "varios",
    "varias",
];

/// Words that say *which* measure a number is. Two figures whose measures
/// differ are different quantities however alike their contexts ("capacity
/// for 40,000" vs "houses 15,000"; "a one-off payment" vs "a yearly one").
/// Each row: the measure's name, then stems that signal it (matched as word
/// prefixes, lower case).
pub const MEASURES: &[(&str, &[&str])] = &[
    (
        "capacity",
        &[
            "capacity",
            "capacities",
            "capacidad",
            "cupo",
            "holds up to",
            "designed for",
            "room for",
        ],
    ),
    (
        "per year",
        &[
            "annual",
            "annually",
            "yearly",
            "a year",
            "per year",
            "each year",
            "every year",
            "anual",
            "al año",
            "por año",
            "cada año",
        ],
    ),
    (
        "per month",
        &[
            "monthly",
            "a month",
            "per month",
            "each month",
            "mensual",
            "al mes",
            "por mes",
        ],
    ),
    (
        "per day",
        &[
            "daily", "a day", "per day", "each day", "diario", "diaria", "al día", "por día",
        ],
    ),
    (
        "per person",
        &[
            "per person",
            "each person",
            "per capita",
            "por persona",
            "per head",
        ],
    ),
    (
        "share",
        &[
            "percent",
            "per cent",
            "por ciento",
            "share of",
            "proportion",
        ],
    ),
    (
        "total",
        &[
            "in total",
            "in all",
            "altogether",
            "cumulative",
            "overall",
            "en total",
            "acumulado",
        ],
    ),
];

/// Units that measure time, which make a figure a duration.
pub const TIME_UNITS: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "segundo",
    "segundos",
    "minuto",
    "minutos",
    "hora",
    "horas",
    "día",
    "días",
    "semana",
    "semanas",
    "mes",
    "meses",
    "año",
    "años",
    "década",
    "décadas",
    "siglo",
    "siglos",
];

/// Units that express a share.
pub const PERCENT_UNITS: &[&str] = &[
    "%",
    "percent",
    "per cent",
    "pct",
    "por ciento",
    "percentage points",
];

/// What typically happens to the people or things news counts, with the
/// word stems (first six letters, lower case) that express it in English and
/// Spanish. Two figures that share a concept count alike even when the words
/// differ ("killed" / "dead" / "muertos"); figures whose concepts differ
/// ("killed" / "injured") are different quantities.
pub const CONCEPTS: &[(&str, &[&str])] = &[
    (
        "dead",
        &[
            "killed", "dead", "died", "death", "deaths", "deadly", "fatali", "perish", "bodies",
            "toll", "muerto", "muerta", "murier", "muerte", "fallec", "víctim", "victim", "mortal",
        ],
    ),
    (
        "injured",
        &[
            "injure", "injury", "wounde", "hurt", "hospit", "herido", "herida", "lesion", "hospit",
        ],
    ),
    ("missing", &["missin", "unacco", "desapa"]),
    (
        "evacuated",
        &[
            "evacua", "displa", "fled", "homele", "shelte", "desalo", "despla", "albergu", "evacuó",
        ],
    ),
    (
        "arrested",
        &[
            "arrest", "detain", "detent", "captur", "detuvi", "detení", "detenid", "aprehe",
        ],
    ),
    // Held, not arrested: how many are in a prison now is a different
    // quantity from how many were ever arrested.
    (
        "held",
        &[
            "held", "holds", "housed", "houses", "impris", "jailed", "incarc", "custod", "encarc",
            "reclui", "recluí", "presos",
        ],
    ),
    ("released", &["releas", "freed", "libera", "excarc"]),
    // Verbs of transfer, and their converse ("the prison received 238"):
    // deporting, expelling, sending and flying people out are one act as
    // outlets word it.
    (
        "sent",
        &[
            "deport", "expell", "expuls", "expulsa", "remove", "repatr", "sent", "send", "sends",
            "transf", "trasla", "flown", "enviad", "envió", "enviar", "envía", "envían", "receiv",
            "recibi", "recibí",
        ],
    ),
    ("rescued", &["rescue", "saved", "rescat"]),
    (
        "employed",
        &[
            "employ", "workfo", "emplea", "planti", "contra", "hired", "hires",
        ],
    ),
    (
        "paid",
        &[
            "paid", "pays", "paymen", "pagó", "pagar", "pago", "fundin", "fundin", "grant",
            "financ",
        ],
    ),
    (
        "cost",
        &[
            "cost", "costs", "damage", "losses", "costó", "daños", "pérdid",
        ],
    ),
    (
        "votes",
        &[
            "vote", "votes", "voted", "ballot", "voto", "votos", "votaro",
        ],
    ),
    ("protesters", &["protes", "demons", "marche", "manife"]),
];

/// Words that join the items of a list. Figures of one sentence joined by
/// one of these ("2 leaders plus 21 others", "3 muertos y 5 heridos") are
/// listed side by side, so they may be the parts of a total given
/// elsewhere. Matched as whole words, lower case.
pub const LIST_CONNECTORS: &[&str] = &[
    // en
    "and",
    "plus",
    "as well as",
    "along with",
    "together with",
    "besides",
    // es
    "y",
    "e",
    "más",
    "además de",
    "junto a",
    "junto con",
];

/// Pairs of [`CONCEPTS`] that name one quantity when the two clauses also
/// name the same place or body: people sent to a prison (a shelter, a
/// camp) are the people held there.
pub const RELATED_CONCEPTS: &[(&str, &str)] = &[("sent", "held")];

/// Pairs of [`CONCEPTS`] that never count one population: the dead are not
/// the injured, those released are not those still held. Two figures
/// whose clauses name one of each (and nothing in common) are never one
/// slot, however alike the rest of their wording.
pub const OPPOSED_CONCEPTS: &[(&str, &str)] = &[
    ("dead", "injured"),
    ("dead", "rescued"),
    ("dead", "evacuated"),
    ("arrested", "released"),
    ("held", "released"),
    ("sent", "released"),
];
