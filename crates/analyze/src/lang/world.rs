//! The world gazetteer shared by all languages: countries and regions with
//! their names in every supported language, demonyms and capitals, plus a
//! short list of well-known organizations whose names carry no suffix.
//! Names are lower case; `codes` are matched case-sensitively because
//! "US" and "us" are different words.

/// One country or region.
#[derive(Debug)]
pub struct Country {
    /// Canonical English name.
    pub canonical: &'static str,
    /// Names in every language, lower case, multi-word with single spaces.
    pub names: &'static [&'static str],
    /// Case-sensitive codes ("US", "U.S.", "EE.UU.").
    pub codes: &'static [&'static str],
    /// Demonyms, lower case, singular and plural, every language.
    pub demonyms: &'static [&'static str],
    /// Capitals (lower case), used for metonymy ("Washington said").
    pub capitals: &'static [&'static str],
}

macro_rules! c {
    ($can:expr, [$($n:expr),*], [$($c:expr),*], [$($d:expr),*], [$($cap:expr),*]) => {
        Country { canonical: $can, names: &[$($n),*], codes: &[$($c),*], demonyms: &[$($d),*], capitals: &[$($cap),*] }
    };
}

/// Countries and regions.
pub static COUNTRIES: &[Country] = &[
    c!(
        "United States",
        [
            "united states",
            "united states of america",
            "america",
            "estados unidos"
        ],
        ["US", "U.S.", "USA", "U.S.A.", "EE.UU.", "EEUU", "EE. UU."],
        [
            "american",
            "americans",
            "estadounidense",
            "estadounidenses",
            "norteamericano",
            "norteamericanos",
            "norteamericana"
        ],
        ["washington"]
    ),
    c!(
        "Canada",
        ["canada", "canadá"],
        [],
        ["canadian", "canadians", "canadiense", "canadienses"],
        ["ottawa"]
    ),
    c!(
        "Mexico",
        ["mexico", "méxico"],
        [],
        [
            "mexican",
            "mexicans",
            "mexicano",
            "mexicanos",
            "mexicana",
            "mexicanas"
        ],
        ["mexico city", "ciudad de méxico"]
    ),
    c!(
        "Guatemala",
        ["guatemala"],
        [],
        [
            "guatemalan",
            "guatemalans",
            "guatemalteco",
            "guatemaltecos",
            "guatemalteca"
        ],
        ["guatemala city"]
    ),
    c!(
        "El Salvador",
        ["el salvador"],
        [],
        [
            "salvadoran",
            "salvadorans",
            "salvadorian",
            "el salvadoran",
            "el salvadorian",
            "salvadoreño",
            "salvadoreños",
            "salvadoreña",
            "salvadoreñas"
        ],
        ["san salvador"]
    ),
    c!(
        "Honduras",
        ["honduras"],
        [],
        [
            "honduran",
            "hondurans",
            "hondureño",
            "hondureños",
            "hondureña"
        ],
        ["tegucigalpa"]
    ),
    c!(
        "Nicaragua",
        ["nicaragua"],
        [],
        ["nicaraguan", "nicaraguans", "nicaragüense", "nicaragüenses"],
        ["managua"]
    ),
    c!(
        "Costa Rica",
        ["costa rica"],
        [],
        [
            "costa rican",
            "costa ricans",
            "costarricense",
            "costarricenses"
        ],
        ["san josé", "san jose"]
    ),
    c!(
        "Panama",
        ["panama", "panamá"],
        [],
        [
            "panamanian",
            "panamanians",
            "panameño",
            "panameños",
            "panameña"
        ],
        ["panama city"]
    ),
    c!(
        "Cuba",
        ["cuba"],
        [],
        ["cuban", "cubans", "cubano", "cubanos", "cubana"],
        ["havana", "la habana"]
    ),
    c!(
        "Haiti",
        ["haiti", "haití"],
        [],
        ["haitian", "haitians", "haitiano", "haitianos"],
        ["port-au-prince"]
    ),
    c!(
        "Dominican Republic",
        ["dominican republic", "república dominicana"],
        [],
        ["dominican", "dominicans", "dominicano", "dominicanos"],
        ["santo domingo"]
    ),
    c!(
        "Jamaica",
        ["jamaica"],
        [],
        ["jamaican", "jamaicans", "jamaiquino"],
        ["kingston"]
    ),
    c!(
        "Puerto Rico",
        ["puerto rico"],
        [],
        [
            "puerto rican",
            "puerto ricans",
            "puertorriqueño",
            "puertorriqueños"
        ],
        ["san juan"]
    ),
    c!(
        "Colombia",
        ["colombia"],
        [],
        [
            "colombian",
            "colombians",
            "colombiano",
            "colombianos",
            "colombiana"
        ],
        ["bogotá", "bogota"]
    ),
    c!(
        "Venezuela",
        ["venezuela"],
        [],
        [
            "venezuelan",
            "venezuelans",
            "venezolano",
            "venezolanos",
            "venezolana",
            "venezolanas"
        ],
        ["caracas"]
    ),
    c!(
        "Ecuador",
        ["ecuador"],
        [],
        ["ecuadorian", "ecuadorians", "ecuatoriano", "ecuatorianos"],
        ["quito"]
    ),
    c!(
        "Peru",
        ["peru", "perú"],
        [],
        ["peruvian", "peruvians", "peruano", "peruanos", "peruana"],
        ["lima"]
    ),
    c!(
        "Bolivia",
        ["bolivia"],
        [],
        ["bolivian", "bolivians", "boliviano", "bolivianos"],
        ["la paz", "sucre"]
    ),
    c!(
        "Brazil",
        ["brazil", "brasil"],
        [],
        [
            "brazilian",
            "brazilians",
            "brasileño",
            "brasileños",
            "brasileña"
        ],
        ["brasília", "brasilia"]
    ),
    c!(
        "Chile",
        ["chile"],
        [],
        ["chilean", "chileans", "chileno", "chilenos", "chilena"],
        ["santiago"]
    ),
    c!(
        "Argentina",
        ["argentina"],
        [],
        [
            "argentine",
            "argentines",
            "argentinian",
            "argentino",
            "argentinos",
            "argentina"
        ],
        ["buenos aires"]
    ),
    c!(
        "Uruguay",
        ["uruguay"],
        [],
        ["uruguayan", "uruguayans", "uruguayo", "uruguayos"],
        ["montevideo"]
    ),
    c!(
        "Paraguay",
        ["paraguay"],
        [],
        ["paraguayan", "paraguayans", "paraguayo", "paraguayos"],
        ["asunción", "asuncion"]
    ),
    c!(
        "United Kingdom",
        [
            "united kingdom",
            "britain",
            "great britain",
            "reino unido",
            "gran bretaña"
        ],
        ["UK", "U.K."],
        [
            "british",
            "briton",
            "britons",
            "británico",
            "británicos",
            "británica"
        ],
        ["london", "londres"]
    ),
    c!(
        "Ireland",
        ["ireland", "irlanda"],
        [],
        ["irish", "irlandés", "irlandeses"],
        ["dublin", "dublín"]
    ),
    c!(
        "France",
        ["france", "francia"],
        [],
        ["french", "francés", "franceses", "francesa"],
        ["paris", "parís"]
    ),
    c!(
        "Spain",
        ["spain", "españa"],
        [],
        [
            "spanish",
            "spaniard",
            "spaniards",
            "español",
            "españoles",
            "española"
        ],
        ["madrid"]
    ),
    c!(
        "Portugal",
        ["portugal"],
        [],
        ["portuguese", "portugués", "portugueses"],
        ["lisbon", "lisboa"]
    ),
    c!(
        "Germany",
        ["germany", "alemania"],
        [],
        ["german", "germans", "alemán", "alemanes", "alemana"],
        ["berlin", "berlín"]
    ),
    c!(
        "Italy",
        ["italy", "italia"],
        [],
        ["italian", "italians", "italiano", "italianos", "italiana"],
        ["rome", "roma"]
    ),
    c!(
        "Netherlands",
        [
            "netherlands",
            "the netherlands",
            "holland",
            "países bajos",
            "holanda"
        ],
        [],
        ["dutch", "neerlandés", "holandés", "holandeses"],
        ["amsterdam", "the hague"]
    ),
    c!(
        "Belgium",
        ["belgium", "bélgica"],
        [],
        ["belgian", "belgians", "belga", "belgas"],
        ["brussels", "bruselas"]
    ),
    c!(
        "Switzerland",
        ["switzerland", "suiza"],
        [],
        ["swiss", "suizo", "suizos"],
        ["bern", "berna"]
    ),
    c!(
        "Austria",
        ["austria"],
        [],
        ["austrian", "austrians", "austriaco", "austríaco"],
        ["vienna", "viena"]
    ),
    c!(
        "Sweden",
        ["sweden", "suecia"],
        [],
        ["swedish", "swede", "swedes", "sueco", "suecos"],
        ["stockholm", "estocolmo"]
    ),
    c!(
        "Norway",
        ["norway", "noruega"],
        [],
        ["norwegian", "norwegians", "noruego", "noruegos"],
        ["oslo"]
    ),
    c!(
        "Denmark",
        ["denmark", "dinamarca"],
        [],
        ["danish", "dane", "danes", "danés", "daneses"],
        ["copenhagen", "copenhague"]
    ),
    c!(
        "Finland",
        ["finland", "finlandia"],
        [],
        ["finnish", "finn", "finns", "finlandés"],
        ["helsinki"]
    ),
    c!(
        "Poland",
        ["poland", "polonia"],
        [],
        ["polish", "pole", "poles", "polaco", "polacos"],
        ["warsaw", "varsovia"]
    ),
    c!(
        "Czech Republic",
        ["czech republic", "czechia", "república checa", "chequia"],
        [],
        ["czech", "czechs", "checo", "checos"],
        ["prague", "praga"]
    ),
    c!(
        "Hungary",
        ["hungary", "hungría"],
        [],
        ["hungarian", "hungarians", "húngaro", "húngaros"],
        ["budapest"]
    ),
    c!(
        "Romania",
        ["romania", "rumania", "rumanía"],
        [],
        ["romanian", "romanians", "rumano", "rumanos"],
        ["bucharest", "bucarest"]
    ),
    c!(
        "Greece",
        ["greece", "grecia"],
        [],
        ["greek", "greeks", "griego", "griegos"],
        ["athens", "atenas"]
    ),
    c!(
        "Turkey",
        ["turkey", "türkiye", "turquía"],
        [],
        ["turkish", "turk", "turks", "turco", "turcos"],
        ["ankara"]
    ),
    c!(
        "Russia",
        ["russia", "rusia", "russian federation"],
        [],
        ["russian", "russians", "ruso", "rusos", "rusa"],
        ["moscow", "moscú", "kremlin"]
    ),
    c!(
        "Ukraine",
        ["ukraine", "ucrania"],
        [],
        [
            "ukrainian",
            "ukrainians",
            "ucraniano",
            "ucranianos",
            "ucraniana"
        ],
        ["kyiv", "kiev"]
    ),
    c!(
        "Belarus",
        ["belarus", "bielorrusia"],
        [],
        ["belarusian", "belarusians", "bielorruso"],
        ["minsk"]
    ),
    c!(
        "Israel",
        ["israel"],
        [],
        ["israeli", "israelis", "israelí", "israelíes"],
        ["jerusalem", "jerusalén"]
    ),
    c!(
        "Palestine",
        ["palestine", "palestina", "gaza", "west bank", "cisjordania"],
        [],
        ["palestinian", "palestinians", "palestino", "palestinos"],
        ["ramallah"]
    ),
    c!(
        "Lebanon",
        ["lebanon", "líbano"],
        [],
        ["lebanese", "libanés", "libaneses"],
        ["beirut"]
    ),
    c!(
        "Syria",
        ["syria", "siria"],
        [],
        ["syrian", "syrians", "sirio", "sirios"],
        ["damascus", "damasco"]
    ),
    c!(
        "Iraq",
        ["iraq", "irak"],
        [],
        ["iraqi", "iraqis", "iraquí", "iraquíes"],
        ["baghdad", "bagdad"]
    ),
    c!(
        "Iran",
        ["iran", "irán"],
        [],
        ["iranian", "iranians", "iraní", "iraníes"],
        ["tehran", "teherán"]
    ),
    c!(
        "Saudi Arabia",
        ["saudi arabia", "arabia saudí", "arabia saudita"],
        [],
        ["saudi", "saudis", "saudí", "saudíes"],
        ["riyadh", "riad"]
    ),
    c!(
        "Yemen",
        ["yemen"],
        [],
        ["yemeni", "yemenis", "yemení"],
        ["sanaa", "saná"]
    ),
    c!(
        "Jordan",
        ["jordan", "jordania"],
        [],
        ["jordanian", "jordanians", "jordano"],
        ["amman", "amán"]
    ),
    c!(
        "Egypt",
        ["egypt", "egipto"],
        [],
        ["egyptian", "egyptians", "egipcio", "egipcios"],
        ["cairo", "el cairo"]
    ),
    c!(
        "Libya",
        ["libya", "libia"],
        [],
        ["libyan", "libyans", "libio", "libios"],
        ["tripoli", "trípoli"]
    ),
    c!(
        "Tunisia",
        ["tunisia", "túnez"],
        [],
        ["tunisian", "tunisians", "tunecino"],
        ["tunis"]
    ),
    c!(
        "Algeria",
        ["algeria", "argelia"],
        [],
        ["algerian", "algerians", "argelino", "argelinos"],
        ["algiers", "argel"]
    ),
    c!(
        "Morocco",
        ["morocco", "marruecos"],
        [],
        ["moroccan", "moroccans", "marroquí", "marroquíes"],
        ["rabat"]
    ),
    c!(
        "Nigeria",
        ["nigeria"],
        [],
        ["nigerian", "nigerians", "nigeriano", "nigerianos"],
        ["abuja"]
    ),
    c!(
        "Ethiopia",
        ["ethiopia", "etiopía"],
        [],
        ["ethiopian", "ethiopians", "etíope", "etíopes"],
        ["addis ababa"]
    ),
    c!(
        "Kenya",
        ["kenya", "kenia"],
        [],
        ["kenyan", "kenyans", "keniano", "kenianos"],
        ["nairobi"]
    ),
    c!(
        "South Africa",
        ["south africa", "sudáfrica"],
        [],
        [
            "south african",
            "south africans",
            "sudafricano",
            "sudafricanos"
        ],
        ["pretoria"]
    ),
    c!(
        "Sudan",
        ["sudan", "sudán"],
        [],
        ["sudanese", "sudanés"],
        ["khartoum", "jartum"]
    ),
    c!(
        "Somalia",
        ["somalia"],
        [],
        ["somali", "somalis", "somalí"],
        ["mogadishu"]
    ),
    c!(
        "Congo",
        ["congo", "democratic republic of the congo"],
        ["DRC"],
        ["congolese", "congoleño"],
        ["kinshasa"]
    ),
    c!("Ghana", ["ghana"], [], ["ghanaian", "ghanaians"], ["accra"]),
    c!(
        "Senegal",
        ["senegal"],
        [],
        ["senegalese", "senegalés"],
        ["dakar"]
    ),
    c!(
        "India",
        ["india"],
        [],
        ["indian", "indians", "indio", "indios", "hindú"],
        ["new delhi", "nueva delhi"]
    ),
    c!(
        "Pakistan",
        ["pakistan", "pakistán"],
        [],
        ["pakistani", "pakistanis", "pakistaní"],
        ["islamabad"]
    ),
    c!(
        "Afghanistan",
        ["afghanistan", "afganistán"],
        [],
        ["afghan", "afghans", "afgano", "afganos"],
        ["kabul"]
    ),
    c!(
        "Bangladesh",
        ["bangladesh"],
        [],
        ["bangladeshi", "bangladesíes"],
        ["dhaka"]
    ),
    c!(
        "China",
        ["china"],
        [],
        ["chinese", "chino", "chinos", "china"],
        ["beijing", "pekín"]
    ),
    c!(
        "Taiwan",
        ["taiwan", "taiwán"],
        [],
        ["taiwanese", "taiwanés"],
        ["taipei"]
    ),
    c!(
        "Japan",
        ["japan", "japón"],
        [],
        ["japanese", "japonés", "japoneses"],
        ["tokyo", "tokio"]
    ),
    c!(
        "South Korea",
        ["south korea", "corea del sur"],
        [],
        ["south korean", "south koreans", "surcoreano", "surcoreanos"],
        ["seoul", "seúl"]
    ),
    c!(
        "North Korea",
        ["north korea", "corea del norte"],
        [],
        ["north korean", "north koreans", "norcoreano", "norcoreanos"],
        ["pyongyang"]
    ),
    c!(
        "Vietnam",
        ["vietnam"],
        [],
        ["vietnamese", "vietnamita", "vietnamitas"],
        ["hanoi"]
    ),
    c!(
        "Thailand",
        ["thailand", "tailandia"],
        [],
        ["thai", "tailandés"],
        ["bangkok"]
    ),
    c!(
        "Indonesia",
        ["indonesia"],
        [],
        ["indonesian", "indonesians", "indonesio"],
        ["jakarta", "yakarta"]
    ),
    c!(
        "Philippines",
        ["philippines", "filipinas"],
        [],
        ["filipino", "filipinos", "philippine"],
        ["manila"]
    ),
    c!(
        "Malaysia",
        ["malaysia", "malasia"],
        [],
        ["malaysian", "malaysians", "malasio"],
        ["kuala lumpur"]
    ),
    c!(
        "Australia",
        ["australia"],
        [],
        ["australian", "australians", "australiano", "australianos"],
        ["canberra"]
    ),
    c!(
        "New Zealand",
        ["new zealand", "nueva zelanda"],
        [],
        ["new zealander", "neozelandés"],
        ["wellington"]
    ),
    c!(
        "Qatar",
        ["qatar", "catar"],
        [],
        ["qatari", "qataris", "catarí"],
        ["doha"]
    ),
    c!(
        "United Arab Emirates",
        ["united arab emirates", "emiratos árabes unidos"],
        ["UAE"],
        ["emirati", "emiratís"],
        ["abu dhabi"]
    ),
    c!(
        "Kazakhstan",
        ["kazakhstan", "kazajistán"],
        [],
        ["kazakh"],
        ["astana"]
    ),
    c!(
        "Georgia",
        ["georgia"],
        [],
        ["georgian", "georgiano"],
        ["tbilisi"]
    ),
    c!(
        "Armenia",
        ["armenia"],
        [],
        ["armenian", "armenians", "armenio"],
        ["yerevan", "ereván"]
    ),
    c!(
        "Azerbaijan",
        ["azerbaijan", "azerbaiyán"],
        [],
        ["azerbaijani", "azerí"],
        ["baku", "bakú"]
    ),
    c!(
        "Serbia",
        ["serbia"],
        [],
        ["serbian", "serb", "serbs", "serbio"],
        ["belgrade", "belgrado"]
    ),
    c!(
        "Croatia",
        ["croatia", "croacia"],
        [],
        ["croatian", "croat", "croats", "croata"],
        ["zagreb"]
    ),
    c!(
        "Latin America",
        ["latin america", "latinoamérica", "américa latina"],
        [],
        [
            "latin american",
            "latin americans",
            "latinoamericano",
            "latinoamericanos",
            "latinoamericana"
        ],
        []
    ),
    c!(
        "Central America",
        ["central america", "centroamérica", "américa central"],
        [],
        [
            "central american",
            "centroamericano",
            "centroamericanos",
            "centroamericana"
        ],
        []
    ),
    c!(
        "South America",
        ["south america", "sudamérica", "suramérica"],
        [],
        ["south american", "sudamericano"],
        []
    ),
    c!(
        "Europe",
        ["europe", "europa"],
        [],
        ["european", "europeans", "europeo", "europeos", "europea"],
        []
    ),
    c!(
        "Africa",
        ["africa", "áfrica"],
        [],
        ["african", "africans", "africano", "africanos"],
        []
    ),
    c!(
        "Asia",
        ["asia"],
        [],
        ["asian", "asians", "asiático", "asiáticos"],
        []
    ),
    c!(
        "Middle East",
        ["middle east", "oriente medio", "oriente próximo"],
        [],
        [],
        []
    ),
    c!(
        "Caribbean",
        ["caribbean", "caribe"],
        [],
        ["caribeño", "caribeños"],
        []
    ),
];

/// Organizations known by a bare name, lower case, with a canonical name.
pub static KNOWN_ORGS: &[(&str, &str)] = &[
    ("white house", "White House"),
    ("casa blanca", "White House"),
    ("kremlin", "Kremlin"),
    ("pentagon", "Pentagon"),
    ("pentágono", "Pentagon"),
    ("united nations", "United Nations"),
    ("naciones unidas", "United Nations"),
    ("european union", "European Union"),
    ("unión europea", "European Union"),
    ("nato", "NATO"),
    ("otan", "NATO"),
    ("world bank", "World Bank"),
    ("banco mundial", "World Bank"),
    ("downing street", "Downing Street"),
    ("élysée", "Élysée"),
    ("vatican", "Vatican"),
    ("vaticano", "Vatican"),
    ("capitol hill", "Congress"),
    ("amnesty", "Amnesty International"),
    ("interpol", "Interpol"),
    ("hamas", "Hamas"),
    ("hezbollah", "Hezbollah"),
    ("taliban", "Taliban"),
];

/// Regions and their member countries (canonical names above), so that
/// "the Central American country" looks only at Central American countries.
pub static REGIONS: &[(&str, &[&str])] = &[
    (
        "Central America",
        &[
            "Guatemala",
            "El Salvador",
            "Honduras",
            "Nicaragua",
            "Costa Rica",
            "Panama",
        ],
    ),
    (
        "Caribbean",
        &[
            "Cuba",
            "Haiti",
            "Dominican Republic",
            "Jamaica",
            "Puerto Rico",
        ],
    ),
    (
        "South America",
        &[
            "Colombia",
            "Venezuela",
            "Ecuador",
            "Peru",
            "Bolivia",
            "Brazil",
            "Chile",
            "Argentina",
            "Uruguay",
            "Paraguay",
        ],
    ),
    (
        "Latin America",
        &[
            "Mexico",
            "Guatemala",
            "El Salvador",
            "Honduras",
            "Nicaragua",
            "Costa Rica",
            "Panama",
            "Cuba",
            "Haiti",
            "Dominican Republic",
            "Puerto Rico",
            "Colombia",
            "Venezuela",
            "Ecuador",
            "Peru",
            "Bolivia",
            "Brazil",
            "Chile",
            "Argentina",
            "Uruguay",
            "Paraguay",
        ],
    ),
    (
        "Europe",
        &[
            "United Kingdom",
            "Ireland",
            "France",
            "Spain",
            "Portugal",
            "Germany",
            "Italy",
            "Netherlands",
            "Belgium",
            "Switzerland",
            "Austria",
            "Sweden",
            "Norway",
            "Denmark",
            "Finland",
            "Poland",
            "Czech Republic",
            "Hungary",
            "Romania",
            "Greece",
            "Ukraine",
            "Belarus",
            "Serbia",
            "Croatia",
            "Russia",
        ],
    ),
    (
        "Middle East",
        &[
            "Israel",
            "Palestine",
            "Lebanon",
            "Syria",
            "Iraq",
            "Iran",
            "Saudi Arabia",
            "Yemen",
            "Jordan",
            "Egypt",
            "Qatar",
            "United Arab Emirates",
            "Turkey",
        ],
    ),
    (
        "Africa",
        &[
            "Egypt",
            "Libya",
            "Tunisia",
            "Algeria",
            "Morocco",
            "Nigeria",
            "Ethiopia",
            "Kenya",
            "South Africa",
            "Sudan",
            "Somalia",
            "Congo",
            "Ghana",
            "Senegal",
        ],
    ),
    (
        "Asia",
        &[
            "India",
            "Pakistan",
            "Afghanistan",
            "Bangladesh",
            "China",
            "Taiwan",
            "Japan",
            "South Korea",
            "North Korea",
            "Vietnam",
            "Thailand",
            "Indonesia",
            "Philippines",
            "Malaysia",
            "Kazakhstan",
        ],
    ),
];

/// True when country `c` lies in region `r` (indices into [`COUNTRIES`]).
pub fn in_region(c: u16, r: u16) -> bool {
    let (Some(c), Some(r)) = (COUNTRIES.get(c as usize), COUNTRIES.get(r as usize)) else {
        return false;
    };
    REGIONS
        .iter()
        .any(|(name, members)| *name == r.canonical && members.contains(&c.canonical))
}

/// True when the entry is a region rather than a country.
pub fn is_region(r: u16) -> bool {
    COUNTRIES
        .get(r as usize)
        .is_some_and(|x| x.capitals.is_empty())
}
