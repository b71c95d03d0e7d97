//! Fictional fixtures, English and Spanish, one test per phenomenon.

mod common;
use common::{article_at as article, figures, quotes};
use crosswire_analyze::{analyze, analyze_with, token, Options};
use crosswire_model::{
    Article, ArticleBuilder, BlockKind, EntityKind, Figure, FigureRole, Precision, Qualifier,
    QuoteSpan, SpanKind,
};

fn figure(a: &Article, needle: &str) -> Figure {
    figures(a)
        .into_iter()
        .find(|(t, _)| t.contains(needle))
        .map(|x| x.1)
        .unwrap_or_else(|| panic!("no figure {needle:?} in {:?}", figures(a)))
}

fn dates(a: &Article) -> Vec<(String, Option<String>)> {
    a.spans
        .iter()
        .filter_map(|s| match &s.kind {
            SpanKind::Date(d) => Some((a.slice(s.range).to_string(), d.resolved.clone())),
            _ => None,
        })
        .collect()
}

fn date(a: &Article, needle: &str) -> Option<String> {
    dates(a)
        .into_iter()
        .find(|(t, _)| t.contains(needle))
        .unwrap_or_else(|| panic!("no date {needle:?} in {:?}", dates(a)))
        .1
}

fn quote(a: &Article, needle: &str) -> QuoteSpan {
    quotes(a)
        .into_iter()
        .find(|(t, _)| t.contains(needle))
        .map(|x| x.1)
        .unwrap_or_else(|| panic!("no quote {needle:?} in {:?}", quotes(a)))
}

/// (text, kind, cluster)
fn entities(a: &Article) -> Vec<(String, EntityKind, u32)> {
    a.spans
        .iter()
        .filter_map(|s| match &s.kind {
            SpanKind::Entity {
                entity, cluster, ..
            } => Some((a.slice(s.range).to_string(), *entity, *cluster)),
            _ => None,
        })
        .collect()
}

fn cluster_of(a: &Article, text: &str) -> u32 {
    entities(a)
        .into_iter()
        .find(|(t, _, _)| t == text)
        .map(|x| x.2)
        .unwrap_or_else(|| panic!("no entity {text:?} in {:?}", entities(a)))
}

fn kind_of(a: &Article, text: &str) -> EntityKind {
    entities(a)
        .into_iter()
        .find(|(t, _, _)| t == text)
        .map(|x| x.1)
        .unwrap_or_else(|| panic!("no entity {text:?} in {:?}", entities(a)))
}

/// The quote's speaker cluster holds a mention written `name`, or is
/// canonically named `name`.
fn speaker_is(a: &Article, q: &QuoteSpan, name: &str) -> bool {
    let Some(c) = q.speaker_cluster else {
        return false;
    };
    q.speaker.as_deref() == Some(name) || entities(a).iter().any(|(t, _, cl)| *cl == c && t == name)
}

// ---------------------------------------------------------------- sentences

#[test]
fn sentences_survive_abbreviations_and_initials() {
    let a = article(
        "en",
        None,
        &["Mr. Pell met Gen. Oduya in the U.S. capital at 3 p.m. Later, Brightwater Inc. said it agreed. J. R. Haskins left the U.S. The talks ended."],
    );
    let sents: Vec<&str> = a
        .spans
        .iter()
        .filter(|s| matches!(s.kind, SpanKind::Sentence))
        .map(|s| a.slice(s.range))
        .collect();
    assert_eq!(sents.len(), 4, "{sents:?}");
    assert!(sents[0].ends_with("3 p.m."), "{sents:?}");
    assert!(sents[2].starts_with("J. R. Haskins"), "{sents:?}");
}

#[test]
fn tokens_keep_codes_possessives_and_abbreviations() {
    let lex = crosswire_analyze::lang::Lexicon::for_code("en");
    let text = "Dorn’s men and the K-9 unit left the U.S. on Jan. 5.";
    let toks = token::tokenize(text, lex);
    let words: Vec<&str> = toks.iter().map(|t| &text[t.s..t.e]).collect();
    assert!(words.contains(&"Dorn"), "{words:?}");
    assert!(words.contains(&"’s"), "{words:?}");
    assert!(words.contains(&"K-9"), "{words:?}");
    assert!(words.contains(&"U.S."), "{words:?}");
    assert!(words.contains(&"Jan."), "{words:?}");
}

// ------------------------------------------------------------------ figures

#[test]
fn figures_english_values_units_and_qualifiers() {
    let a = article(
        "en",
        Some("2024-05-10"),
        &[
            "The fund paid $8,479.7 million and 6 million people voted, 23% of the total. \
           More than 200 workers and at least 5 engineers joined about 15,000 volunteers, \
           while fewer than 10 managers stayed. Between 10 and 20 boats sank. \
           Officials counted three trucks, a dozen buses and two and a half million liters.",
        ],
    );
    let f = figure(&a, "8,479.7");
    assert_eq!(f.value, 8_479_700_000.0);
    assert_eq!(f.unit.as_deref(), Some("USD"));
    assert_eq!(figure(&a, "6 million").value, 6_000_000.0);
    let p = figure(&a, "23%");
    assert_eq!((p.value, p.unit.as_deref()), (23.0, Some("%")));
    let m = figure(&a, "More than 200");
    assert_eq!((m.value, m.qualifier), (200.0, Qualifier::MoreThan));
    assert_eq!(m.counts.as_deref(), Some("workers"));
    assert_eq!(figure(&a, "at least 5").qualifier, Qualifier::AtLeast);
    assert_eq!(figure(&a, "about 15,000").qualifier, Qualifier::About);
    assert_eq!(figure(&a, "fewer than 10").qualifier, Qualifier::LessThan);
    let r = figure(&a, "10 and 20");
    assert_eq!(
        (r.value, r.high, r.qualifier),
        (10.0, Some(20.0), Qualifier::Range)
    );
    assert_eq!(figure(&a, "three").value, 3.0);
    assert_eq!(figure(&a, "a dozen").value, 12.0);
    assert_eq!(figure(&a, "two and a half million").value, 2_500_000.0);
}

#[test]
fn figures_vague_quantities_carry_intervals() {
    let a = article(
        "en",
        None,
        &["Dozens of farmers marched. Hundreds of cars waited while several thousand fans and tens of thousands of residents watched."],
    );
    let d = figure(&a, "Dozens");
    assert_eq!(d.qualifier, Qualifier::Vague);
    assert!(d.low >= 12.0 && d.high.unwrap_or(0.0) < 100.0);
    assert_eq!(figure(&a, "Hundreds").qualifier, Qualifier::Vague);
    let s = figure(&a, "several thousand");
    assert_eq!((s.low, s.high), (3000.0, Some(9000.0)));
    let t = figure(&a, "tens of thousands");
    assert_eq!(t.qualifier, Qualifier::Vague);
    assert!(t.low >= 10_000.0);
}

#[test]
fn figures_counted_noun_roles_and_attribution() {
    let a = article(
        "en",
        Some("2024-05-10"),
        &[
            "The Harbor Bridge has capacity for 12,000 vehicles. Engineers built a 40,000-seat stadium nearby.",
            "A 42-year-old driver was hurt. The toll dates back to 1931.",
            "Some 900 trucks cross daily, according to the transport ministry.",
        ],
    );
    assert_eq!(figure(&a, "12,000").counts.as_deref(), Some("vehicles"));
    assert!(figure(&a, "40,000")
        .counts
        .unwrap_or_default()
        .contains("seat"));
    assert_eq!(figure(&a, "42").role, FigureRole::Age);
    assert_eq!(figure(&a, "1931").role, FigureRole::Year);
    let s = figure(&a, "900");
    assert_eq!(s.qualifier, Qualifier::About);
    assert!(s.attributed_to.unwrap_or_default().contains("ministry"));
}

#[test]
fn figures_skip_times_names_and_pronoun_one() {
    let a = article(
        "en",
        None,
        &["At 10:30 the Sector 7 crew met one of the pilots; no one knew Route 66 was closed."],
    );
    // The clock time is a time of day, never a count; the rest is no figure.
    let got = figures(&a);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1.unit.as_deref(), Some("time_of_day"));
    assert_eq!(got[0].1.value, 630.0);
}

#[test]
fn figures_spanish_conventions_and_words() {
    let a = article(
        "es",
        Some("2024-05-10"),
        &[
            "Trabajan más de 1.200 obreros y la obra costará unos 48,5 millones de dólares. \
           Unas 86.000 personas cruzan el puente, un 23% más. \
           Decenas de inspectores y varios miles de vecinos esperan seis millones de euros.",
        ],
    );
    let m = figure(&a, "1.200");
    assert_eq!((m.value, m.qualifier), (1200.0, Qualifier::MoreThan));
    let c = figure(&a, "48,5");
    assert_eq!(
        (c.value, c.unit.as_deref(), c.qualifier),
        (48_500_000.0, Some("USD"), Qualifier::About)
    );
    assert_eq!(figure(&a, "86.000").value, 86_000.0);
    assert_eq!(figure(&a, "23%").unit.as_deref(), Some("%"));
    assert_eq!(figure(&a, "Decenas").qualifier, Qualifier::Vague);
    assert_eq!(figure(&a, "varios miles").low, 3000.0);
    let s = figure(&a, "seis millones");
    assert_eq!((s.value, s.unit.as_deref()), (6_000_000.0, Some("EUR")));
}

// ------------------------------------------------------------------- quotes

#[test]
fn quotes_marks_of_every_kind() {
    let a = article(
        "en",
        None,
        &[
            "Mayor Lena Farrow spoke on Tuesday. \u{201c}We rebuild now,\u{201d} Farrow said.",
            "\"The water is safe,\" said Omar Castell, a chemist at the Delvin Institute.",
            "Farrow added: \u{ab}No more delays\u{bb}.",
        ],
    );
    assert!(speaker_is(&a, &quote(&a, "We rebuild now"), "Lena Farrow"));
    assert!(speaker_is(
        &a,
        &quote(&a, "The water is safe"),
        "Omar Castell"
    ));
    assert!(speaker_is(&a, &quote(&a, "No more delays"), "Lena Farrow"));
}

#[test]
fn quotes_speaker_through_pronoun_and_role() {
    let a = article(
        "en",
        None,
        &[
            "Transport Secretary Jane Doe toured the Harbor Bridge with engineer Paul Brant.",
            "\u{201c}This bridge will stand for a century,\u{201d} she said.",
            "\u{201c}Every bolt was checked,\u{201d} said the official, adding that crews worked nights.",
            "Brant told the Daily Ledger: \u{201c}It was hard work.\u{201d}",
        ],
    );
    assert!(speaker_is(
        &a,
        &quote(&a, "stand for a century"),
        "Transport Secretary Jane Doe"
    ));
    assert!(speaker_is(
        &a,
        &quote(&a, "Every bolt"),
        "Transport Secretary Jane Doe"
    ));
    assert!(speaker_is(&a, &quote(&a, "hard work"), "Paul Brant"));
}

#[test]
fn quotes_multi_paragraph_partial_unbalanced_and_pull_quotes() {
    let mut b = ArticleBuilder::new("x");
    b.push_block(
        BlockKind::Title,
        "Coach vows \u{2018}no more excuses\u{2019}",
    );
    b.push_block(
        BlockKind::Paragraph,
        "Coach Rita Valdane met the press after the match.",
    );
    b.push_block(
        BlockKind::Paragraph,
        "\u{201c}We lost the ball too often. We know it.",
    );
    b.push_block(
        BlockKind::Paragraph,
        "\u{201c}Next week there will be no more excuses,\u{201d} Valdane said.",
    );
    b.push_block(
        BlockKind::Paragraph,
        "She called the referee \u{201c}careless\u{201d} and promised \u{201c}a better team.",
    );
    b.language = Some("en".into());
    let mut a = b.finish();
    analyze(&mut a);
    let multi = quote(&a, "We lost the ball");
    assert!(
        a.slice(multi.content).contains("no more excuses"),
        "multi-paragraph"
    );
    assert!(speaker_is(&a, &multi, "Rita Valdane"));
    assert!(speaker_is(&a, &quote(&a, "careless"), "Rita Valdane"));
    assert!(speaker_is(&a, &quote(&a, "a better team"), "Rita Valdane"));
    assert!(speaker_is(
        &a,
        &quote(&a, "no more excuses"),
        "Rita Valdane"
    ));
}

#[test]
fn quotes_according_to_and_indirect_speech() {
    let a = article(
        "en",
        None,
        &[
            "The works cost \u{201c}roughly twice the budget,\u{201d} according to the Delvin Institute.",
            "Engineer Paul Brant said the cables were replaced last spring.",
        ],
    );
    assert!(speaker_is(
        &a,
        &quote(&a, "twice the budget"),
        "Delvin Institute"
    ));
    let ind = quote(&a, "cables were replaced");
    assert!(!ind.direct);
    assert!(speaker_is(&a, &ind, "Engineer Paul Brant"));
}

#[test]
fn quotes_spanish_cues() {
    let a = article(
        "es",
        None,
        &[
            "La ministra de Transporte, Ana Ruiz, visitó el puente.",
            "\u{ab}Terminaremos antes del invierno\u{bb}, dijo Ruiz a los periodistas.",
            "\u{201c}Cada tornillo fue revisado\u{201d}, afirmó el ingeniero Tomás Ibarra.",
            "La obra costará \u{ab}el doble\u{bb}, según el Instituto Delvin.",
        ],
    );
    assert!(speaker_is(&a, &quote(&a, "Terminaremos"), "Ana Ruiz"));
    assert!(speaker_is(&a, &quote(&a, "Cada tornillo"), "Tomás Ibarra"));
    assert!(speaker_is(&a, &quote(&a, "el doble"), "Instituto Delvin"));
}

// -------------------------------------------------------------------- dates

#[test]
fn dates_relative_to_publish_date() {
    // Thursday 27 March 2025.
    let a = article(
        "en",
        Some("2025-03-27"),
        &[
            "The mayor spoke on Wednesday. Crews started Monday, after floods in mid-March. \
           Repairs began last year and continue this week, as planned in 2019. \
           The bridge reopened on March 16 and the mayor will visit on Friday. \
           A report dated 2025-03-20 and the March 26, 2025 audit agree.",
        ],
    );
    assert_eq!(date(&a, "Wednesday").as_deref(), Some("2025-03-26"));
    assert_eq!(date(&a, "Monday").as_deref(), Some("2025-03-24"));
    assert_eq!(date(&a, "mid-March").as_deref(), Some("2025-03"));
    assert_eq!(date(&a, "last year").as_deref(), Some("2024"));
    assert_eq!(date(&a, "this week").as_deref(), Some("2025-03"));
    assert_eq!(date(&a, "2019").as_deref(), Some("2019"));
    assert_eq!(date(&a, "March 16").as_deref(), Some("2025-03-16"));
    assert_eq!(date(&a, "Friday").as_deref(), Some("2025-03-28"));
    assert_eq!(date(&a, "2025-03-20").as_deref(), Some("2025-03-20"));
    assert_eq!(date(&a, "March 26, 2025").as_deref(), Some("2025-03-26"));
}

#[test]
fn dates_spanish_and_reference_date_option() {
    let mut b = ArticleBuilder::new("x");
    b.push_block(
        BlockKind::Paragraph,
        "El alcalde habló el martes. El informe del 26 de marzo de 2025 llegó a mediados de marzo; el año pasado hubo otro.",
    );
    b.language = Some("es".into());
    let mut a = b.finish();
    let opts = Options {
        reference_date: chrono::NaiveDate::from_ymd_opt(2025, 3, 27),
        language: None,
    };
    analyze_with(&mut a, &opts);
    assert_eq!(date(&a, "martes").as_deref(), Some("2025-03-25"));
    assert_eq!(
        date(&a, "26 de marzo de 2025").as_deref(),
        Some("2025-03-26")
    );
    assert_eq!(date(&a, "mediados de marzo").as_deref(), Some("2025-03"));
    assert_eq!(date(&a, "año pasado").as_deref(), Some("2024"));
}

#[test]
fn dates_without_any_reference_use_the_latest_written_date() {
    let a = article(
        "en",
        None,
        &["Photo taken on June 4, 2024.", "The council met on Monday."],
    );
    assert_eq!(date(&a, "Monday").as_deref(), Some("2024-06-03"));
}

// ----------------------------------------------------------------- entities

#[test]
fn entities_alias_chain_name_surname_and_roles() {
    let a = article(
        "en",
        None,
        &[
            "Transport Secretary Jane Doe opened the Harbor Bridge on Monday.",
            "Doe said the work was done. The Secretary of Transport thanked the crews.",
            "Later the transport chief met Mayor Tom Reyes. Reyes praised her.",
        ],
    );
    let doe = cluster_of(&a, "Transport Secretary Jane Doe");
    assert_eq!(cluster_of(&a, "Doe"), doe);
    assert_eq!(cluster_of(&a, "Secretary of Transport"), doe);
    assert_eq!(cluster_of(&a, "the transport chief"), doe);
    assert_ne!(cluster_of(&a, "Reyes"), doe);
    assert_eq!(cluster_of(&a, "Reyes"), cluster_of(&a, "Mayor Tom Reyes"));
    assert_eq!(kind_of(&a, "Doe"), EntityKind::Person);
}

#[test]
fn entities_kinds_from_suffixes_tables_and_context() {
    let a = article(
        "en",
        None,
        &[
            "Brightwater Corp. built the Harbor Bridge under the Clean Rivers Act in Norland County, France.",
            "The World Fisheries Organization (WFO) praised French engineers. The WFO said the Red Hand gang stole cables.",
            "Paris said it would help, and officials in Paris agreed.",
        ],
    );
    assert_eq!(kind_of(&a, "Brightwater Corp."), EntityKind::Org);
    assert_eq!(kind_of(&a, "Harbor Bridge"), EntityKind::Facility);
    assert_eq!(kind_of(&a, "Clean Rivers Act"), EntityKind::Law);
    assert_eq!(kind_of(&a, "France"), EntityKind::Gpe);
    assert_eq!(kind_of(&a, "French"), EntityKind::Group);
    assert_eq!(
        cluster_of(&a, "WFO"),
        cluster_of(&a, "World Fisheries Organization")
    );
    assert_eq!(kind_of(&a, "Red Hand"), EntityKind::Group);
    // Metonymy: the capital as an actor is the government, not the place.
    let ps: Vec<_> = entities(&a)
        .into_iter()
        .filter(|e| e.0 == "Paris")
        .collect();
    assert_eq!(ps.len(), 2);
    assert_eq!(ps[0].1, EntityKind::Org);
    assert_eq!(ps[1].1, EntityKind::Gpe);
    assert_eq!(cluster_of(&a, "France"), ps[1].2);
}

#[test]
fn entities_descriptions_governments_and_facilities() {
    let a = article(
        "en",
        None,
        &[
            "Norwegian Prime Minister Ivar Lund visited the Kolvik Dam. The dam, the largest in the region, was closed.",
            "The Norwegian government said the facility would reopen. Lund's government denied delays.",
        ],
    );
    let dam = cluster_of(&a, "Kolvik Dam");
    assert_eq!(cluster_of(&a, "The dam"), dam);
    assert_eq!(cluster_of(&a, "the facility"), dam);
    assert_eq!(
        cluster_of(&a, "The Norwegian government"),
        cluster_of(&a, "Lund's government")
    );
}

#[test]
fn entities_spanish_roles_and_surnames() {
    let a = article(
        "es",
        None,
        &[
            "La ministra de Transporte, Ana Ruiz, visitó el puente del puerto con el alcalde Tomás Ibarra.",
            "Ruiz aseguró que la obra terminará pronto. Ibarra la acompañó en Valdoria.",
        ],
    );
    assert_eq!(cluster_of(&a, "Ruiz"), cluster_of(&a, "Ana Ruiz"));
    assert_eq!(cluster_of(&a, "Ibarra"), cluster_of(&a, "Tomás Ibarra"));
    assert_eq!(kind_of(&a, "Ruiz"), EntityKind::Person);
    assert_eq!(
        cluster_of(&a, "La ministra de Transporte"),
        cluster_of(&a, "Ana Ruiz")
    );
}

#[test]
fn quotes_unnamed_speakers_and_continuations() {
    let a = article(
        "en",
        None,
        &[
            "Prime Minister Elena Varga visited Karsvik. Rescuers found 14 bodies, officials said on Monday.",
            "\u{201c}We are facing the worst floods in 40 years,\u{201d} Varga told reporters. \u{201c}Every resource is being sent north.\u{201d}",
            "His office read: \u{201c}Help is coming.\u{201d}",
        ],
    );
    let ind = quote(&a, "Rescuers found");
    assert!(!ind.direct);
    assert_eq!(
        ind.speaker_cluster, None,
        "officials are nobody in particular"
    );
    assert!(speaker_is(&a, &quote(&a, "Every resource"), "Elena Varga"));
    assert!(speaker_is(&a, &quote(&a, "Help is coming"), "Elena Varga"));
}

#[test]
fn figures_ages_in_apposition() {
    let en = article(
        "en",
        None,
        &["\u{201c}It came so fast,\u{201d} said Anja Berg, 62, who lost her house."],
    );
    assert_eq!(figure(&en, "62").role, FigureRole::Age);
    let es = article(
        "es",
        None,
        &["\u{ab}Subió muy rápido\u{bb}, contó Anja Berg, de 62 años, vecina del barrio."],
    );
    assert_eq!(figure(&es, "62").role, FigureRole::Age);
}

#[test]
fn entities_spanish_descriptions_and_credits() {
    let a = article(
        "es",
        None,
        &[
            "ORLIN (EFE) — El líder opositor Tomás Rell criticó a la agencia meteorológica nacional.",
            "Según la agencia meteorológica nacional, llovió 210 milímetros. Rell pidió explicaciones.",
        ],
    );
    assert_ne!(cluster_of(&a, "EFE"), cluster_of(&a, "ORLIN"));
    assert_eq!(cluster_of(&a, "El líder"), cluster_of(&a, "Tomás Rell"));
    assert_eq!(cluster_of(&a, "Rell"), cluster_of(&a, "Tomás Rell"));
    let ag: Vec<_> = entities(&a)
        .into_iter()
        .filter(|e| e.0 == "la agencia")
        .collect();
    assert_eq!(ag.len(), 2, "{:?}", entities(&a));
    assert_eq!(ag[0].2, ag[1].2);
    assert!(speaker_is(&a, &quote(&a, "llovió"), "la agencia"));
}

#[test]
fn entities_the_country_prefers_the_named_region() {
    let a = article(
        "en",
        None,
        &["US officials met in Panama. The US, the US and the US again. The Central American country hosted the talks."],
    );
    assert_eq!(
        cluster_of(&a, "The Central American country"),
        cluster_of(&a, "Panama")
    );
}

#[test]
fn dates_ago_both_languages() {
    let en = article(
        "en",
        Some("2025-03-27"),
        &["The dam broke three days ago and was built 40 years ago."],
    );
    assert_eq!(date(&en, "three days ago").as_deref(), Some("2025-03-24"));
    assert_eq!(date(&en, "40 years ago").as_deref(), Some("1985"));
    let es = article(
        "es",
        Some("2025-03-27"),
        &["La presa se rompió hace dos días."],
    );
    assert_eq!(date(&es, "hace dos días").as_deref(), Some("2025-03-25"));
}

#[test]
fn dates_future_tense_and_idempotence() {
    let mut a = article(
        "es",
        Some("2025-03-27"),
        &["La ministra viajará el viernes a Orlin. El alcalde habló el martes pasado."],
    );
    assert_eq!(date(&a, "viernes").as_deref(), Some("2025-03-28"));
    assert_eq!(date(&a, "martes").as_deref(), Some("2025-03-25"));
    let n = a.spans.len();
    analyze(&mut a);
    assert_eq!(
        a.spans.len(),
        n,
        "analysing twice must not double the spans"
    );
}

#[test]
fn quotes_spanish_inciso_inside_the_marks() {
    let a = article(
        "es",
        None,
        &["La ministra Ana Ruiz visitó la obra. \u{ab}Terminaremos pronto \u{2014}dijo Ruiz\u{2014}, no hay duda\u{bb}."],
    );
    assert!(speaker_is(&a, &quote(&a, "Terminaremos"), "Ana Ruiz"));
}

#[test]
fn entities_acronyms_that_are_words_and_generic_org_descriptions() {
    let a = article(
        "en",
        None,
        &["In a statement, the World Health Organization said the response was swift. A WHO spokesman, Pierre Duval, added that the agency would send a team for a decade."],
    );
    assert_eq!(
        cluster_of(&a, "WHO"),
        cluster_of(&a, "World Health Organization")
    );
    assert_eq!(
        cluster_of(&a, "the agency"),
        cluster_of(&a, "World Health Organization")
    );
    let f = figure(&a, "a decade");
    assert_eq!((f.value, f.unit.as_deref()), (1.0, Some("decades")));
}

#[test]
fn entities_spanish_names_with_connectors_and_large_numbers() {
    let a = article(
        "es",
        Some("2025-03-27"),
        &["María del Carmen Rivas dijo que el Ministerio de Justicia y Seguridad Pública trasladó a unos 40 mil reos. El martes 25 de marzo, la Policía Nacional Civil informó de 2.500 millones de dólares."],
    );
    assert_eq!(kind_of(&a, "María del Carmen Rivas"), EntityKind::Person);
    assert_eq!(
        kind_of(&a, "Ministerio de Justicia y Seguridad Pública"),
        EntityKind::Org
    );
    assert_eq!(figure(&a, "40 mil").value, 40_000.0);
    assert_eq!(figure(&a, "2.500 millones").value, 2_500_000_000.0);
    assert_eq!(date(&a, "25 de marzo").as_deref(), Some("2025-03-25"));
    let q = quote(&a, "2.500");
    assert!(!q.direct);
}

#[test]
fn dates_say_what_happened_then() {
    let a = article(
        "en",
        Some("2025-03-27"),
        &["On Monday, a law firm filed a petition; the court will rule later."],
    );
    let d = a
        .spans
        .iter()
        .find_map(|s| match &s.kind {
            SpanKind::Date(d) => Some(d.clone()),
            _ => None,
        })
        .expect("a date");
    assert_eq!(d.precision, Precision::Day);
    assert_eq!(d.refers_to.as_deref(), Some("a law firm filed a petition"));
}

#[test]
fn entities_compound_facility_heads() {
    let a = article(
        "en",
        None,
        &["Inspectors toured the Kolvik Penitentiary on Monday. The superjail was built for 900 inmates."],
    );
    assert_eq!(
        cluster_of(&a, "The superjail"),
        cluster_of(&a, "Kolvik Penitentiary")
    );
}

#[test]
fn figures_qualifiers_after_the_number() {
    let a = article(
        "en",
        None,
        &["They found 200 or more boats and 30-plus trucks, with 50 or so cars."],
    );
    assert_eq!(figure(&a, "200").qualifier, Qualifier::AtLeast);
    assert_eq!(figure(&a, "30").qualifier, Qualifier::MoreThan);
    assert_eq!(figure(&a, "50").qualifier, Qualifier::About);
    let es = article("es", None, &["Llegaron 200 o más barcos."]);
    assert_eq!(figure(&es, "200").qualifier, Qualifier::AtLeast);
}

#[test]
fn figures_glued_suffixes() {
    let a = article(
        "en",
        None,
        &["The club paid \u{a3}1.5m for a 2m wall and 3bn tokens."],
    );
    assert_eq!(figure(&a, "1.5").value, 1_500_000.0);
    assert_eq!(figure(&a, "2").value, 2.0);
    assert_eq!(figure(&a, "3").value, 3_000_000_000.0);
}

#[test]
fn a_country_name_longer_than_its_capitalized_run() {
    // The country's full name continues in lower case past the capitals
    // that make the name's run; the classifier once sliced past the run.
    for text in [
        "The envoy of the United States of America met Mara Quist in Tolven.",
        "Delegates from the United states arrived on Monday.",
        "Ministers of the Republic of Kolvara and the United Kingdom of Great Britain spoke.",
    ] {
        let a = article("en", None, &[text]);
        assert!(
            a.spans
                .iter()
                .any(|s| matches!(s.kind, SpanKind::Entity { .. })),
            "{text}: {:?}",
            a.spans
        );
    }
}

#[test]
fn quotes_in_tokenised_text_with_twin_apostrophes() {
    // Tokenised corpora write closing (and sometimes opening) double marks
    // as two apostrophes, and run a quote's paragraphs together.
    let a = article(
        "en",
        None,
        &["The dam held, the board said. \"If one gate had failed we could have used the others, '' said board spokesman Ivo Marten. \"But all three are shut so this is difficult. \"This is a very rare situation, '' he said. Each gate has a \"leader '' crew, he said. ''The lake is not deep enough to flood the town, '' added Marten."],
    );
    assert!(speaker_is(&a, &quote(&a, "If one gate"), "Ivo Marten"));
    let rare = quote(&a, "very rare situation");
    assert!(speaker_is(&a, &rare, "Ivo Marten"));
    assert!(!quotes(&a)
        .iter()
        .any(|(t, _)| t.contains("one gate") && t.contains("rare")));
    assert!(speaker_is(&a, &quote(&a, "not deep enough"), "Ivo Marten"));
}

#[test]
fn quotes_the_one_told_is_not_the_speaker_and_relatives_stay_apart() {
    let a = article(
        "en",
        None,
        &[
            "Dam engineer Ann Vell spoke after the flood. Her son, Tom Vell, was rescued on Monday.",
            "\"The water came at night,\" Tom Vell told Radio Norte. Vell said the village was empty.",
            "\"We will rebuild,\" Ann Vell told reporters.",
        ],
    );
    let q = quote(&a, "came at night");
    assert!(speaker_is(&a, &q, "Tom Vell"), "{q:?}");
    assert_ne!(q.speaker.as_deref(), Some("Radio Norte"));
    assert!(speaker_is(&a, &quote(&a, "We will rebuild"), "Ann Vell"));
    // Two full names with other first names are two people.
    let clusters: Vec<u32> = entities(&a)
        .into_iter()
        .filter(|(t, _, _)| t == "Tom Vell" || t == "Ann Vell")
        .map(|(_, _, c)| c)
        .collect();
    assert!(clusters.len() >= 2);
    assert!(clusters.iter().any(|c| *c != clusters[0]));
}

#[test]
fn quotes_speaker_across_a_relative_clause_or_an_age() {
    let a = article(
        "en",
        None,
        &[
            "Boats left the harbour at dawn, a port source said. The port source, who asked not to be named, said the boats carried grain.",
            "\"We saw them go,\" Ivo Marten, 70, told Radio Norte.",
            "The ferry MV Ostra was late. \"Nobody warned us,\" the crew said.",
        ],
    );
    let q = quote(&a, "the boats carried grain");
    assert_eq!(
        q.speaker_mention
            .map(|r| a.slice(r).to_lowercase())
            .as_deref(),
        Some("the port source"),
        "{q:?}"
    );
    assert!(speaker_is(&a, &quote(&a, "We saw them go"), "Ivo Marten"));
    assert_ne!(
        quote(&a, "Nobody warned us").speaker.as_deref(),
        Some("MV Ostra")
    );
}

#[test]
fn quotes_pronouns_and_role_nouns_take_the_nearest_compatible_person() {
    let a = article(
        "en",
        None,
        &[
            "Mayor Lena Farrow opened the bridge. A senior harbour official said the tide was late. \"Two hours were lost,\" the official said.",
            "A port spokeswoman said the ferries would run. Delays were also reported, according to Omar Castell, an engineer with Delvin Networks. \"It was a long night,\" he said.",
        ],
    );
    let lost = quote(&a, "Two hours were lost");
    assert_eq!(
        lost.speaker_mention.map(|r| a.slice(r)),
        Some("the official")
    );
    assert!(!speaker_is(&a, &lost, "Lena Farrow"), "{lost:?}");
    assert!(speaker_is(&a, &quote(&a, "a long night"), "Omar Castell"));
}

#[test]
fn quotes_appositions_colons_and_participles() {
    let a = article(
        "en",
        None,
        &[
            "\"The dam is sound,\" Ivo Marten, a spokesman for the port, said. \"We checked it twice,\" Ann Vell, president of the Dockers' Union of Orvenna, said : \"Nobody told us.\"",
            "Port director Lena Farrow defended the council on Sunday, saying, \"We are only doing our job.\"",
        ],
    );
    assert!(speaker_is(&a, &quote(&a, "The dam is sound"), "Ivo Marten"));
    // "said :" introduces the next quote, not the one before it.
    let q = quote(&a, "We checked it twice");
    assert!(!speaker_is(&a, &q, "Ann Vell"), "{q:?}");
    assert!(speaker_is(&a, &quote(&a, "Nobody told us"), "Ann Vell"));
    let q = quote(&a, "only doing our job");
    assert_eq!(q.speaker.as_deref(), Some("Lena Farrow"), "{q:?}");
}

#[test]
fn quotes_a_cue_opening_a_new_clause_after_a_full_stop_is_not_theirs() {
    let a = article(
        "en",
        None,
        &["\"These people are losing their homes,\" said Ann Vell, head of the tenants' union. \"The town cannot give up without a fight.\" Mayor Ivo Marten warned that the river could rise again."],
    );
    let q = quote(&a, "cannot give up");
    assert!(!speaker_is(&a, &q, "Ivo Marten"), "{q:?}");
    assert!(speaker_is(&a, &q, "Ann Vell"), "{q:?}");
}

#[test]
fn quotes_a_question_or_exclamation_then_who_said_it() {
    let a = article(
        "en",
        None,
        &["Mayor Lena Farrow spoke first. \"Is this the end of the port?\" Mr. Ivo Marten said. \"Never!\" Ann Vell, 70, told Radio Norte."],
    );
    assert!(speaker_is(&a, &quote(&a, "end of the port"), "Ivo Marten"));
    let never = quote(&a, "Never");
    assert!(speaker_is(&a, &never, "Ann Vell"), "{never:?}");
    // The attribution sentence is not reported speech of its own.
    assert!(!quotes(&a)
        .iter()
        .any(|(t, q)| !q.direct && (t.trim() == "." || t.contains("Ann Vell, 70"))));
}

#[test]
fn quotes_spanish_inverted_role_after_a_portfolio_apposition() {
    let a = article(
        "es",
        None,
        &["La ministra de Sanidad, Carmen Vidal, visitó el hospital con el presidente Luis Mora. «No vamos a cerrar ninguna planta», dijo la ministra. «Tenemos recursos», afirmó Mora."],
    );
    assert!(speaker_is(
        &a,
        &quote(&a, "No vamos a cerrar"),
        "Carmen Vidal"
    ));
    assert!(speaker_is(&a, &quote(&a, "Tenemos recursos"), "Luis Mora"));
}

#[test]
fn entities_one_person_with_an_initial_or_a_descriptor_a_son_apart() {
    let a = article(
        "en",
        None,
        &["Republican Ann Lee spoke at noon. Later Ann B. Lee met her son, Ann Lee Jr., at the dam. Lee said the water was safe."],
    );
    let ents = entities(&a);
    let cluster = |name: &str| {
        ents.iter()
            .find(|(t, _, _)| t == name)
            .map(|x| x.2)
            .unwrap_or_else(|| panic!("no {name:?} in {ents:?}"))
    };
    assert_eq!(cluster("Republican Ann Lee"), cluster("Ann B. Lee"));
    assert_ne!(cluster("Ann B. Lee"), cluster("Ann Lee Jr."));
}

#[test]
fn quotes_a_described_speaker_keeps_the_organisation_it_speaks_for() {
    let a = article(
        "en",
        None,
        &["The gate failed at dawn. \"It is rare to lose two gates at once,\" said a spokesperson for the Delvin Water Authority."],
    );
    let q = quote(&a, "rare to lose");
    assert_eq!(
        q.speaker.as_deref(),
        Some("a spokesperson for the Delvin Water Authority"),
        "{q:?}"
    );
}

#[test]
fn quotes_groups_speak_and_a_colon_cue_owns_its_quote() {
    let a = article(
        "en",
        None,
        &[
            "On the main square, demonstrators chanted \"Shame, shame!\" as the council met. The families of the two missing fishermen requested \"total privacy\".",
            "The head of the dockers' union, Ann Vell, told Radio Norte: \"The new rules take away our rights.\" Other union leaders have called the rules \"an attack on workers\".",
            "\"We acted in self-defence,\" Ivo Marten, a port spokesman, told reporters. \"It was a smuggling boat, and it fired first.\" He said the boat was seized.",
        ],
    );
    assert_eq!(quote(&a, "Shame").speaker.as_deref(), Some("demonstrators"));
    assert_eq!(
        quote(&a, "total privacy").speaker.as_deref(),
        Some("The families of the two missing fishermen")
    );
    assert!(speaker_is(
        &a,
        &quote(&a, "take away our rights"),
        "Ann Vell"
    ));
    assert!(speaker_is(&a, &quote(&a, "smuggling boat"), "Ivo Marten"));
}

#[test]
fn quotes_an_apposition_comma_is_no_inversion_and_a_possessor_introduces() {
    let a = article(
        "en",
        None,
        &[
            "Ann Vell, the harbour envoy to Orvenna, said the Delvin Water Authority \"plainly lied\" about the dam.",
            "The dam was closed again, and this is a further blow to the town, says the Courier's Ivo Marten.",
        ],
    );
    assert!(speaker_is(&a, &quote(&a, "plainly lied"), "Ann Vell"));
    assert!(speaker_is(&a, &quote(&a, "further blow"), "Ivo Marten"));
}
