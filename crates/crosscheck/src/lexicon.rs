//! Per-language word lists the cross-check relies on. Adding a language is
//! adding rows here: nothing else in the crate names a word.

/// Function words skipped when comparing the contexts of two figures or
/// quotes. Words of two letters or fewer are skipped anyway; words of three
/// count unless listed here, since many nouns news counts are that short
/// ("law", "war", "men", "tax", "ley", "paz").
pub const STOP_WORDS: &[&str] = &[
    // en, three letters
    "the",
    "and",
    "for",
    "but",
    "not",
    "nor",
    "yet",
    "was",
    "are",
    "has",
    "his",
    "her",
    "its",
    "our",
    "who",
    "why",
    "how",
    "all",
    "any",
    "can",
    "did",
    "may",
    "per",
    "via",
    "off",
    "out",
    "own",
    "one",
    "two",
    "six",
    "ten",
    "she",
    "him",
    "you",
    "too",
    "let",
    "got",
    "get",
    "now",
    "say",
    "saw",
    "see",
    "put",
    "set",
    "few",
    "far",
    "yes",
    "ago",
    "due",
    "etc",
    "non",
    "its",
    "also",
    "then",
    "mrs",
    "new",
    // es, three letters
    "los",
    "las",
    "les",
    "del",
    "por",
    "sin",
    "una",
    "uno",
    "que",
    "qué",
    "fue",
    "son",
    "sus",
    "más",
    "mas",
    "han",
    "hay",
    "ese",
    "esa",
    "eso",
    "muy",
    "ser",
    "era",
    "así",
    "sea",
    "dos",
    "mis",
    "tus",
    "nos",
    "vez",
    "hoy",
    "año",
    "mil",
    "van",
    "iba",
    "les",
    "cuyo",
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
            "killed", "kill", "kills", "die", "dies", "dying", "dead", "died", "death", "deaths",
            "deadly", "fatali", "perish", "lives", "bodies", "toll", "muerto", "muerta", "murier",
            "muerte", "fallec", "mortal",
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
        &["cost", "costs", "losses", "costó", "daños", "pérdid"],
    ),
    // How many live somewhere: a population is not a count of anything
    // that happened.
    (
        "population",
        &[
            "popula", "reside", "inhabi", "habita", "poblac", "home to", "vecino",
        ],
    ),
    (
        "seized",
        &[
            "seized", "seize", "seizin", "confis", "recove", "incaut", "decomi", "requis",
        ],
    ),
    (
        "destroyed",
        &[
            "destro", "flatte", "levele", "razed", "collap", "damage", "destru", "derrib",
            "derrum", "arrasa", "dañado", "dañada",
        ],
    ),
    (
        "stolen",
        &[
            "stole", "stolen", "theft", "robbed", "robber", "loot", "looted", "haul", "booty",
            "heist", "robo", "robado", "robada", "botín", "atraco", "hurto",
        ],
    ),
    (
        "convicted",
        &["convic", "senten", "condem", "condena", "guilty", "culpab"],
    ),
    (
        "charged",
        &["charge", "indict", "acusad", "imputa", "cargos"],
    ),
    ("attacks", &["attack", "ataque", "atenta", "raids"]),
    // Shot: the dead and the wounded together, as a shooting's reports
    // count them ("shot three people, killing one").
    (
        "shot",
        &[
            "shot", "shoots", "shooti", "gunned", "dispar", "balead", "tirote",
        ],
    ),
    (
        "affected",
        &["affect", "afecta", "disrup", "outage", "interr"],
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
pub const RELATED_CONCEPTS: &[(&str, &str)] = &[("sent", "held"), ("arrested", "held")];

/// Pairs of [`CONCEPTS`] that never count one population: the dead are not
/// the injured, those released are not those still held. Two figures
/// whose clauses name one of each (and nothing in common) are never one
/// slot, however alike the rest of their wording.
pub const OPPOSED_CONCEPTS: &[(&str, &str)] = &[
    ("dead", "injured"),
    ("dead", "missing"),
    ("dead", "rescued"),
    ("dead", "evacuated"),
    ("arrested", "released"),
    ("held", "released"),
    ("sent", "released"),
];

/// Words before a year that make it date a happening ("in 2019", "since
/// 2019", "hasta 2030") rather than qualify a thing ("a 1911 law").
pub const TIME_PREPOSITIONS: &[&str] = &[
    // en
    "in",
    "during",
    "until",
    "till",
    "by",
    "through",
    "since",
    "from",
    "early",
    "late",
    "mid",
    "before",
    "after",
    "around",
    "of",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    // es
    "en",
    "durante",
    "hasta",
    "desde",
    "antes",
    "después",
    "tras",
    "principios",
    "finales",
    "mediados",
    "primavera",
    "verano",
    "otoño",
    "invierno",
];

/// Words that report a figure changing over time ("the toll has risen to
/// 17", "had put the toll at 14", "subió a 17"). An article that gives two
/// values of one quantity with one of these is updating it, not
/// contradicting itself. Matched as whole words, lower case.
pub const UPDATE_CUES: &[&str] = &[
    // en: verbs of change only with their "to" or "from" ("the toll rose
    // to 17"): "bombs fell", "leaflets were dropped" report no change.
    "rose to",
    "rose from",
    "risen to",
    "risen from",
    "rises to",
    "rising to",
    "climbed to",
    "climbs to",
    "increased to",
    "jumped to",
    "grew to",
    "fell to",
    "fallen to",
    "dropped to",
    "revised",
    "updated",
    "had put",
    "earlier",
    "previous",
    "initially",
    "originally",
    "first reported",
    "initial reports",
    "at one point",
    "has since",
    "have since",
    "so far",
    "up from",
    "down from",
    // es
    "ascendió",
    "asciende",
    "subió",
    "sube",
    "aumentó",
    "elevó",
    "eleva",
    "bajó",
    "revisó",
    "inicialmente",
    "en un principio",
    "hasta ahora",
    "anterior",
    "previamente",
];

/// Phrases that name a happening ([`CONCEPTS`] rows), read just before or
/// just after a number ("home to 120,000", "took to the streets", "taken
/// to hospital"), and surer than any single word near it.
pub const CONCEPT_PHRASES: &[(&str, &str)] = &[
    ("home to", "population"),
    ("population of", "population"),
    ("death toll", "dead"),
    ("took to the streets", "protesters"),
    ("salieron a la calle", "protesters"),
    ("saldo de", "dead"),
    // After the number: people taken to hospital are the injured.
    ("to hospital", "injured"),
    ("in hospital", "injured"),
    ("al hospital", "injured"),
    ("en el hospital", "injured"),
    ("hospitalizadas", "injured"),
    ("hospitalizados", "injured"),
];

/// Nouns that name the measure itself ("the death toll has risen to 17",
/// "a population of"), and so decide the happening wherever they sit in
/// the figure's clause, over other happenings the clause names.
pub const MEASURE_NOUNS: &[(&str, &str)] = &[
    ("toll", "dead"),
    ("tolls", "dead"),
    ("fatalities", "dead"),
    ("balance", "dead"),
    ("population", "population"),
    ("población", "population"),
    ("turnout", "votes"),
];

/// Units as the analyzer writes them (lower case, `_` read as a space),
/// with their dimension and the factor to its base unit: seconds, metres,
/// square metres, kilograms, km/h. Units not listed are counted nouns.
pub const UNIT_DIMENSIONS: &[(&str, &str, f64)] = &[
    ("second", "duration", 1.0),
    ("seconds", "duration", 1.0),
    ("segundos", "duration", 1.0),
    ("minute", "duration", 60.0),
    ("minutes", "duration", 60.0),
    ("minutos", "duration", 60.0),
    ("hour", "duration", 3_600.0),
    ("hours", "duration", 3_600.0),
    ("hrs", "duration", 3_600.0),
    ("horas", "duration", 3_600.0),
    ("day", "duration", 86_400.0),
    ("days", "duration", 86_400.0),
    ("días", "duration", 86_400.0),
    ("week", "duration", 604_800.0),
    ("weeks", "duration", 604_800.0),
    ("semanas", "duration", 604_800.0),
    ("month", "duration", 2_629_746.0),
    ("months", "duration", 2_629_746.0),
    ("meses", "duration", 2_629_746.0),
    ("year", "duration", 31_556_952.0),
    ("years", "duration", 31_556_952.0),
    ("años", "duration", 31_556_952.0),
    ("decade", "duration", 315_569_520.0),
    ("decades", "duration", 315_569_520.0),
    ("décadas", "duration", 315_569_520.0),
    ("m", "length", 1.0),
    ("metre", "length", 1.0),
    ("metres", "length", 1.0),
    ("meter", "length", 1.0),
    ("meters", "length", 1.0),
    ("metros", "length", 1.0),
    ("cm", "length", 0.01),
    ("mm", "length", 0.001),
    ("km", "length", 1_000.0),
    ("kilometres", "length", 1_000.0),
    ("kilometers", "length", 1_000.0),
    ("kilómetros", "length", 1_000.0),
    ("mile", "length", 1_609.344),
    ("miles", "length", 1_609.344),
    ("millas", "length", 1_609.344),
    ("nautical miles", "length", 1_852.0),
    ("nautical mile", "length", 1_852.0),
    ("nm", "length", 1_852.0),
    ("nmi", "length", 1_852.0),
    ("millas náuticas", "length", 1_852.0),
    ("feet", "length", 0.3048),
    ("foot", "length", 0.3048),
    ("ft", "length", 0.3048),
    ("in", "length", 0.0254),
    ("pies", "length", 0.3048),
    ("inch", "length", 0.0254),
    ("inches", "length", 0.0254),
    ("yards", "length", 0.9144),
    ("square km", "area", 1e6),
    ("square kilometres", "area", 1e6),
    ("square kilometers", "area", 1e6),
    ("km2", "area", 1e6),
    ("km²", "area", 1e6),
    ("square miles", "area", 2_589_988.0),
    ("square metres", "area", 1.0),
    ("square meters", "area", 1.0),
    ("m2", "area", 1.0),
    ("m²", "area", 1.0),
    ("square feet", "area", 0.092_903),
    ("acres", "area", 4_046.856),
    ("hectares", "area", 10_000.0),
    ("hectáreas", "area", 10_000.0),
    ("ha", "area", 10_000.0),
    ("kg", "mass", 1.0),
    ("t", "mass", 1_000.0),
    ("tonnes", "mass", 1_000.0),
    ("tons", "mass", 1_000.0),
    ("toneladas", "mass", 1_000.0),
    ("mph", "speed", 1.609_344),
    ("km/h", "speed", 1.0),
    ("kph", "speed", 1.0),
    ("magnitude", "magnitude", 1.0),
    ("richter", "magnitude", 1.0),
    ("times", "count", 1.0),
    ("floor", "floor", 1.0),
    ("people", "count", 1.0),
];

/// Counted things and the words for them, in every language: two heads
/// meet when they name one thing ("people", "personas"). Lower case.
pub const THINGS: &[(&str, &[&str])] = &[
    (
        "person",
        &[
            "people",
            "persons",
            "person",
            "individuals",
            "personnel",
            "efectivos",
            "personas",
            "persona",
            "individuos",
            "gente",
        ],
    ),
    (
        "child",
        &["children", "child", "kids", "niños", "niñas", "menores"],
    ),
    ("woman", &["women", "woman", "mujeres", "mujer"]),
    ("man", &["men", "man", "hombres", "hombre"]),
    (
        "house",
        &[
            "houses",
            "homes",
            "house",
            "home",
            "casas",
            "viviendas",
            "hogares",
        ],
    ),
    (
        "village",
        &["villages", "village", "aldeas", "pueblos", "poblados"],
    ),
    (
        "building",
        &["buildings", "building", "edificios", "inmuebles"],
    ),
    (
        "vehicle",
        &["vehicles", "cars", "vehículos", "coches", "autos", "carros"],
    ),
    ("boat", &["boats", "boat", "barcas", "lanchas", "botes"]),
    (
        "ship",
        &[
            "ships", "vessels", "ship", "vessel", "buques", "barcos", "navíos",
        ],
    ),
    (
        "soldier",
        &["soldiers", "troops", "soldados", "tropas", "militares"],
    ),
    ("firefighter", &["firefighters", "firemen", "bomberos"]),
    ("rescuer", &["rescuers", "rescatistas", "socorristas"]),
    ("doctor", &["doctors", "médicos"]),
    ("nurse", &["nurses", "enfermeras", "enfermeros"]),
    (
        "journalist",
        &["journalists", "reporters", "periodistas", "reporteros"],
    ),
    (
        "protester",
        &["protesters", "demonstrators", "manifestantes"],
    ),
    (
        "resident",
        &[
            "residents",
            "inhabitants",
            "residentes",
            "habitantes",
            "vecinos",
        ],
    ),
    ("passenger", &["passengers", "pasajeros"]),
    ("tourist", &["tourists", "turistas"]),
    ("official", &["officials", "funcionarios"]),
    (
        "police",
        &["police", "policemen", "officers", "policías", "agentes"],
    ),
    (
        "worker",
        &[
            "workers",
            "employees",
            "operarios",
            "staff",
            "trabajadores",
            "empleados",
            "obreros",
        ],
    ),
    ("student", &["students", "pupils", "estudiantes", "alumnos"]),
    (
        "prisoner",
        &[
            "prisoners",
            "prisoner",
            "inmates",
            "inmate",
            "detainees",
            "detainee",
            "presos",
            "reclusos",
            "internos",
            "detenidos",
        ],
    ),
    ("refugee", &["refugees", "refugiados"]),
    (
        "migrant",
        &["migrants", "immigrants", "migrantes", "inmigrantes"],
    ),
    ("victim", &["victims", "víctimas"]),
    ("school", &["schools", "escuelas", "colegios"]),
    ("country", &["countries", "países"]),
    ("gun", &["guns", "weapons", "firearms", "armas"]),
    ("bomb", &["bombs", "bombas", "explosives", "explosivos"]),
    ("cable", &["cables"]),
    (
        "crew",
        &[
            "crew",
            "crewmen",
            "crew members",
            "sailors",
            "tripulantes",
            "marineros",
        ],
    ),
    ("family", &["families", "familias"]),
];

/// Words that make a figure an addition to a count given elsewhere
/// ("another 2,000", "two more victims", "a further 20,000", "otros 300").
/// Matched right before the number, or after it for "more".
pub const INCREMENT_WORDS: &[&str] = &[
    "another",
    "more",
    "further",
    "additional",
    "extra",
    "other",
    "otros",
    "otras",
    "más",
    "adicionales",
];

/// Words near a number that make it a part of a group given in the same
/// clause ("30 of the 80 wounded", "two of whom", "including 12").
pub const PART_CUES: &[&str] = &[
    "of the",
    "of whom",
    "of which",
    "including",
    "among them",
    "among whom",
    "de los",
    "de las",
    "de ellos",
    "de ellas",
    "entre ellos",
    "incluidos",
    "incluidas",
];

/// Words that make a magnitude an aftershock's, not the main quake's.
pub const AFTERSHOCK_WORDS: &[&str] = &[
    // en
    "aftershock",
    "aftershocks",
    // es
    "réplica",
    "réplicas",
];

/// Counted nouns that take in both the dead and the injured: "no
/// casualties" says that no one was killed and no one was hurt, so the zero
/// meets a count of either (a nonzero count of casualties is neither).
pub const HARM_HEADS: &[&str] = &[
    // en
    "casualties",
    "casualty",
    // es
    "bajas",
    "víctimas",
];

/// Words in a clause that make a count cover a whole country or the world
/// ("100,000 marched nationwide"): such a count is not one city's count,
/// whatever the two have in common.
pub const WIDE_SCOPE_CUES: &[&str] = &[
    // en
    "nationwide",
    "countrywide",
    "statewide",
    "worldwide",
    "nationally",
    "across the country",
    "across the nation",
    "around the country",
    "all over the country",
    "throughout the country",
    "around the world",
    // es
    "en todo el país",
    "en todo el territorio",
    "a nivel nacional",
    "a escala nacional",
    "en todo el mundo",
    "a nivel mundial",
];

/// Words in a clause that place a figure in the past, before the event
/// the coverage is about ("last month", "in a previous attack", "earlier
/// this year"): such a figure may belong to another happening.
pub const BACKGROUND_CUES: &[&str] = &[
    "last month",
    "last year",
    "last week",
    "earlier this year",
    "earlier this month",
    "in the past",
    "ago",
    "el mes pasado",
    "el año pasado",
    "la semana pasada",
    "anterior",
    "hace",
];

/// Counted nouns that name no group in particular ("dozens of men", "300
/// people", "23 personas"): such a head says nothing about which quantity a
/// figure is, so its clause decides alone.
pub const GENERIC_PERSONS: &[&str] = &[
    // en
    "people",
    "persons",
    "men",
    "women",
    "individuals",
    "adults",
    // es
    "personas",
    "hombres",
    "mujeres",
    "individuos",
    "adultos",
];
