//! End-to-end tests of the cross-check on hand-built articles whose spans
//! are set directly, so they test this crate and not the analyzer.

use crate::{crosscheck, Options};
use crosswire_model::dossier::Verdict;
use crosswire_model::{
    Article, ArticleBuilder, BlockKind, ByteRange, Figure, FigureRole, Qualifier, QuoteSpan, Span,
    SpanKind,
};

/// A figure written in the text as `wording`, counting `counts`.
struct F<'a> {
    wording: &'a str,
    value: f64,
    q: Qualifier,
    low: f64,
    high: Option<f64>,
    counts: &'a str,
}

fn exact<'a>(wording: &'a str, value: f64, counts: &'a str) -> F<'a> {
    F {
        wording,
        value,
        q: Qualifier::Exact,
        low: value,
        high: Some(value),
        counts,
    }
}

/// Sets each figure's span where its wording first occurs in the text.
fn with_figures(mut a: Article, figs: &[F]) -> Article {
    for f in figs {
        let Some(start) = a.text.find(f.wording) else {
            panic!("fixture wording {:?} not in text", f.wording)
        };
        a.spans.push(Span {
            range: ByteRange::new(start, start + f.wording.len()),
            kind: SpanKind::Figure(Figure {
                value: f.value,
                low: f.low,
                high: f.high,
                unit: Some("people".into()),
                qualifier: f.q,
                counts: Some(f.counts.to_string()),
                attributed_to: None,
                role: FigureRole::Claim,
            }),
        });
    }
    a.spans.sort_by_key(|s| s.range.start);
    a
}

fn article(
    source: &str,
    outlet: &str,
    paras: &[&str],
    figs: &[F],
    quotes: &[(&str, &str)],
) -> Article {
    let mut b = ArticleBuilder::new(source);
    b.outlet = Some(outlet.to_string());
    for p in paras {
        b.push_block(BlockKind::Paragraph, p);
    }
    let mut a = with_figures(b.finish(), figs);
    for (speaker, words) in quotes {
        let Some(start) = a.text.find(words) else {
            panic!("fixture quote {words:?} not in text")
        };
        let r = ByteRange::new(start, start + words.len());
        a.spans.push(Span {
            range: r,
            kind: SpanKind::Quote(QuoteSpan {
                content: r,
                speaker_mention: None,
                speaker: Some(speaker.to_string()),
                speaker_cluster: None,
                cue: Some("said".into()),
                direct: true,
            }),
        });
    }
    a.spans.sort_by_key(|s| s.range.start);
    a
}

/// A revised slot's values with the moments they refer to, in order.
fn trajectory(slot: &crosswire_model::dossier::FigureSlot) -> Vec<(f64, Option<&str>)> {
    slot.values
        .iter()
        .map(|v| (v.value, v.as_of.as_deref()))
        .collect()
}

fn slot_of<'d>(
    d: &'d crosswire_model::dossier::Dossier,
    wording: &str,
) -> &'d crosswire_model::dossier::FigureSlot {
    d.figures
        .iter()
        .find(|s| s.values.iter().any(|v| v.text == wording))
        .unwrap_or_else(|| panic!("no slot holds {wording:?}: {:#?}", d.figures))
}

/// The dossier of two one-sentence reports from two outlets, each with
/// one figure.
fn two_reports(first: (&str, F), second: (&str, F)) -> crosswire_model::dossier::Dossier {
    let a = article("a", "The Ledger", &[first.0], &[first.1], &[]);
    let b = article("b", "Morning Wire", &[second.0], &[second.1], &[]);
    crosscheck(vec![a, b], &Options::default())
}

fn corpus() -> Vec<Article> {
    vec![
        article(
            "a",
            "The Courier",
            &[
                "Fourteen workers were killed when fire tore through the plant on Monday night.",
                "About 300 residents of the estate were evacuated as smoke drifted over the river.",
                "The warehouse has a capacity for 5,000 tonnes of pellets.",
                "\"We have never seen a fire spread this fast,\" said the fire chief Orla Brennick.",
            ],
            &[
                exact("Fourteen workers", 14.0, "workers killed in the fire"),
                F { wording: "About 300 residents", value: 300.0, q: Qualifier::About, low: 300.0, high: Some(300.0), counts: "residents evacuated" },
            ],
            &[("Orla Brennick", "We have never seen a fire spread this fast")],
        ),
        article(
            "b",
            "Valley Today",
            &[
                "The death toll from the plant fire has risen to 17 workers, the union said.",
                "Several hundred residents were evacuated from the estate near the river.",
                "\"I have never seen a fire spread so fast,\" fire chief Brennick told reporters.",
            ],
            &[
                exact("17 workers", 17.0, "workers killed in the plant fire"),
                F { wording: "Several hundred residents", value: 0.0, q: Qualifier::Vague, low: 200.0, high: Some(999.0), counts: "residents evacuated" },
            ],
            &[("Brennick", "I have never seen a fire spread so fast")],
        ),
        article(
            "c",
            "Northline",
            &[
                "At least 14 workers died in the fire at the plant, officials said.",
                "The plant employs about 400 people in the town.",
            ],
            &[
                F { wording: "At least 14 workers", value: 14.0, q: Qualifier::AtLeast, low: 14.0, high: None, counts: "workers died in the fire" },
                F { wording: "about 400 people", value: 400.0, q: Qualifier::About, low: 400.0, high: Some(400.0), counts: "people employed at the plant" },
            ],
            &[],
        ),
    ]
}

#[test]
fn revised_compatible_and_single_source_slots() {
    let d = crosscheck(corpus(), &Options::default());
    // "has risen to 17": the toll changed over time, it is not a
    // contradiction of the earlier 14.
    let deaths = slot_of(&d, "Fourteen workers");
    assert_eq!(deaths.verdict, Verdict::Revised, "{deaths:#?}");
    assert!(deaths.conflicts.is_empty(), "{deaths:#?}");
    assert!(deaths.values.iter().any(|v| v.text == "17 workers"));
    assert!(deaths
        .values
        .iter()
        .any(|v| v.text == "At least 14 workers"));
    assert_eq!(deaths.origin_count, 3);

    let evacuated = slot_of(&d, "About 300 residents");
    assert_eq!(evacuated.verdict, Verdict::Compatible, "{evacuated:#?}");
    assert!(evacuated
        .values
        .iter()
        .any(|v| v.text == "Several hundred residents"));

    let staff = slot_of(&d, "about 400 people");
    assert_eq!(staff.verdict, Verdict::SingleSource);
    assert_eq!(staff.values.len(), 1);
}

#[test]
fn copies_count_as_one_origin() {
    let mut articles = corpus();
    // A verbatim republication of article c by another outlet.
    let mut copy = articles[2].clone();
    copy.source = "d".into();
    copy.outlet = Some("Harbour Post".into());
    articles.push(copy);
    let d = crosscheck(articles, &Options::default());
    assert_eq!(d.articles[2].origin, d.articles[3].origin);
    assert_eq!(d.origins.len(), 3);
    let staff = slot_of(&d, "about 400 people");
    assert_eq!(
        staff.verdict,
        Verdict::SingleSource,
        "two copies are one origin"
    );
    assert_eq!(staff.values[0].mentions.len(), 2);
    assert_eq!(staff.origin_count, 1);
}

#[test]
fn one_quote_in_two_wordings() {
    let d = crosscheck(corpus(), &Options::default());
    let group = d
        .quotes
        .iter()
        .find(|g| g.variants.len() == 2)
        .unwrap_or_else(|| panic!("the two wordings are one group: {:#?}", d.quotes));
    assert_eq!(group.speaker.as_deref(), Some("Orla Brennick"));
    assert_eq!(group.verdict, Verdict::Compatible);
    assert!(group.wording_differs);
    assert!(!group.variants[1].diff.is_empty());
    assert_eq!(group.origin_count, 2);
}

#[test]
fn many_articles_stay_fast_and_sane() {
    // 100 articles, each with the same two quantities reworded: the slot
    // clustering must not blow up, and all mentions of a quantity meet.
    let mut articles = Vec::new();
    for i in 0..100 {
        let n = 14 + (i % 2);
        // Distinct filler keeps the articles independent origins.
        let filler: Vec<String> = (0..12).map(|k| format!("w{i}k{k}")).collect();
        let text = format!(
            "{} said {n} workers were killed in the plant fire. {}",
            filler[..6].join(" "),
            filler[6..].join(" ")
        );
        let wording = format!("{n} workers");
        articles.push(article(
            &format!("s{i}"),
            &format!("Outlet {i}"),
            &[&text],
            &[exact(
                &wording,
                n as f64,
                "workers killed in the plant fire",
            )],
            &[],
        ));
    }
    let d = crosscheck(articles, &Options::default());
    assert_eq!(d.origins.len(), 100);
    let deaths = slot_of(&d, "14 workers");
    assert_eq!(deaths.verdict, Verdict::Conflict);
    assert_eq!(
        deaths
            .values
            .iter()
            .map(|v| v.mentions.len())
            .sum::<usize>(),
        100
    );
}

/// Two reports of one quantity: `parts` lists it as two counts in one
/// sentence, `total` gives the sum.
fn parts_and_total(parts: (&str, &[F]), total: (&str, &[F])) -> crosswire_model::dossier::Dossier {
    two_articles((&[parts.0], parts.1), (&[total.0], total.1))
}

/// The dossier of two reports from two outlets, each given as its
/// paragraphs and figures.
/// Whether the figure worded `y` sits in the slot of the one worded `x`.
fn in_one_slot(d: &crosswire_model::dossier::Dossier, x: &str, y: &str) -> bool {
    slot_of(d, x).values.iter().any(|v| v.text == y)
}

/// Asserts that no slot of the dossier is called a conflict.
fn assert_no_conflict(d: &crosswire_model::dossier::Dossier) {
    assert!(
        d.figures.iter().all(|s| s.verdict != Verdict::Conflict),
        "{:#?}",
        d.figures
    );
}

/// Asserts that the figures worded `x` and `y` share a slot in the
/// control's dossier and not in the variant's: the variant differs by the
/// one sign the test is about, and the control shows the two would meet
/// without it.
fn joined_only_in_control(
    control: &crosswire_model::dossier::Dossier,
    variant: &crosswire_model::dossier::Dossier,
    x: &str,
    y: &str,
) {
    assert!(
        in_one_slot(control, x, y),
        "control: {:#?}",
        control.figures
    );
    assert!(!in_one_slot(variant, x, y), "{:#?}", variant.figures);
}

fn two_articles(
    first: (&[&str], &[F]),
    second: (&[&str], &[F]),
) -> crosswire_model::dossier::Dossier {
    let a = article("a", "The Ledger", first.0, first.1, &[]);
    let b = article("b", "Morning Wire", second.0, second.1, &[]);
    crosscheck(vec![a, b], &Options::default())
}

#[test]
fn parts_listed_in_one_sentence_add_up_to_a_total_elsewhere() {
    let d = parts_and_total(
        (
            "The ministry flew 4 senior smugglers plus 19 of their couriers back to Varnholt on Sunday.",
            &[
                exact("4 senior smugglers", 4.0, "senior smugglers"),
                exact("19 of their couriers", 19.0, "couriers"),
            ],
        ),
        (
            "Officials in Varnholt said 23 smugglers were flown back on Sunday by the ministry.",
            &[exact("23 smugglers", 23.0, "smugglers")],
        ),
    );
    let slot = slot_of(&d, "23 smugglers");
    assert_eq!(slot.verdict, Verdict::Agree, "{slot:#?}");
    assert_eq!(slot.values.len(), 3, "both parts join the total: {slot:#?}");
    assert!(slot.note.as_deref().is_some_and(|n| n.contains("= 23")));
}

#[test]
fn partes_en_una_frase_suman_el_total() {
    let d = parts_and_total(
        (
            "El ministerio devolvió a Varnholt a 4 contrabandistas y 19 de sus mensajeros el domingo.",
            &[
                exact("4 contrabandistas", 4.0, "contrabandistas"),
                exact("19 de sus mensajeros", 19.0, "mensajeros"),
            ],
        ),
        (
            "Las autoridades de Varnholt dijeron que 23 contrabandistas fueron devueltos el domingo.",
            &[exact("23 contrabandistas", 23.0, "contrabandistas")],
        ),
    );
    let slot = slot_of(&d, "23 contrabandistas");
    assert_eq!(slot.verdict, Verdict::Agree, "{slot:#?}");
    assert_eq!(slot.values.len(), 3, "{slot:#?}");
}

#[test]
fn the_last_two_items_of_a_longer_list_are_no_parts_of_a_total() {
    let d = parts_and_total(
        (
            "Prosecutors in Varnholt filed four indictments, nine charges and six complaints against the smugglers on Sunday.",
            &[
                exact("four indictments", 4.0, "indictments"),
                exact("nine charges", 9.0, "charges"),
                exact("six complaints", 6.0, "complaints"),
            ],
        ),
        (
            "Officials in Varnholt said 15 complaints were filed against the smugglers on Sunday.",
            &[exact("15 complaints", 15.0, "complaints")],
        ),
    );
    let slot = slot_of(&d, "15 complaints");
    assert!(
        slot.values.iter().all(|v| v.value == 15.0),
        "nine and six are not the parts of 15: {slot:#?}"
    );
}

#[test]
fn counts_of_different_happenings_are_not_parts() {
    // "3 dead and 5 injured" does not make 8 dead.
    let d = parts_and_total(
        (
            "The blast at the Korvald mill left 3 workers dead and 5 workers injured.",
            &[
                exact("3 workers", 3.0, "workers dead"),
                exact("5 workers", 5.0, "workers injured"),
            ],
        ),
        (
            "The blast at the Korvald mill left 8 workers dead, the union said.",
            &[exact("8 workers", 8.0, "workers dead")],
        ),
    );
    let slot = slot_of(&d, "8 workers");
    assert!(
        slot.values.iter().all(|v| v.text != "5 workers"),
        "{slot:#?}"
    );
    assert_ne!(slot.verdict, Verdict::Agree, "{slot:#?}");
}

#[test]
fn each_sentence_of_a_long_quote_meets_its_own_rendering() {
    // One outlet carries two remarks in one quoted span; others quote
    // each remark on its own, one of them in a back-translation.
    let long = "Let every developer hear this: if you ignore the flood maps, this is one of the risks you could face. Understand that this levy is one of the measures in our rulebook that we will apply if you build on the marsh.";
    let a = article(
        "a",
        "The Courier",
        &[&format!("“{long}” said the mayor Ilse Varga at the dyke.")],
        &[],
        &[("Ilse Varga", long)],
    );
    let b = article(
        "b",
        "Valley Today",
        &["“If you build on the marsh, this is a risk you may face,” Varga told reporters."],
        &[],
        &[(
            "Ilse Varga",
            "If you build on the marsh, this is a risk you may face,",
        )],
    );
    let c = article(
        "c",
        "Northline",
        &["The levy is “one of the measures in our playbook,” Varga said."],
        &[],
        &[("Ilse Varga", "one of the measures in our playbook,")],
    );
    let d = crosscheck(vec![a, b, c], &Options::default());
    let group_with = |words: &str| {
        d.quotes
            .iter()
            .find(|g| g.variants.iter().any(|v| v.text.starts_with(words)))
            .unwrap_or_else(|| panic!("no group holds {words:?}: {:#?}", d.quotes))
    };
    let risk = group_with("If you build on the marsh");
    assert!(
        risk.variants
            .iter()
            .any(|v| v.text.starts_with("Let every developer")),
        "{risk:#?}"
    );
    assert_eq!(
        risk.verdict,
        Verdict::Conflict,
        "a changed condition: {risk:#?}"
    );
    let tools = group_with("one of the measures in our playbook");
    assert!(
        tools
            .variants
            .iter()
            .any(|v| v.text.starts_with("Understand that")),
        "{tools:#?}"
    );
    assert!(!tools
        .variants
        .iter()
        .any(|v| v.text.starts_with("Let every")));
    assert_eq!(tools.verdict, Verdict::Compatible, "{tools:#?}");
}

#[test]
fn una_cita_larga_se_alinea_frase_por_frase() {
    let long = "No vamos a permitir más casas en la ribera del Sarn. Quien construya allí pagará las multas que marca la ley.";
    let a = article(
        "a",
        "El Diario",
        &[&format!("«{long}», dijo la alcaldesa Nuria Olano.")],
        &[],
        &[("Nuria Olano", long)],
    );
    let b = article(
        "b",
        "La Voz",
        &["Olano advirtió que «quien construya allí pagará las multas» previstas."],
        &[],
        &[("Nuria Olano", "quien construya allí pagará las multas")],
    );
    let d = crosscheck(vec![a, b], &Options::default());
    let g = d
        .quotes
        .iter()
        .find(|g| g.variants.iter().any(|v| v.text.starts_with("quien")))
        .unwrap_or_else(|| panic!("{:#?}", d.quotes));
    assert_eq!(g.variants.len(), 2, "{g:#?}");
    assert!(g
        .variants
        .iter()
        .any(|v| v.text.starts_with("Quien construya")));
    assert_eq!(g.verdict, Verdict::Agree, "{g:#?}");
}

/// Marks every occurrence of `surface` as a mention of a place or body
/// whose canonical name in this article is `canonical`.
fn with_entities(a: Article, names: &[(&str, &str)]) -> Article {
    with_kind(a, crosswire_model::EntityKind::Facility, names)
}

/// Marks every occurrence of each surface form an entity of `kind` with
/// the canonical name given beside it.
fn with_kind(mut a: Article, kind: crosswire_model::EntityKind, names: &[(&str, &str)]) -> Article {
    for (surface, canonical) in names {
        let starts: Vec<usize> = a.text.match_indices(surface).map(|(i, _)| i).collect();
        for start in starts {
            a.spans.push(Span {
                range: ByteRange::new(start, start + surface.len()),
                kind: SpanKind::Entity {
                    entity: kind,
                    cluster: 0,
                    canonical: canonical.to_string(),
                    role: None,
                    nominal: false,
                },
            });
        }
    }
    a.spans.sort_by_key(|s| s.range.start);
    a
}

fn vague<'a>(wording: &'a str, low: f64, high: f64, counts: &'a str) -> F<'a> {
    F {
        wording,
        value: 0.0,
        q: Qualifier::Vague,
        low,
        high: Some(high),
        counts,
    }
}

#[test]
fn a_quoted_claim_meets_the_reports_own_count_of_the_same_happening() {
    // The minister's post counts "members of the Black Heron gang", the
    // reports count farmworkers: the noun differs, the happening (sending
    // people away) is the same, and the article sets one against the other.
    let post = "We sent over 450 members of the Black Heron gang to Korvania tonight";
    let a = article(
        "a",
        "The Ledger",
        &[
            "The deportation of 412 farmworkers to Korvania has divided the valley.",
            &format!("The minister wrote on social media: “{post}.”"),
            "Families say thousands of local fishermen were jailed alongside them in the port.",
        ],
        &[
            exact("412 farmworkers", 412.0, "farmworkers"),
            F {
                wording: "over 450 members",
                value: 450.0,
                q: Qualifier::MoreThan,
                low: 450.0,
                high: None,
                counts: "members of the Black Heron gang",
            },
            vague(
                "thousands of local fishermen",
                2000.0,
                9999.0,
                "local fishermen",
            ),
        ],
        &[("the minister", post)],
    );
    let b = article(
        "b",
        "Morning Wire",
        &["In all, 412 farmworkers were expelled to Korvania on two flights."],
        &[exact("412 farmworkers were expelled", 412.0, "farmworkers")],
        &[],
    );
    let d = crosscheck(vec![a, b], &Options::default());
    let slot = slot_of(&d, "412 farmworkers");
    assert_eq!(slot.values[0].mentions.len(), 2, "{slot:#?}");
    assert!(
        slot.values.iter().any(|v| v.text == "over 450 members"),
        "{slot:#?}"
    );
    assert_eq!(
        slot.verdict,
        Verdict::Conflict,
        "more than 450 is not 412: {slot:#?}"
    );
    assert!(slot.values.iter().all(|v| !v.text.starts_with("thousands")));
}

#[test]
fn una_cifra_citada_se_compara_con_la_del_propio_informe() {
    let post = "Hemos enviado a más de 450 miembros de la banda Garza Negra";
    let a = article(
        "a",
        "El Diario",
        &[
            "La deportación de 412 jornaleros a Korvania ha dividido el valle.",
            &format!("El ministro escribió: «{post}»."),
        ],
        &[
            exact("412 jornaleros", 412.0, "jornaleros"),
            F {
                wording: "más de 450 miembros",
                value: 450.0,
                q: Qualifier::MoreThan,
                low: 450.0,
                high: None,
                counts: "miembros de la banda Garza Negra",
            },
        ],
        &[("el ministro", post)],
    );
    let b = article(
        "b",
        "La Voz",
        &["En total, 412 jornaleros fueron expulsados a Korvania en dos vuelos."],
        &[exact("412 jornaleros fueron", 412.0, "jornaleros")],
        &[],
    );
    let d = crosscheck(vec![a, b], &Options::default());
    let slot = slot_of(&d, "412 jornaleros");
    assert_eq!(slot.values[0].mentions.len(), 2, "{slot:#?}");
    assert!(
        slot.values.iter().any(|v| v.text == "más de 450 miembros"),
        "{slot:#?}"
    );
    assert_eq!(slot.verdict, Verdict::Conflict, "{slot:#?}");
}

#[test]
fn arrested_and_released_are_different_quantities() {
    let d = crosscheck(
        vec![
            article(
                "a",
                "The Ledger",
                &["Police in Orvenna arrested 1,200 protesters during the strike."],
                &[exact("1,200 protesters", 1200.0, "protesters")],
                &[],
            ),
            article(
                "b",
                "Morning Wire",
                &["Police in Orvenna released 1,150 protesters after the strike."],
                &[exact("1,150 protesters", 1150.0, "protesters")],
                &[],
            ),
            article(
                "c",
                "El Diario",
                &["La policía de Orvenna detuvo a 1.200 manifestantes durante la huelga."],
                &[exact("1.200 manifestantes", 1200.0, "manifestantes")],
                &[],
            ),
        ],
        &Options::default(),
    );
    let freed = slot_of(&d, "1,150 protesters");
    assert_eq!(freed.values.len(), 1, "{freed:#?}");
    assert_eq!(freed.verdict, Verdict::SingleSource);
}

#[test]
fn people_sent_to_a_place_are_the_people_held_there() {
    let a = with_entities(
        article(
            "a",
            "The Ledger",
            &["Since the raids began, tens of thousands of suspects were sent to the Sarn Island prison."],
            &[vague("tens of thousands of suspects", 20000.0, 99999.0, "suspects")],
            &[],
        ),
        &[("Sarn Island prison", "Sarn Island prison")],
    );
    let b = with_entities(
        article(
            "b",
            "Morning Wire",
            &["SIP was built for 40,000 inmates and currently holds about 15,000 suspects."],
            &[
                F {
                    wording: "40,000 inmates",
                    value: 40000.0,
                    q: Qualifier::Exact,
                    low: 40000.0,
                    high: Some(40000.0),
                    counts: "inmates",
                },
                F {
                    wording: "about 15,000 suspects",
                    value: 15000.0,
                    q: Qualifier::About,
                    low: 13500.0,
                    high: Some(16500.0),
                    counts: "suspects",
                },
            ],
            &[],
        ),
        &[("SIP", "Sarn Island prison")],
    );
    let d = crosscheck(vec![a, b], &Options::default());
    let held = slot_of(&d, "about 15,000 suspects");
    assert!(
        held.values
            .iter()
            .any(|v| v.text.starts_with("tens of thousands")),
        "{held:#?}"
    );
    assert_eq!(
        held.verdict,
        Verdict::Conflict,
        "tens of thousands is not 15,000"
    );
}

#[test]
fn a_year_that_dates_a_thing_is_compared_a_year_that_dates_an_event_is_not() {
    let year = |wording: &'static str, value: f64| F {
        wording,
        value,
        q: Qualifier::Exact,
        low: value,
        high: Some(value),
        counts: "",
    };
    let with_role = |mut a: Article| {
        for s in &mut a.spans {
            if let SpanKind::Figure(f) = &mut s.kind {
                f.role = FigureRole::Year;
                f.counts = None;
                f.unit = None;
            }
        }
        a
    };
    let a = with_role(article(
        "a",
        "The Ledger",
        &[
            "The council invoked a 1871 flood law to clear the riverbank.",
            "The river last flooded the town in 1998.",
        ],
        &[year("1871", 1871.0), year("1998", 1998.0)],
        &[],
    ));
    let b = with_role(article(
        "b",
        "Morning Wire",
        &["To clear the riverbank the council invoked an 1817 flood law."],
        &[year("1817", 1817.0)],
        &[],
    ));
    let d = crosscheck(vec![a, b], &Options::default());
    let law = slot_of(&d, "1871");
    assert!(law.values.iter().any(|v| v.text == "1817"), "{law:#?}");
    assert_eq!(law.verdict, Verdict::Conflict);
    assert!(
        d.figures
            .iter()
            .all(|s| s.values.iter().all(|v| v.text != "1998")),
        "a year after 'in' dates an event: {:#?}",
        d.figures
    );
    let c = with_role(article(
        "c",
        "El Diario",
        &["El consejo invocó una ley de inundaciones de 1871 para desalojar la ribera."],
        &[year("1871", 1871.0)],
        &[],
    ));
    let e = with_role(article(
        "e",
        "La Voz",
        &["Para desalojar la ribera, el consejo invocó la ley de inundaciones de 1871."],
        &[year("1871", 1871.0)],
        &[],
    ));
    let d = crosscheck(vec![c, e], &Options::default());
    let law = slot_of(&d, "1871");
    assert_eq!(law.verdict, Verdict::Agree, "{law:#?}");
    assert_eq!(law.values[0].mentions.len(), 2);
}

#[test]
fn two_reports_of_the_same_time_that_cannot_both_be_true_conflict() {
    let d = two_reports(
        (
            "Fourteen workers were killed when fire tore through the plant on Monday night.",
            exact("Fourteen workers", 14.0, "workers killed"),
        ),
        (
            "The fire at the plant on Monday night killed 17 workers, officials said.",
            exact("17 workers", 17.0, "workers"),
        ),
    );
    let toll = slot_of(&d, "17 workers");
    assert_eq!(toll.verdict, Verdict::Conflict, "{toll:#?}");
    assert_eq!(toll.values.len(), 2, "{toll:#?}");
    assert_eq!(toll.conflicts, vec![[0, 1]], "{toll:#?}");
}

#[test]
fn a_toll_said_to_have_risen_is_revised_not_a_contradiction() {
    let d = two_articles((&[
            "The death toll from the Korvald mine collapse has risen to 17 workers, the union said.",
            "Rescuers, who had put the toll at 14 workers on Monday, ended the search.",
        ], &[
            exact("17 workers", 17.0, "workers"),
            exact("14 workers", 14.0, "workers"),
        ]), (&["The Korvald mine collapse killed 14 workers, rescuers said on Monday."], &[exact("14 workers,", 14.0, "workers")]));
    let toll = slot_of(&d, "17 workers");
    assert!(toll.values.iter().any(|v| v.value == 14.0), "{toll:#?}");
    assert_eq!(toll.verdict, Verdict::Revised, "{toll:#?}");
    assert!(toll
        .note
        .as_deref()
        .is_some_and(|n| n.contains("changed over time")));
}

#[test]
fn a_quote_copied_word_for_word_by_one_story_rests_on_one_origin() {
    let mut articles = corpus();
    let mut copy = articles[0].clone();
    copy.source = "a2".into();
    copy.outlet = Some("Harbour Post".into());
    articles.truncate(1);
    articles.push(copy);
    let d = crosscheck(articles, &Options::default());
    let g = d
        .quotes
        .iter()
        .find(|g| g.speaker.as_deref() == Some("Orla Brennick"))
        .unwrap_or_else(|| panic!("{:#?}", d.quotes));
    assert_eq!(g.variants[0].mentions.len(), 2, "{g:#?}");
    assert_eq!(g.verdict, Verdict::SingleSource, "{g:#?}");
}

#[test]
fn a_generic_counted_noun_leaves_the_clause_to_decide() {
    let d = two_reports(
        ("The governor filmed his message in the yard, where dozens of men with tattooed arms stood behind him.", vague("dozens of men", 24.0, 99.0, "men")),
        ("The governor filmed his message in the yard, where dozens of tattooed inmates stood behind him.", vague("dozens of tattooed inmates", 24.0, 99.0, "tattooed inmates")),
    );
    let slot = slot_of(&d, "dozens of men");
    let articles: Vec<usize> = slot
        .values
        .iter()
        .flat_map(|v| v.mentions.iter().map(|m| m.article))
        .collect();
    assert_eq!(articles, [0, 1], "{slot:#?}");
}

#[test]
fn across_languages_the_same_stated_number_weighs_more() {
    let mut a = article(
        "a",
        "The Ledger",
        &["At the Korvald mill, 86 workers were on the night shift when the fire started."],
        &[exact("86 workers", 86.0, "workers")],
        &[],
    );
    a.language = Some("en".into());
    let mut b = article(
        "b",
        "El Diario",
        &["En la fábrica de Korvald, 86 operarios cubrían el turno de noche cuando empezó el fuego."],
        &[exact("86 operarios", 86.0, "operarios")],
        &[],
    );
    b.language = Some("es".into());
    let d = crosscheck(vec![a, b], &Options::default());
    let slot = slot_of(&d, "86 workers");
    assert_eq!(slot.values[0].mentions.len(), 2, "{slot:#?}");
    assert_eq!(slot.verdict, Verdict::Agree);
}

#[test]
fn versions_of_one_story_that_disagree_are_a_revision() {
    let story = |n: &str| {
        format!(
            "The Korvald mill, which has stood on the Sarn since the war, employs {n} people in the town. \
             Its owners said on Monday that the night shift would resume next week once the inspectors \
             of the regional labour office had signed off the repairs to the drying hall."
        )
    };
    let (x, y) = (story("about 400"), story("about 700"));
    let a = article(
        "a",
        "Wire One",
        &[&x],
        &[F {
            wording: "about 400 people",
            value: 400.0,
            q: Qualifier::About,
            low: 340.0,
            high: Some(460.0),
            counts: "people employed",
        }],
        &[],
    );
    let b = article(
        "b",
        "Wire Two",
        &[&y],
        &[F {
            wording: "about 700 people",
            value: 700.0,
            q: Qualifier::About,
            low: 595.0,
            high: Some(805.0),
            counts: "people employed",
        }],
        &[],
    );
    let d = crosscheck(vec![a, b], &Options::default());
    assert_eq!(d.articles[0].origin, d.articles[1].origin, "one story");
    let slot = slot_of(&d, "about 400 people");
    assert_eq!(slot.values.len(), 2, "{slot:#?}");
    assert_eq!(slot.verdict, Verdict::Revised, "{slot:#?}");
    assert!(slot
        .note
        .as_deref()
        .is_some_and(|n| n.contains("versions of one story")));
}

/// Sets the unit of every figure of an article.
fn with_unit(mut a: Article, unit: &str) -> Article {
    for s in &mut a.spans {
        if let SpanKind::Figure(f) = &mut s.kind {
            f.unit = Some(unit.to_string());
        }
    }
    a
}

#[test]
fn a_unit_converted_in_brackets_is_its_originals_report_and_rounded() {
    let mut a = article(
        "a",
        "The Ledger",
        &["The ferry sank 10 miles (15 kilometres) off the cape, the coast guard said."],
        &[
            exact("10 miles", 10.0, "miles"),
            exact("15 kilometres", 15.0, "kilometres"),
        ],
        &[],
    );
    for s in &mut a.spans {
        if let SpanKind::Figure(f) = &mut s.kind {
            f.unit = Some(if f.value == 10.0 { "miles" } else { "km" }.to_string());
        }
    }
    let b = with_unit(
        article(
            "b",
            "Morning Wire",
            &["The ferry went down 10 miles off the cape on Monday, the coast guard said."],
            &[exact("10 miles", 10.0, "miles")],
            &[],
        ),
        "miles",
    );
    let d = crosscheck(vec![a, b], &Options::default());
    let slot = slot_of(&d, "10 miles");
    assert!(
        slot.values.iter().any(|v| v.text == "15 kilometres"),
        "{:#?}",
        d.figures
    );
    assert_ne!(slot.verdict, Verdict::Conflict, "{slot:#?}");
}

#[test]
fn distances_in_two_units_meet_after_conversion() {
    let a = with_unit(
        article(
            "a",
            "The Ledger",
            &["The warship was 13 nautical miles from the freighter when the call came."],
            &[exact("13 nautical miles", 13.0, "nautical miles")],
            &[],
        ),
        "nautical miles",
    );
    let b = with_unit(
        article(
            "b",
            "Morning Wire",
            &["The warship was about 24 km from the freighter when the call came."],
            &[F {
                wording: "about 24 km",
                value: 24.0,
                q: Qualifier::About,
                low: 24.0,
                high: Some(24.0),
                counts: "km",
            }],
            &[],
        ),
        "km",
    );
    let d = crosscheck(vec![a, b], &Options::default());
    let slot = slot_of(&d, "13 nautical miles");
    assert_eq!(slot.values.len(), 2, "{slot:#?}");
    assert_ne!(slot.verdict, Verdict::Conflict, "{slot:#?}");
}

#[test]
fn durations_that_say_nothing_of_what_they_measure_never_conflict() {
    let a = with_unit(
        article(
            "a",
            "The Ledger",
            &["The talks went on for three days in the capital."],
            &[exact("three days", 3.0, "days")],
            &[],
        ),
        "days",
    );
    let b = with_unit(
        article(
            "b",
            "Morning Wire",
            &["Negotiators met for seven days in the capital."],
            &[exact("seven days", 7.0, "days")],
            &[],
        ),
        "days",
    );
    let d = crosscheck(vec![a, b], &Options::default());
    assert_no_conflict(&d);
}

#[test]
fn an_age_one_year_apart_is_a_revision() {
    let age = |a: Article| {
        let mut a = a;
        for s in &mut a.spans {
            if let SpanKind::Figure(f) = &mut s.kind {
                f.role = FigureRole::Age;
                f.unit = Some("years".into());
            }
        }
        a
    };
    let a = age(article(
        "a",
        "The Ledger",
        &["The driver, a 38-year-old man from the valley, was arrested."],
        &[exact("38", 38.0, "year-old man")],
        &[],
    ));
    let b = age(article(
        "b",
        "Morning Wire",
        &["At his trial the driver, a 39-year-old man from the valley, was convicted."],
        &[exact("39", 39.0, "year-old man")],
        &[],
    ));
    let d = crosscheck(vec![a, b], &Options::default());
    let slot = slot_of(&d, "38");
    assert_eq!(slot.values.len(), 2, "{slot:#?}");
    assert_eq!(slot.verdict, Verdict::Revised, "{slot:#?}");
}

#[test]
fn a_count_of_a_side_story_is_not_set_against_the_main_one() {
    // Three outlets count the dead of the main blast; one of them also
    // counts those of another blast elsewhere, a place no one else names.
    let mut articles = vec![
        article(
            "a",
            "The Ledger",
            &["The blast at the Korvald mill killed 12 people on Monday."],
            &[exact("12 people", 12.0, "people")],
            &[],
        ),
        article(
            "b",
            "Morning Wire",
            &["Officials said the blast at the mill killed 12 people."],
            &[exact("12 people", 12.0, "people")],
            &[],
        ),
        article(
            "c",
            "El Diario",
            &["The mill blast killed 12 people, officials said on Monday."],
            &[exact("12 people", 12.0, "people")],
            &[],
        ),
        article(
            "d",
            "Valley Today",
            &["The blast at the mill in Tessaly killed seven people on Monday."],
            &[exact("seven people", 7.0, "people")],
            &[],
        ),
    ];
    {
        let a = &mut articles[3];
        let name = "Tessaly";
        let start = a.text.find(name).unwrap_or(0);
        a.spans.push(Span {
            range: ByteRange::new(start, start + name.len()),
            kind: SpanKind::Entity {
                entity: crosswire_model::EntityKind::Gpe,
                cluster: 0,
                canonical: name.to_string(),
                role: None,
                nominal: false,
            },
        });
        a.spans.sort_by_key(|s| s.range.start);
    }
    let d = crosscheck(articles, &Options::default());
    assert_no_conflict(&d);
}

/// A money figure in the text, in a currency.
fn money(a: Article, wording: &str, value: f64, currency: &str) -> Article {
    let mut a = a;
    let start = a
        .text
        .find(wording)
        .unwrap_or_else(|| panic!("fixture wording {wording:?} not in text"));
    a.spans.push(Span {
        range: ByteRange::new(start, start + wording.len()),
        kind: SpanKind::Figure(Figure {
            value,
            low: value,
            high: Some(value),
            unit: Some(currency.into()),
            qualifier: Qualifier::Exact,
            counts: None,
            attributed_to: None,
            role: FigureRole::Claim,
        }),
    });
    a.spans.sort_by_key(|s| s.range.start);
    a
}

fn plain(source: &str, outlet: &str, text: &str) -> Article {
    article(source, outlet, &[text], &[], &[])
}

#[test]
fn sums_in_two_currencies_meet_at_the_rate_the_texts_give() {
    let a = plain(
        "a",
        "The Ledger",
        "Thieves stole jewels worth 3 million euros ($3.9 million) from the shop.",
    );
    let a = money(
        money(a, "3 million euros", 3e6, "EUR"),
        "$3.9 million",
        3.9e6,
        "USD",
    );
    let b = money(
        plain(
            "b",
            "Morning Wire",
            "The gang that raided the Korvald jeweller on Monday took gems valued at $3.9 million, police said.",
        ),
        "$3.9 million",
        3.9e6,
        "USD",
    );
    let c = money(
        plain(
            "c",
            "El Diario",
            "Los ladrones se llevaron joyas por valor de 3 million euros del comercio, según la policía.",
        ),
        "3 million euros",
        3e6,
        "EUR",
    );
    let d = crosscheck(vec![a, b, c], &Options::default());
    let slot = slot_of(&d, "3 million euros");
    let mentions: usize = slot.values.iter().map(|v| v.mentions.len()).sum();
    assert_eq!(mentions, 4, "{slot:#?}");
    assert_eq!(slot.verdict, Verdict::Agree, "{slot:#?}");
}

#[test]
fn a_currency_meets_the_others_through_a_chain_of_the_texts_rates() {
    let sum = |src: &str, outlet: &str, text: &str, sums: &[(&str, f64, &str)]| {
        sums.iter()
            .fold(plain(src, outlet, text), |a, (w, v, c)| money(a, w, *v, c))
    };
    let d = crosscheck(
        vec![
            sum(
                "a",
                "The Ledger",
                "Thieves stole jewels worth 3 million euros ($3.9 million) from the shop.",
                &[
                    ("3 million euros", 3e6, "EUR"),
                    ("$3.9 million", 3.9e6, "USD"),
                ],
            ),
            sum(
                "b",
                "Morning Wire",
                "The stolen jewels were worth 3 million euros (£2.6 million), the shop said.",
                &[
                    ("3 million euros", 3e6, "EUR"),
                    ("£2.6 million", 2.6e6, "GBP"),
                ],
            ),
            sum(
                "c",
                "Valley Today",
                "Thieves stole jewels worth £2.6 million from the shop, police said.",
                &[("£2.6 million", 2.6e6, "GBP")],
            ),
            sum(
                "d",
                "Northline",
                "Thieves stole jewels worth $3.9 million from the shop on Monday.",
                &[("$3.9 million", 3.9e6, "USD")],
            ),
            sum(
                "e",
                "Harbour Post",
                "The jewels the thieves stole from the shop were worth $3.9 million.",
                &[("$3.9 million", 3.9e6, "USD")],
            ),
        ],
        &Options::default(),
    );
    // No text says what a pound is in dollars; two say what a euro is in
    // each, so the pounds meet the dollars.
    let slot = slot_of(&d, "$3.9 million");
    assert!(
        slot.values.iter().any(|v| v.text == "£2.6 million"),
        "{:#?}",
        d.figures
    );
    assert_ne!(slot.verdict, Verdict::Conflict, "{slot:#?}");
}

#[test]
fn currencies_no_text_converts_stay_apart() {
    let b = money(
        plain(
            "b",
            "Morning Wire",
            "Thieves stole jewels worth $3.9 million from the shop.",
        ),
        "$3.9 million",
        3.9e6,
        "USD",
    );
    let c = money(
        plain(
            "c",
            "El Diario",
            "Thieves stole jewels worth 3 million euros from the shop.",
        ),
        "3 million euros",
        3e6,
        "EUR",
    );
    let d = crosscheck(vec![b, c], &Options::default());
    let slot = slot_of(&d, "3 million euros");
    assert_eq!(slot.values.len(), 1, "{slot:#?}");
}

/// Adds a date span over `wording`, of the given precision, unresolved (as
/// the analyzer leaves a month when the article carries no publish date).
fn with_date(mut a: Article, wording: &str, precision: crosswire_model::Precision) -> Article {
    let start = a
        .text
        .find(wording)
        .unwrap_or_else(|| panic!("fixture wording {wording:?} not in text"));
    a.spans.push(Span {
        range: ByteRange::new(start, start + wording.len()),
        kind: SpanKind::Date(crosswire_model::DateValue {
            resolved: None,
            precision,
            relative: true,
            refers_to: None,
        }),
    });
    a.spans.sort_by_key(|s| s.range.start);
    a
}

#[test]
fn a_count_dated_to_another_month_belongs_to_another_happening() {
    let articles = vec![
        article(
            "a",
            "The Ledger",
            &["The quake killed 10 people on the island on Sunday."],
            &[exact("10 people", 10.0, "people killed")],
            &[],
        ),
        article(
            "b",
            "Morning Wire",
            &["Officials said the quake killed 10 people on Sunday."],
            &[exact("10 people", 10.0, "people killed")],
            &[],
        ),
        with_date(
            article(
                "c",
                "Valley Today",
                &["In February, a quake killed 14 people in the south of the country."],
                &[exact("14 people", 14.0, "people killed")],
                &[],
            ),
            "February",
            crosswire_model::Precision::Month,
        ),
    ];
    let d = crosscheck(articles.clone(), &Options::default());
    assert_no_conflict(&d);
    // The same sentence dated to a day ("On Sunday") is the story's own
    // count, and the two counts conflict.
    let mut same_day = articles;
    same_day[2] = with_date(
        article(
            "c",
            "Valley Today",
            &["On Sunday, a quake killed 14 people on the island."],
            &[exact("14 people", 14.0, "people killed")],
            &[],
        ),
        "Sunday",
        crosswire_model::Precision::Day,
    );
    let d = crosscheck(same_day, &Options::default());
    assert_eq!(
        slot_of(&d, "14 people").verdict,
        Verdict::Conflict,
        "{:#?}",
        d.figures
    );
}

#[test]
fn magnitudes_a_unit_apart_are_two_quakes() {
    let quake = |src: &str, outlet: &str, text: &str, wording: &str, value: f64| {
        article(src, outlet, &[text], &[exact(wording, value, "")], &[])
    };
    let d = crosscheck(
        vec![
            quake(
                "a",
                "The Ledger",
                "The quake measured 5.9 on the Richter scale.",
                "5.9",
                5.9,
            ),
            quake(
                "b",
                "Morning Wire",
                "The quake measured 6.1 on the Richter scale.",
                "6.1",
                6.1,
            ),
            quake(
                "c",
                "Valley Today",
                "The quake measured 3.8 on the Richter scale, sensors said.",
                "3.8",
                3.8,
            ),
            quake(
                "d",
                "Northline",
                "An aftershock measured 5.4 on the Richter scale, sensors said.",
                "5.4",
                5.4,
            ),
        ],
        &Options::default(),
    );
    // 5.9 against 6.1 is one quake read two ways; 3.8 is another quake,
    // and so is an aftershock, however close its magnitude.
    let main = slot_of(&d, "5.9");
    assert_eq!(main.verdict, Verdict::Conflict, "{:#?}", d.figures);
    for [i, j] in &main.conflicts {
        let pair = [main.values[*i].text.as_str(), main.values[*j].text.as_str()];
        assert!(
            !pair.contains(&"3.8") && !pair.contains(&"5.4"),
            "{main:#?}"
        );
    }
}

#[test]
fn one_quakes_magnitude_is_one_slot_whatever_the_quake_is_called() {
    let quake = |src: &str, outlet: &str, text: &str, wording: &str, value: f64| {
        article(src, outlet, &[text], &[exact(wording, value, "")], &[])
    };
    let d = crosscheck(
        vec![
            quake(
                "a",
                "The Ledger",
                "A 5.9 quake shook Tarsk island early Sunday, officials said.",
                "5.9",
                5.9,
            ),
            quake(
                "b",
                "Morning Wire",
                "The survey said it was a magnitude-6.1 temblor that struck Tarsk island.",
                "6.1",
                6.1,
            ),
            quake(
                "c",
                "Valley Today",
                "The earthquake that struck Tarsk island measured 5.9 on the Richter scale.",
                "5.9",
                5.9,
            ),
            with_date(
                article(
                    "d",
                    "Northline",
                    &["In February a quake that struck Tarsk island measured at least 5.8 on the Richter scale."],
                    &[F {
                        wording: "at least 5.8",
                        value: 5.8,
                        q: Qualifier::AtLeast,
                        low: 5.8,
                        high: None,
                        counts: "",
                    }],
                    &[],
                ),
                "February",
                crosswire_model::Precision::Month,
            ),
        ],
        &Options::default(),
    );
    // "A 5.9 quake" is a magnitude without the word; a temblor and a quake
    // are one quake; and its readings conflict.
    let slot = slot_of(&d, "6.1");
    assert!(
        slot.values.iter().any(|v| v.text == "5.9"),
        "{:#?}",
        d.figures
    );
    assert_eq!(slot.verdict, Verdict::Conflict, "{slot:#?}");
    // The February quake's magnitude fits these, but it is another's.
    assert!(
        !slot.values.iter().any(|v| v.text == "at least 5.8"),
        "{slot:#?}"
    );
}

#[test]
fn aftershock_magnitudes_that_allow_one_value_are_one_report() {
    let about = F {
        wording: "around 4.2",
        value: 4.2,
        q: Qualifier::About,
        low: 4.0,
        high: Some(4.4),
        counts: "",
    };
    let range = F {
        wording: "from 3.9 to 4.6",
        value: 3.9,
        q: Qualifier::Range,
        low: 3.9,
        high: Some(4.6),
        counts: "",
    };
    let d = crosscheck(
        vec![
            article(
                "a",
                "The Ledger",
                &["The quake measured 6.0 on the Richter scale and was followed by four aftershocks of around 4.2, officials said."],
                &[exact("6.0", 6.0, ""), about],
                &[],
            ),
            article(
                "b",
                "Morning Wire",
                &["Four more aftershocks shook the valley, with magnitudes ranging from 3.9 to 4.6 in the night."],
                &[range],
                &[],
            ),
            article(
                "c",
                "Valley Today",
                &["Several aftershocks followed, with magnitudes from 4.8 to 5.1 in the morning."],
                &[F { wording: "from 4.8 to 5.1", value: 4.8, q: Qualifier::Range, low: 4.8, high: Some(5.1), counts: "" }],
                &[],
            ),
        ],
        &Options::default(),
    );
    // "aftershocks of around 4.2" is a magnitude, and the range's own
    // clause says no aftershock but the one it is attached to does.
    let slot = slot_of(&d, "around 4.2");
    assert!(
        slot.values.iter().any(|v| v.text == "from 3.9 to 4.6"),
        "{:#?}",
        d.figures
    );
    assert!(slot.conflicts.is_empty(), "{slot:#?}");
    // The main shock and an aftershock that allows no shared value are
    // other quakes.
    for other in ["6.0", "from 4.8 to 5.1"] {
        assert!(!slot.values.iter().any(|v| v.text == other), "{slot:#?}");
    }
}

#[test]
fn a_count_for_the_whole_country_is_not_one_citys() {
    let mut city = article(
        "a",
        "The Ledger",
        &["Police said 20,000 people marched through the streets of Dravenport."],
        &[exact("20,000 people", 20000.0, "people marched")],
        &[],
    );
    let start = city.text.find("Dravenport").unwrap_or(0);
    city.spans.push(Span {
        range: ByteRange::new(start, start + "Dravenport".len()),
        kind: SpanKind::Entity {
            entity: crosswire_model::EntityKind::Gpe,
            cluster: 0,
            canonical: "Dravenport".to_string(),
            role: None,
            nominal: false,
        },
    });
    city.spans.sort_by_key(|s| s.range.start);
    let d = crosscheck(
        vec![
            city,
            article(
                "b",
                "Morning Wire",
                &["An estimated 90,000 people marched nationwide on Tuesday."],
                &[exact("90,000 people", 90000.0, "people marched")],
                &[],
            ),
        ],
        &Options::default(),
    );
    assert_no_conflict(&d);
}

#[test]
fn a_named_persons_ages_meet_and_a_possessives_age_is_someone_elses() {
    let person = aged;
    // Sentences with nothing else in common: the name is what joins them.
    let a = person(
        article(
            "a",
            "The Ledger",
            &["Officials would not say when Marlo Bexley, 54, will be moved north."],
            &[exact("54", 54.0, "")],
            &[],
        ),
        "Marlo Bexley",
    );
    let b = person(
        article(
            "b",
            "Morning Wire",
            &["Marlo Bexley, 55, must serve at least 45 years before parole."],
            &[exact("55", 55.0, "")],
            &[],
        ),
        "Marlo Bexley",
    );
    let c = person(
        article(
            "c",
            "Valley Today",
            &["Marlo Bexley's 16-year-old daughter testified on Monday."],
            &[exact("16", 16.0, "year-old daughter")],
            &[],
        ),
        "Marlo Bexley",
    );
    let d = crosscheck(vec![a, b, c], &Options::default());
    let slot = slot_of(&d, "54");
    assert_eq!(slot.values.len(), 2, "{:#?}", d.figures);
    assert_eq!(slot.verdict, Verdict::Revised, "{slot:#?}");
    assert!(slot.values.iter().all(|v| v.value != 16.0), "{slot:#?}");
}

#[test]
fn one_sum_worded_two_ways_is_one_slot() {
    let booty = |src: &str, outlet: &str, text: &str| {
        money(
            money(plain(src, outlet, text), "€2 million", 2e6, "EUR"),
            "$2.6 million",
            2.6e6,
            "USD",
        )
    };
    let over = |src: &str, outlet: &str, text: &str| {
        let mut a = money(plain(src, outlet, text), "over $2.6 million", 2.6e6, "USD");
        for s in &mut a.spans {
            if let SpanKind::Figure(f) = &mut s.kind {
                f.qualifier = Qualifier::MoreThan;
                f.high = None;
            }
        }
        a
    };
    let d = crosscheck(
        vec![
            booty(
                "a",
                "The Ledger",
                "Raiders fled with a €2 million ($2.6 million) booty of rings.",
            ),
            booty(
                "b",
                "Morning Wire",
                "It was a €2 million ($2.6 million) booty for the gang.",
            ),
            over(
                "c",
                "Valley Today",
                "The jewels were valued at over $2.6 million, police said.",
            ),
            over(
                "d",
                "Northline",
                "Detectives put the haul at over $2.6 million on Monday.",
            ),
        ],
        &Options::default(),
    );
    let slots: Vec<_> = d
        .figures
        .iter()
        .filter(|s| s.values.iter().any(|v| v.value == 2e6 || v.value == 2.6e6))
        .collect();
    assert_eq!(slots.len(), 1, "{:#?}", d.figures);
    assert_eq!(slots[0].origin_count, 4, "{:#?}", slots[0]);
}

#[test]
fn the_same_bound_from_two_origins_agrees() {
    let at_least = |wording| F {
        wording,
        value: 7.0,
        q: Qualifier::AtLeast,
        low: 7.0,
        high: None,
        counts: "people killed",
    };
    let d = crosscheck(
        vec![
            article(
                "a",
                "The Ledger",
                &["The raid killed at least seven people in the valley."],
                &[at_least("at least seven people")],
                &[],
            ),
            article(
                "b",
                "Morning Wire",
                &["At least seven people were killed, officials told reporters on Friday."],
                &[at_least("At least seven people")],
                &[],
            ),
        ],
        &Options::default(),
    );
    let slot = slot_of(&d, "at least seven people");
    assert_eq!(slot.origin_count, 2, "{slot:#?}");
    assert_eq!(slot.verdict, Verdict::Agree, "{slot:#?}");
}

#[test]
fn a_count_since_a_month_is_a_running_tally_not_another_happening() {
    let since = with_date(
        article(
            "a",
            "The Ledger",
            &["Beginning last October, five members of the group have been convicted."],
            &[exact("five members", 5.0, "members convicted")],
            &[],
        ),
        "October",
        crosswire_model::Precision::Month,
    );
    let now = article(
        "b",
        "Morning Wire",
        &["Seven members of the group have been convicted, prosecutors said."],
        &[exact("Seven members", 7.0, "members convicted")],
        &[],
    );
    let d = crosscheck(vec![since, now], &Options::default());
    let slot = slot_of(&d, "Seven members");
    assert_eq!(slot.values.len(), 2, "{:#?}", d.figures);
    assert_eq!(slot.verdict, Verdict::Revised, "{slot:#?}");
}

#[test]
fn a_translation_repeats_its_originals_numbers_in_one_slot() {
    let mut en = plain(
        "en",
        "The Ledger",
        "Norvex Textiles said on Monday that it had sold 312 looms to Tarsk Mills. \
         The deal, signed in Orlen, also covers 45 dye vats and 17 presses.",
    );
    en.language = Some("en".into());
    let mut es = plain(
        "es",
        "El Telar",
        "Norvex Textiles dijo el lunes que había vendido 312 telares a Tarsk Mills. \
         El acuerdo, firmado en Orlen, incluye también 45 cubas de tinte y 17 prensas.",
    );
    es.language = Some("es".into());
    let with_figures = |mut a: Article| {
        for (wording, value) in [("312", 312.0), ("45", 45.0), ("17", 17.0)] {
            let start = a.text.find(wording).unwrap_or(0);
            a.spans.push(Span {
                range: ByteRange::new(start, start + wording.len()),
                kind: SpanKind::Figure(Figure {
                    value,
                    low: value,
                    high: Some(value),
                    unit: None,
                    qualifier: Qualifier::Exact,
                    counts: None,
                    attributed_to: None,
                    role: FigureRole::Claim,
                }),
            });
        }
        a.spans.sort_by_key(|s| s.range.start);
        a
    };
    let d = crosscheck(
        vec![with_figures(en), with_figures(es)],
        &Options::default(),
    );
    assert_eq!(d.origins.len(), 1, "{:#?}", d.origins);
    for value in ["312", "45", "17"] {
        let slot = slot_of(&d, value);
        let articles: std::collections::BTreeSet<usize> = slot
            .values
            .iter()
            .flat_map(|v| v.mentions.iter().map(|m| m.article))
            .collect();
        assert_eq!(articles.len(), 2, "{value}: {slot:#?}");
    }
}

/// Sets the unit of the figure worded `wording`.
fn unit_of(mut a: Article, wording: &str, unit: &str) -> Article {
    let text = a.text.clone();
    for s in &mut a.spans {
        if let SpanKind::Figure(f) = &mut s.kind {
            if text.get(s.range.start as usize..s.range.end as usize) == Some(wording) {
                f.unit = Some(unit.to_string());
            }
        }
    }
    a
}

#[test]
fn distances_of_one_place_from_another_conflict_and_other_places_stay_apart() {
    let km = |w| exact(w, 0.0, "kilometres");
    let mut a = article(
        "a",
        "The Ledger",
        &["Port Ellis, located 1,150 kilometres (700 miles) southeast of Carmody, has a busy harbour."],
        &[km("1,150 kilometres"), exact("700 miles", 700.0, "miles")],
        &[],
    );
    if let Some(SpanKind::Figure(f)) = a.spans.first_mut().map(|s| &mut s.kind) {
        f.value = 1150.0;
        f.low = 1150.0;
        f.high = Some(1150.0);
    }
    let a = unit_of(
        unit_of(a, "1,150 kilometres", "kilometres"),
        "700 miles",
        "miles",
    );
    let b = unit_of(
        article(
            "b",
            "Morning Wire",
            &["Port Ellis, a fishing town, lies 1,500 kilometres south of Carmody."],
            &[exact("1,500 kilometres", 1500.0, "kilometres")],
            &[],
        ),
        "1,500 kilometres",
        "kilometres",
    );
    // The town is not named: its distance joins the one it fits, and sets
    // nothing against anything by itself.
    let c = unit_of(
        article(
            "c",
            "Coast Daily",
            &["The town is about 940 miles south of Carmody, officials said."],
            &[F {
                wording: "about 940 miles",
                value: 940.0,
                q: Qualifier::About,
                low: 940.0,
                high: Some(940.0),
                counts: "miles",
            }],
            &[],
        ),
        "about 940 miles",
        "miles",
    );
    // Another town's distance from the same city is another measure, even
    // where a round value would fit.
    let d = unit_of(
        article(
            "d",
            "Valley Post",
            &["Dunmore, 1,000 kilometres southeast of Carmody, was not hit."],
            &[exact("1,000 kilometres", 1000.0, "kilometres")],
            &[],
        ),
        "1,000 kilometres",
        "kilometres",
    );
    let names = [
        ("Port Ellis", "Port Ellis"),
        ("Carmody", "Carmody"),
        ("Dunmore", "Dunmore"),
    ];
    let articles: Vec<Article> = [a, b, c, d]
        .into_iter()
        .map(|x| with_entities(x, &names))
        .collect();
    let dossier = crosscheck(articles, &Options::default());
    let slot = slot_of(&dossier, "1,500 kilometres");
    assert_eq!(slot.verdict, Verdict::Conflict, "{slot:#?}");
    assert!(
        slot.values.iter().any(|v| v.text == "1,150 kilometres"),
        "{slot:#?}"
    );
    let other = slot_of(&dossier, "1,000 kilometres");
    assert!(
        other
            .values
            .iter()
            .all(|v| !v.text.contains("1,500") && !v.text.contains("1,150")),
        "{other:#?}"
    );
    assert_ne!(other.verdict, Verdict::Conflict, "{other:#?}");
}

#[test]
fn counts_of_two_models_are_two_quantities() {
    let d = two_reports(
        (
            "The Skylark X200 carries 301 passengers on its longest routes.",
            exact("301 passengers", 301.0, "passengers"),
        ),
        (
            "The Skylark X300-ER carries 350 passengers on its longest routes.",
            exact("350 passengers", 350.0, "passengers"),
        ),
    );
    assert_no_conflict(&d);
}

#[test]
fn sizes_given_after_the_thing_they_measure_can_conflict() {
    let d = two_reports(
        (
            "Former inmates said the bunks were stacked three high in every cell.",
            exact("three", 3.0, "high"),
        ),
        (
            "Visitors saw bunks stacked four high along the walls of each cell.",
            exact("four", 4.0, "high"),
        ),
    );
    let slot = slot_of(&d, "three");
    assert_eq!(slot.verdict, Verdict::Conflict, "{slot:#?}");
    assert!(slot.values.iter().any(|v| v.text == "four"), "{slot:#?}");
}

#[test]
fn a_translation_repeats_small_numbers_and_what_they_add_to() {
    let mut en = plain(
        "en",
        "The Ledger",
        "Norvex Textiles said on Monday that it had sold 312 looms to Tarsk Mills. \
         The plan also includes the sale or closure of 3 plants, and will keep 2,500 others at work.",
    );
    en.language = Some("en".into());
    let mut es = plain(
        "es",
        "El Telar",
        "Norvex Textiles dijo el lunes que había vendido 312 telares a Tarsk Mills. \
         El plan incluye también la venta o cierre de 3 plantas, y mantendrá a otros 2.500 en su puesto.",
    );
    es.language = Some("es".into());
    let with_figures = |mut a: Article, words: [(&str, f64, Option<&str>); 3]| {
        for (wording, value, counts) in words {
            let start = a.text.find(&format!(" {wording} ")).map_or(0, |i| i + 1);
            a.spans.push(Span {
                range: ByteRange::new(start, start + wording.len()),
                kind: SpanKind::Figure(Figure {
                    value,
                    low: value,
                    high: Some(value),
                    unit: None,
                    qualifier: Qualifier::Exact,
                    counts: counts.map(str::to_string),
                    attributed_to: None,
                    role: FigureRole::Claim,
                }),
            });
        }
        a.spans.sort_by_key(|s| s.range.start);
        a
    };
    let en = with_figures(
        en,
        [
            ("312", 312.0, None),
            ("3", 3.0, Some("plants")),
            ("2,500", 2500.0, None),
        ],
    );
    let es = with_figures(
        es,
        [
            ("312", 312.0, None),
            ("3", 3.0, Some("plantas")),
            ("2.500", 2500.0, None),
        ],
    );
    let d = crosscheck(vec![en, es], &Options::default());
    assert_eq!(d.origins.len(), 1, "{:#?}", d.origins);
    for value in ["3", "2,500"] {
        let slot = slot_of(&d, value);
        let articles: std::collections::BTreeSet<usize> = slot
            .values
            .iter()
            .flat_map(|v| v.mentions.iter().map(|m| m.article))
            .collect();
        assert_eq!(articles.len(), 2, "{value}: {slot:#?}");
    }
}

#[test]
fn a_translated_duration_whose_words_differ_is_one_slot() {
    let story = |lang: &str, outlet: &str, text: &str| {
        let mut a = plain(lang, outlet, text);
        a.language = Some(lang.into());
        a
    };
    let en = story(
        "en",
        "The Ledger",
        "Norvex Textiles said on Monday that it had sold 312 looms to Tarsk Mills. \
         The first looms are due in spring and the last two years later, once the new hall in Orlen is built.",
    );
    let es = story(
        "es",
        "El Telar",
        "Norvex Textiles dijo el lunes que había vendido 312 telares a Tarsk Mills. \
         Los primeros telares llegarán en primavera y los últimos dos años después, cuando esté construida la nueva nave de Orlen.",
    );
    let with_figures = |mut a: Article, duration: &str, unit: &str| {
        for (wording, value, unit) in [("312", 312.0, None), (duration, 2.0, Some(unit))] {
            let start = a.text.find(wording).unwrap_or(0);
            a.spans.push(Span {
                range: ByteRange::new(start, start + wording.len()),
                kind: SpanKind::Figure(Figure {
                    value,
                    low: value,
                    high: Some(value),
                    unit: unit.map(str::to_string),
                    qualifier: Qualifier::Exact,
                    counts: None,
                    attributed_to: None,
                    role: FigureRole::Claim,
                }),
            });
        }
        a.spans.sort_by_key(|s| s.range.start);
        a
    };
    let d = crosscheck(
        vec![
            with_figures(en, "two years", "years"),
            with_figures(es, "dos años", "años"),
        ],
        &Options::default(),
    );
    assert_eq!(d.origins.len(), 1, "{:#?}", d.origins);
    let slot = slot_of(&d, "two years");
    let articles: std::collections::BTreeSet<usize> = slot
        .values
        .iter()
        .flat_map(|v| v.mentions.iter().map(|m| m.article))
        .collect();
    assert_eq!(articles.len(), 2, "{slot:#?}");
    assert_ne!(slot.verdict, Verdict::Conflict, "{slot:#?}");
}

/// One story in two versions: the paragraphs the update kept, and the
/// sentence it rewrote with a new number.
fn versions(kept: &[&str], first: (&str, &str, f64), second: (&str, &str, f64)) -> Vec<Article> {
    let version = |source: &str, outlet: &str, (sentence, wording, value): (&str, &str, f64)| {
        let mut paras: Vec<&str> = kept.to_vec();
        paras.insert(1, sentence);
        with_unit(
            article(source, outlet, &paras, &[exact(wording, value, "")], &[]),
            "percent",
        )
    };
    vec![
        version("a", "The Ledger", first),
        version("a2", "The Ledger", second),
    ]
}

#[test]
fn a_number_rewritten_in_an_updated_version_is_revised() {
    let kept = [
        "Rioters set fire to a bank in the centre of Tarsk on Wednesday as protests against the government spread to a third city.",
        "Police fired tear gas at crowds that gathered outside the parliament building late into the night.",
        "The interior minister said the officers had shown restraint and called on the organisers to end the marches.",
        "Schools and shops in the old town stayed closed, and the railway company cancelled trains into the capital.",
    ];
    let d = crosscheck(
        versions(
            &kept,
            (
                "Markets reacted to the unrest with alarm as Norland stocks plunged 5.4 percent in early trading.",
                "5.4 percent",
                5.4,
            ),
            (
                "Markets reacted with alarm as Norland stocks closed down 3.9 percent at the end of trading.",
                "3.9 percent",
                3.9,
            ),
        ),
        &Options::default(),
    );
    let slot = slot_of(&d, "5.4 percent");
    assert!(
        slot.values.iter().any(|v| v.text == "3.9 percent"),
        "{slot:#?}"
    );
    assert_eq!(slot.verdict, Verdict::Revised, "{slot:#?}");
    assert!(slot.conflicts.is_empty(), "{slot:#?}");
}

#[test]
fn una_cifra_reescrita_en_una_version_posterior_es_una_revision() {
    let kept = [
        "Manifestantes incendiaron un banco en el centro de Tarsk el miércoles mientras las protestas contra el gobierno llegaban a una tercera ciudad.",
        "La policía lanzó gases lacrimógenos contra la multitud reunida frente al parlamento hasta bien entrada la noche.",
        "El ministro del Interior dijo que los agentes actuaron con moderación y pidió a los organizadores que pusieran fin a las marchas.",
        "Las escuelas y las tiendas del casco antiguo permanecieron cerradas y la compañía ferroviaria canceló los trenes hacia la capital.",
    ];
    let d = crosscheck(
        versions(
            &kept,
            (
                "Los mercados reaccionaron con alarma y la bolsa de Norland se desplomó un 5,4 por ciento en la apertura.",
                "5,4 por ciento",
                5.4,
            ),
            (
                "Los mercados reaccionaron con alarma y la bolsa de Norland cerró con una caída del 3,9 por ciento.",
                "3,9 por ciento",
                3.9,
            ),
        ),
        &Options::default(),
    );
    let slot = slot_of(&d, "5,4 por ciento");
    assert!(
        slot.values.iter().any(|v| v.text == "3,9 por ciento"),
        "{slot:#?}"
    );
    assert_eq!(slot.verdict, Verdict::Revised, "{slot:#?}");
}

#[test]
fn two_stories_sentences_alike_are_not_versions() {
    // The same sentence pattern in two independent reports is no rewrite:
    // the numbers are not joined as one count revised.
    let a = with_unit(
        article(
            "a",
            "The Ledger",
            &["Markets reacted to the unrest with alarm as Norland stocks plunged 5.4 percent in early trading."],
            &[exact("5.4 percent", 5.4, "")],
            &[],
        ),
        "percent",
    );
    let b = with_unit(
        article(
            "b",
            "Morning Wire",
            &["Markets reacted with alarm as Norland stocks closed down 3.9 percent at the end of trading."],
            &[exact("3.9 percent", 3.9, "")],
            &[],
        ),
        "percent",
    );
    let d = crosscheck(vec![a, b], &Options::default());
    let slot = slot_of(&d, "5.4 percent");
    assert!(
        !slot.values.iter().any(|v| v.text == "3.9 percent"),
        "{slot:#?}"
    );
    assert_ne!(slot.verdict, Verdict::Revised, "{slot:#?}");
}

#[test]
fn a_revised_count_is_shown_in_the_order_of_the_moments_its_reports_name() {
    // No publish dates: each value's time is what its clause says.
    let d = two_reports(
        (
            "At present 17 workers are reported killed in the fire at the Korvald plant.",
            exact("17 workers", 17.0, "workers killed in the fire"),
        ),
        (
            "Initially 14 workers were reported killed in the fire at the Korvald plant.",
            exact("14 workers", 14.0, "workers killed in the fire"),
        ),
    );
    let slot = slot_of(&d, "17 workers");
    assert_eq!(slot.verdict, Verdict::Revised, "{slot:#?}");
    assert_eq!(
        trajectory(slot),
        [(14.0, Some("initially")), (17.0, Some("at present"))],
        "{slot:#?}"
    );
}

#[test]
fn una_cifra_revisada_sigue_el_orden_de_los_momentos_que_nombra() {
    let d = two_reports(
        (
            "Hasta ahora han muerto 17 trabajadores en el incendio de la planta de Korvald.",
            exact(
                "17 trabajadores",
                17.0,
                "trabajadores muertos en el incendio",
            ),
        ),
        (
            "Inicialmente murieron 14 trabajadores en el incendio de la planta de Korvald.",
            exact(
                "14 trabajadores",
                14.0,
                "trabajadores muertos en el incendio",
            ),
        ),
    );
    let slot = slot_of(&d, "17 trabajadores");
    assert_eq!(slot.verdict, Verdict::Revised, "{slot:#?}");
    assert_eq!(
        trajectory(slot),
        [(14.0, Some("inicialmente")), (17.0, Some("hasta ahora"))],
        "{slot:#?}"
    );
}

#[test]
fn a_conflicting_slot_holds_only_the_values_set_against_each_other() {
    let a = article(
        "a",
        "The Ledger",
        &["Eleven dockworkers were charged with smuggling on Monday."],
        &[exact("Eleven dockworkers", 11.0, "dockworkers charged")],
        &[],
    );
    let b = article(
        "b",
        "Morning Wire",
        &["Police said twelve dockworkers were charged with smuggling cigarettes through the harbour."],
        &[exact("twelve dockworkers", 12.0, "dockworkers charged")],
        &[],
    );
    let c = article(
        "c",
        "Northline",
        &["Prosecutors charged several dockworkers with smuggling after the raid."],
        &[F {
            wording: "several dockworkers",
            value: 0.0,
            q: Qualifier::Vague,
            low: 3.0,
            high: Some(9.0),
            counts: "dockworkers charged",
        }],
        &[],
    );
    let d = crosscheck(vec![a, b, c], &Options::default());
    let slot = slot_of(&d, "Eleven dockworkers");
    assert_eq!(slot.verdict, Verdict::Conflict, "{:#?}", d.figures);
    assert!(
        slot.values.iter().all(|v| v.text != "several dockworkers"),
        "{slot:#?}"
    );
}

/// One article whose first block is a headline.
fn headlined(source: &str, outlet: &str, title: &str, paras: &[&str], figs: &[F]) -> Article {
    let mut b = ArticleBuilder::new(source);
    b.outlet = Some(outlet.to_string());
    b.push_block(BlockKind::Title, title);
    for p in paras {
        b.push_block(BlockKind::Paragraph, p);
    }
    with_figures(b.finish(), figs)
}

#[test]
fn an_early_reports_lower_counts_are_earlier_states_not_contradictions() {
    // The coverage says the toll rose; the article that gave the lower
    // toll is an early report, and its other running count (villages
    // razed) is its earlier state too.
    let early = article(
        "a",
        "The Ledger",
        &["The mayor told the council that four farms were razed and three people killed in the Korvald flood."],
        &[
            exact("four farms", 4.0, "farms razed"),
            exact("three people", 3.0, "people killed"),
        ],
        &[],
    );
    let later = article(
        "b",
        "Morning Wire",
        &[
            "The death toll from the Korvald flood rose to 10 people on Monday, officials said.",
            "The Korvald flood destroyed seven farms, the mayor said.",
        ],
        &[
            exact("10 people", 10.0, "people"),
            exact("seven farms", 7.0, "farms"),
        ],
        &[],
    );
    let third = article(
        "c",
        "Northline",
        &[
            "Ten people were killed when the Korvald flood hit, officials said.",
            "Seven farms were destroyed by the Korvald flood.",
        ],
        &[
            exact("Ten people", 10.0, "people"),
            exact("Seven farms", 7.0, "farms"),
        ],
        &[],
    );
    let d = crosscheck(vec![early, later, third], &Options::default());
    let toll = slot_of(&d, "three people");
    assert!(toll.values.iter().any(|v| v.value == 10.0), "{toll:#?}");
    assert_eq!(toll.verdict, Verdict::Revised, "{toll:#?}");
    let villages = slot_of(&d, "four farms");
    assert!(
        villages.values.iter().any(|v| v.value == 7.0),
        "{villages:#?}"
    );
    assert_eq!(villages.verdict, Verdict::Revised, "{villages:#?}");
    assert_no_conflict(&d);
}

#[test]
fn without_a_reported_rise_a_lower_count_still_conflicts() {
    // The same reports, but nobody says the toll rose: 3 against 10 is a
    // contradiction a reader must see.
    let d = two_articles((&["Three people were killed in the Korvald quake on Monday, officials said."], &[exact("Three people", 3.0, "people killed")]), (&["Rescue workers in the hills counted ten people dead after the Korvald quake, the regional governor told reporters."], &[exact("ten people", 10.0, "people dead")]));
    let toll = slot_of(&d, "ten people");
    assert!(toll.values.iter().any(|v| v.value == 3.0), "{toll:#?}");
    assert_eq!(toll.verdict, Verdict::Conflict, "{toll:#?}");
}

#[test]
fn damaged_and_destroyed_are_different_counts() {
    let d = two_reports(
        (
            "Barns on five farms were damaged by the Korvald flood, officials said.",
            exact("five farms", 5.0, "farms"),
        ),
        (
            "The Korvald flood destroyed seven farms, officials said.",
            exact("seven farms", 7.0, "farms"),
        ),
    );
    assert_no_conflict(&d);
}

#[test]
fn a_headline_number_takes_what_happened_from_the_body() {
    // "9 Farms Damaged" above "nine farms were destroyed": the
    // headline counts the destroyed farms, and so does not contradict
    // another report's five damaged ones.
    let a = headlined(
        "a",
        "The Ledger",
        "Flood kills 4; 9 Farms Damaged",
        &["The Korvald flood came on Sunday, and nine farms were destroyed."],
        &[
            exact("9 Farms", 9.0, "farms"),
            exact("nine farms", 9.0, "farms"),
        ],
    );
    let b = article(
        "b",
        "Morning Wire",
        &["Barns on five farms were damaged by the Korvald flood, officials said."],
        &[exact("five farms", 5.0, "farms")],
        &[],
    );
    let d = crosscheck(vec![a, b], &Options::default());
    assert_no_conflict(&d);
    let seven = slot_of(&d, "9 Farms");
    let mentions: usize = seven.values.iter().map(|v| v.mentions.len()).sum();
    assert_eq!(mentions, 2, "{seven:#?}");
}

#[test]
fn a_count_listed_beside_another_happening_is_no_part_of_it() {
    // "four farms were razed and three people killed" lists two
    // happenings: the three are all the dead that report gives, and so
    // contradict another report's ten.
    let d = two_articles((&["The mayor told the council that four farms were razed and three people killed in the Korvald flood."], &[
            exact("four farms", 4.0, "farms"),
            exact("three people", 3.0, "people"),
        ]), (&["Ten people were killed in the Korvald flood, which reached the valley on Sunday afternoon."], &[exact("Ten people", 10.0, "people")]));
    let slot = slot_of(&d, "three people");
    assert!(slot.values.iter().any(|v| v.value == 10.0), "{slot:#?}");
    assert_eq!(slot.verdict, Verdict::Conflict, "{slot:#?}");
}

#[test]
fn a_gerund_names_the_happening() {
    // "killing 11 people" counts the dead, as "11 people were killed" does,
    // and not the injured of the same quake.
    let d = two_articles(
        (
            &["The storm hit the coast on Sunday, killing 11 people and injuring 60 others."],
            &[
                exact("11 people", 11.0, "people"),
                exact("60 others", 60.0, "others"),
            ],
        ),
        (
            &["Officials said 12 people were killed when the storm hit the coast on Sunday."],
            &[exact("12 people", 12.0, "people")],
        ),
    );
    let toll = slot_of(&d, "12 people");
    assert!(toll.values.iter().any(|v| v.value == 11.0), "{toll:#?}");
    assert!(toll.values.iter().all(|v| v.value != 60.0), "{toll:#?}");
}

#[test]
fn an_apposition_does_not_hide_the_verb() {
    // "at least four people, two guards and two clerks, died": the dead,
    // not the injured another sentence of the report counts.
    let d = two_articles(
        (
            &[
                "Police said at least four people, two guards and two clerks, died in the fire.",
                "Police said 12 people were injured in the riots.",
            ],
            &[
                F {
                    wording: "at least four people",
                    value: 4.0,
                    q: Qualifier::AtLeast,
                    low: 4.0,
                    high: None,
                    counts: "people",
                },
                exact("12 people", 12.0, "people"),
            ],
        ),
        (
            &["Four people died in the fire at the depot, police said."],
            &[exact("Four people", 4.0, "people")],
        ),
    );
    let dead = slot_of(&d, "Four people");
    assert!(
        dead.values.iter().any(|v| v.text == "at least four people"),
        "{dead:#?}"
    );
    assert!(dead.values.iter().all(|v| v.value != 12.0), "{dead:#?}");
}

#[test]
fn a_lone_small_vague_count_is_no_line_of_the_dossier() {
    let d = two_articles(
        (
            &["Several officers were reassigned after the Korvald inquiry, the chief said."],
            &[vague("Several officers", 3.0, 9.0, "officers reassigned")],
        ),
        (
            &["Rescuers pulled 14 miners from the Korvald shaft on Tuesday night."],
            &[exact("14 miners", 14.0, "miners pulled")],
        ),
    );
    assert!(
        d.figures
            .iter()
            .all(|s| s.values.iter().all(|v| v.text != "Several officers")),
        "{:#?}",
        d.figures
    );
    // A precise count said once stays, as a single-source line.
    assert_eq!(slot_of(&d, "14 miners").verdict, Verdict::SingleSource);
}

/// Marks every figure of `a` an age, and every occurrence of `name` a
/// person.
fn aged(mut a: Article, name: &str) -> Article {
    for s in &mut a.spans {
        if let SpanKind::Figure(f) = &mut s.kind {
            f.role = FigureRole::Age;
            f.unit = Some("years".into());
        }
    }
    with_kind(a, crosswire_model::EntityKind::Person, &[(name, name)])
}

#[test]
fn an_age_before_a_name_meets_the_age_after_it() {
    // "the 54-year-old Marlo Bexley" and "Marlo Bexley, 54": the name's
    // own capitalised words are no mark of another person.
    let a = aged(
        article(
            "a",
            "The Ledger",
            &["Guards moved the 54 - year - old Marlo Bexley north on Monday."],
            &[exact("54", 54.0, "")],
            &[],
        ),
        "Marlo Bexley",
    );
    let b = aged(
        article(
            "b",
            "Morning Wire",
            &["Marlo Bexley, 54, must serve at least 45 years before parole."],
            &[exact("54,", 54.0, "")],
            &[],
        ),
        "Marlo Bexley",
    );
    let d = crosscheck(vec![a, b], &Options::default());
    let slot = slot_of(&d, "54");
    let mentions: usize = slot.values.iter().map(|v| v.mentions.len()).sum();
    assert_eq!(mentions, 2, "{:#?}", d.figures);
}

/// Marks every occurrence of each name a place.
fn placed(a: Article, places: &[&str]) -> Article {
    let names: Vec<(&str, &str)> = places.iter().map(|p| (*p, *p)).collect();
    with_kind(a, crosswire_model::EntityKind::Gpe, &names)
}

#[test]
fn a_relative_clause_counts_what_its_antecedent_names() {
    // "..., which the general said killed nine" is the toll of the raid on Kesh,
    // not of the bombing the commissioner of Tallin speaks of.
    let check = |place: &str, happening: &str| {
        let a = placed(
            article(
                "a",
                "The Ledger",
                &["The president would not retaliate for the raid on Kesh on Tuesday, which the general said killed nine."],
                &[exact("nine", 9.0, "")],
                &[],
            ),
            &["Kesh"],
        );
        let text = format!(
            "Mr Arden, the commissioner of {place}, said that 12 people had been killed in the {happening}."
        );
        let b = placed(
            article(
                "b",
                "Morning Wire",
                &[text.as_str()],
                &[exact("12 people", 12.0, "people")],
                &[],
            ),
            &[place],
        );
        crosscheck(vec![a, b], &Options::default())
    };
    let d = check("Tallin", "bombing");
    assert_no_conflict(&d);
    // The same place: the two meet as one toll, and disagree.
    let d = check("Kesh", "raid");
    assert_eq!(
        slot_of(&d, "nine").verdict,
        Verdict::Conflict,
        "{:#?}",
        d.figures
    );
}

#[test]
fn dozens_against_a_number_pull_apart_without_contradicting() {
    let d = two_reports(
        (
            "Clashes near the Kesh border post on Thursday left seven soldiers dead, the army said.",
            exact("seven soldiers", 7.0, "soldiers dead"),
        ),
        (
            "The army said dozens of soldiers died in Thursday's clashes near the Kesh border post.",
            vague("dozens of soldiers", 24.0, 99.0, "soldiers died"),
        ),
    );
    assert_no_conflict(&d);
}

#[test]
fn no_one_killed_against_a_toll_is_a_conflict_whatever_the_update_words() {
    let d = two_articles((&["The mine's owner said earlier that 12 workers were killed in Tuesday's collapse at the pit."], &[exact("12 workers", 12.0, "workers killed")]), (&["Rescuers at the pit said no one was killed when the tunnel collapsed on Tuesday."], &[none("no one", "people")]));
    let toll = slot_of(&d, "12 workers");
    assert!(toll.values.iter().any(|v| v.value == 0.0), "{toll:#?}");
    assert_eq!(toll.verdict, Verdict::Conflict, "{toll:#?}");
}

/// A count of none, as the analyzer gives "no one" or "no casualties".
fn none<'a>(wording: &'a str, counts: &'a str) -> F<'a> {
    F {
        wording,
        value: 0.0,
        q: Qualifier::Exact,
        low: 0.0,
        high: Some(0.0),
        counts,
    }
}

#[test]
fn no_casualties_is_no_one_killed() {
    let d = crosscheck(
        vec![
            // An article that takes back a toll it reported: the zero and
            // the toll are two states of one count.
            article(
                "a",
                "The Ledger",
                &[
                    "The mine's owner initially reported that 12 workers were killed in the collapse at the pit.",
                    "Officials later said there were no casualties at the pit.",
                ],
                &[
                    exact("12 workers", 12.0, "workers killed"),
                    none("no casualties", "casualties"),
                ],
                &[],
            ),
            article(
                "b",
                "Morning Wire",
                &["Rescuers at the pit said no one was killed when the tunnel collapsed on Tuesday."],
                &[none("no one", "people")],
                &[],
            ),
            // A zero beside a count in its sentence is no part of it.
            article(
                "c",
                "Valley Today",
                &["Three carts fell into the shaft at the pit, but they caused no casualties, officials said."],
                &[
                    exact("Three carts", 3.0, "carts fell"),
                    none("no casualties", "casualties"),
                ],
                &[],
            ),
            article(
                "d",
                "Northline",
                &["The mine's owner said 12 workers were killed when the tunnel at the pit collapsed."],
                &[exact("12 workers", 12.0, "workers killed")],
                &[],
            ),
        ],
        &Options::default(),
    );
    let toll = slot_of(&d, "12 workers");
    let zeros: usize = toll
        .values
        .iter()
        .filter(|v| v.value == 0.0)
        .map(|v| v.mentions.len())
        .sum();
    assert_eq!(zeros, 3, "{:#?}", d.figures);
    assert_eq!(toll.verdict, Verdict::Conflict, "{toll:#?}");
}

#[test]
fn a_day_after_a_count_is_when_not_a_rate() {
    let d = two_articles(
        (
            &["The walkout comes a day after three miners died in a fire at the Korvald pit."],
            &[exact("three miners", 3.0, "miners died")],
        ),
        (
            &["Three miners died when the Korvald pit caught fire on Wednesday."],
            &[exact("Three miners", 3.0, "miners died")],
        ),
    );
    let slot = slot_of(&d, "three miners");
    let mentions: usize = slot.values.iter().map(|v| v.mentions.len()).sum();
    assert_eq!(mentions, 2, "{:#?}", d.figures);
}

#[test]
fn the_worst_hit_and_the_hardest_hit_are_one_subset() {
    // Whatever else their sentences say happened (a death toll, buildings
    // destroyed), the worst-hit towns are counted as such.
    let d = two_articles((&["Two more bodies were recovered in Kesh, among the nine worst-hit towns of the Korvald storm, raising the death toll."], &[exact("nine worst-hit towns", 9.0, "worst-hit towns")]), (&["Relief teams reached the four hardest-hit towns of the Korvald storm on Monday."], &[exact("four hardest-hit towns", 4.0, "hardest-hit towns")]));
    let slot = slot_of(&d, "four hardest-hit towns");
    assert!(
        slot.values.iter().any(|v| v.value == 9.0),
        "{:#?}",
        d.figures
    );
    assert_eq!(slot.verdict, Verdict::Conflict, "{slot:#?}");
}

#[test]
fn a_translation_pairs_one_number_of_two_things_by_what_is_counted() {
    // "two" counts two things in each version: the counted nouns, in two
    // languages, say which translation is which.
    let mut en = plain(
        "en",
        "The Ledger",
        "Norvex Textiles said on Monday that it had sold 312 looms to Tarsk Mills. \
         The deal, signed in Orlen, also covers 45 dye vats and 17 presses. \
         Each loom comes in two colours, and Tarsk Mills will fit two cameras to every one.",
    );
    en.language = Some("en".into());
    let mut es = plain(
        "es",
        "El Telar",
        "Norvex Textiles dijo el lunes que había vendido 312 telares a Tarsk Mills. \
         El acuerdo, firmado en Orlen, incluye también 45 cubas de tinte y 17 prensas. \
         Cada telar viene en dos colores, y Tarsk Mills montará dos cámaras en cada uno.",
    );
    es.language = Some("es".into());
    let with_figures = |mut a: Article, words: [(&str, f64, &str); 3]| {
        for (wording, value, counts) in words {
            let start = a.text.find(wording).unwrap_or(0);
            a.spans.push(Span {
                range: ByteRange::new(start, start + wording.len()),
                kind: SpanKind::Figure(Figure {
                    value,
                    low: value,
                    high: Some(value),
                    unit: None,
                    qualifier: Qualifier::Exact,
                    counts: Some(counts.to_string()),
                    attributed_to: None,
                    role: FigureRole::Claim,
                }),
            });
        }
        a.spans.sort_by_key(|s| s.range.start);
        a
    };
    let en = with_figures(
        en,
        [
            ("312", 312.0, "looms"),
            ("two colours", 2.0, "colours"),
            ("two cameras", 2.0, "cameras"),
        ],
    );
    let es = with_figures(
        es,
        [
            ("312", 312.0, "telares"),
            ("dos colores", 2.0, "colores"),
            ("dos cámaras", 2.0, "cámaras"),
        ],
    );
    let at = |a: &Article, wording: &str| {
        let start = a.text.find(wording).unwrap_or(0);
        ByteRange::new(start, start + wording.len())
    };
    let spans = [
        (at(&en, "two colours"), at(&es, "dos colores")),
        (at(&en, "two cameras"), at(&es, "dos cámaras")),
    ];
    let d = crosscheck(vec![en, es], &Options::default());
    assert_eq!(d.origins.len(), 1, "{:#?}", d.origins);
    let slot_holding = |article: usize, span: ByteRange| {
        d.figures.iter().position(|s| {
            s.values.iter().any(|v| {
                v.mentions
                    .iter()
                    .any(|m| m.article == article && m.span == span)
            })
        })
    };
    for (english, spanish) in spans {
        let slot = slot_holding(0, english);
        assert!(slot.is_some(), "{:#?}", d.figures);
        assert_eq!(slot, slot_holding(1, spanish), "{:#?}", d.figures);
    }
    assert_ne!(slot_holding(0, spans[0].0), slot_holding(0, spans[1].0));
}

#[test]
fn attorneys_and_lawyers_are_one_thing_counted() {
    let d = two_articles(
        (
            &["The defendant dismissed nine attorneys before the hearing in Brenmoor."],
            &[exact("nine attorneys", 9.0, "attorneys")],
        ),
        (
            &["Before the hearing in Brenmoor he dismissed nine lawyers, the court said."],
            &[exact("nine lawyers", 9.0, "lawyers")],
        ),
    );
    let slot = slot_of(&d, "nine attorneys");
    assert_eq!(slot.values[0].mentions.len(), 2, "{slot:#?}");
    assert_eq!(slot.origin_count, 2, "{slot:#?}");
    assert_eq!(slot.verdict, Verdict::Agree, "{slot:#?}");
}

#[test]
fn a_measurement_of_a_named_model_never_conflicts_with_one_of_no_model() {
    let run = |first: &str| {
        let a = with_unit(
            article(
                "a",
                "The Ledger",
                &[first],
                &[exact("7,000 miles", 7000.0, "jet")],
                &[],
            ),
            "miles",
        );
        let b = with_unit(
            article(
                "b",
                "Morning Wire",
                &["Pilots who tested it at Varnholt in March said the Skylark jet flies 9,000 miles on one tank of fuel."],
                &[exact("9,000 miles", 9000.0, "jet")],
                &[],
            ),
            "miles",
        );
        crosscheck(vec![a, b], &Options::default())
    };
    // The control: the same two ranges of one airliner are set against
    // each other.
    joined_only_in_control(
        &run("The Skylark jet flies 7,000 miles on one tank of fuel."),
        &run("The Skylark X200 jet flies 7,000 miles on one tank of fuel."),
        "7,000 miles",
        "9,000 miles",
    );
}

#[test]
fn capacities_given_as_ranges_never_conflict() {
    // Two outlets give the jet's seats: `q` is how both word them.
    let two = |q: Qualifier, first: (&str, f64, f64), second: (&str, f64, f64)| {
        let capacity =
            |id: &str, outlet: &str, text: String, (wording, low, high): (&str, f64, f64)| {
                article(
                    id,
                    outlet,
                    &[text.as_str()],
                    &[F {
                        wording,
                        value: low,
                        q,
                        low,
                        high: Some(high),
                        counts: "passengers",
                    }],
                    &[],
                )
            };
        let a = capacity(
            "a",
            "The Ledger",
            format!("The Skylark jet has room for {} passengers.", first.0),
            first,
        );
        let b = capacity(
            "b",
            "Morning Wire",
            format!(
                "Pilots who tested it at Varnholt in March said the Skylark jet has room for {} passengers.",
                second.0
            ),
            second,
        );
        crosscheck(vec![a, b], &Options::default())
    };
    // The control: two exact capacities of one airliner are set against
    // each other.
    let d = two(
        Qualifier::Exact,
        ("200", 200.0, 200.0),
        ("310", 310.0, 310.0),
    );
    assert!(in_one_slot(&d, "200", "310"), "{:#?}", d.figures);
    let d = two(
        Qualifier::Range,
        ("200 to 300", 200.0, 300.0),
        ("310 to 550", 310.0, 550.0),
    );
    assert!(
        !in_one_slot(&d, "200 to 300", "310 to 550"),
        "{:#?}",
        d.figures
    );
}

#[test]
fn a_speakers_words_do_not_make_two_things_one() {
    let run = |other: &str| {
        let a = article(
            "a",
            "The Ledger",
            &["\"The camp is home to 2,200 refugees,\" the aid worker Mira Holt said."],
            &[exact("2,200 refugees", 2200.0, "refugees")],
            &[("Mira Holt", "The camp is home to 2,200 refugees,")],
        );
        let text = format!("The hills around the camp are home to about 2,000 {other}.");
        let b = article(
            "b",
            "Morning Wire",
            &[text.as_str()],
            &[F {
                wording: "about 2,000",
                value: 2000.0,
                q: Qualifier::About,
                low: 1800.0,
                high: Some(2200.0),
                counts: other,
            }],
            &[],
        );
        crosscheck(vec![a, b], &Options::default())
    };
    // The control: a word the tables do not know may be the speaker's
    // own for the same people.
    joined_only_in_control(
        &run("settlers"),
        &run("fighters"),
        "2,200 refugees",
        "about 2,000",
    );
}

#[test]
fn a_kind_of_measure_one_translation_names_and_the_other_does_not_is_one_slot() {
    // "capacidad" names a capacity; the English words it as "able to
    // carry", which names no kind: one number of one story all the same.
    let mut en = plain(
        "en",
        "The Ledger",
        "Norvex Aero showed its new Tarsk airliner in Orlen on Monday. \
         The jet is able to carry 412 passengers and flies 95 routes.",
    );
    en.language = Some("en".into());
    let mut es = plain(
        "es",
        "El Telar",
        "Norvex Aero mostró su nuevo avión Tarsk en Orlen el lunes. \
         El avión tiene capacidad para 412 pasajeros y vuela 95 rutas.",
    );
    es.language = Some("es".into());
    let figures = |a: Article, counted: &str| {
        with_figures(
            a,
            &[exact("412", 412.0, counted), exact("95", 95.0, "routes")],
        )
    };
    let d = crosscheck(
        vec![figures(en, "passengers"), figures(es, "pasajeros")],
        &Options::default(),
    );
    assert_eq!(d.origins.len(), 1, "{:#?}", d.origins);
    let slot = slot_of(&d, "412");
    let articles: std::collections::BTreeSet<usize> = slot
        .values
        .iter()
        .flat_map(|v| v.mentions.iter().map(|m| m.article))
        .collect();
    assert_eq!(articles.len(), 2, "{slot:#?}");
}

#[test]
fn two_ranges_one_report_gives_are_two_quantities() {
    let range = |wording: &'static str, low: f64, high: f64| F {
        wording,
        value: low,
        q: Qualifier::Range,
        low,
        high: Some(high),
        counts: "passengers",
    };
    let text = "The larger Tarsk jet carries between 315 and 560 passengers. \
                The smaller Tarsk jet carries between 210 and 340 passengers.";
    let a = article(
        "a",
        "The Ledger",
        &[text],
        &[
            range("between 315 and 560", 315.0, 560.0),
            range("between 210 and 340", 210.0, 340.0),
        ],
        &[],
    );
    let b = article(
        "b",
        "Morning Wire",
        &[text],
        &[
            range("between 315 and 560", 315.0, 560.0),
            range("between 210 and 340", 210.0, 340.0),
        ],
        &[],
    );
    let d = crosscheck(vec![a, b], &Options::default());
    let big = slot_of(&d, "between 315 and 560");
    assert!(
        big.values.iter().all(|v| v.text == "between 315 and 560"),
        "{big:#?}"
    );
}

/// Two players' counts of games share a noun, not a quantity: they never
/// conflict, though one player's two counts do.
#[test]
fn counts_beside_two_peoples_names_do_not_conflict() {
    let same = players_games("Ann Lee", "Ann Lee");
    assert_eq!(
        slot_of(&same, "four games").verdict,
        Verdict::Conflict,
        "{:#?}",
        same.figures
    );
    let other = players_games("Ann Lee", "Bo Ruiz");
    assert_ne!(
        slot_of(&other, "four games").verdict,
        Verdict::Conflict,
        "{:#?}",
        other.figures
    );
    joined_only_in_control(&same, &other, "eleven games", "four games");
}

/// "He missed eleven games": a pronoun stands for someone the sentence does
/// not name, so the count is no more comparable than another name's.
#[test]
fn a_count_beside_a_pronoun_is_someones_and_does_not_conflict() {
    let unnamed = players_games("The forward", "The forward");
    let pronoun = players_games("He", "The forward");
    joined_only_in_control(&unnamed, &pronoun, "eleven games", "four games");
}

/// Two reports of games missed, by `first` and by `other`: a name ("Ann
/// Lee", "Bo Ruiz", tagged as people), a pronoun or a role.
fn players_games(first: &str, other: &str) -> crosswire_model::dossier::Dossier {
    use crosswire_model::EntityKind::Person;
    let first = with_kind(
        article(
            "a",
            "The Ledger",
            &[&format!(
                "{first} missed eleven games this season with a sprained knee."
            )],
            &[exact("eleven games", 11.0, "games")],
            &[],
        ),
        Person,
        &[("Ann Lee", "Ann Lee")],
    );
    let second = with_kind(
        article(
            "b",
            "Morning Wire",
            &[&format!(
                "{other} has missed four games this season with a knee sprain, the club said."
            )],
            &[exact("four games", 4.0, "games")],
            &[],
        ),
        Person,
        &[("Ann Lee", "Ann Lee"), ("Bo Ruiz", "Bo Ruiz")],
    );
    crosscheck(vec![first, second], &Options::default())
}

/// Sets an article's publish day.
fn published_on(mut a: Article, day: &str) -> Article {
    a.published = Some(crosswire_model::Published {
        value: day.to_string(),
        precision: crosswire_model::Precision::Day,
        origin: crosswire_model::DateOrigin::Text,
    });
    a
}

/// Two tolls of a fire, the first report published on 2 March 2021, the
/// second on `later`.
fn plant_reports(later: &str) -> crosswire_model::dossier::Dossier {
    let a = article(
        "a",
        "The Ledger",
        &["Fourteen welders were killed when fire tore through the Brannock plant."],
        &[exact("Fourteen welders", 14.0, "welders killed")],
        &[],
    );
    let b = article(
        "b",
        "Morning Wire",
        &["The fire at the Brannock plant killed 17 welders, officials said."],
        &[exact("17 welders", 17.0, "welders")],
        &[],
    );
    crosscheck(
        vec![published_on(a, "2021-03-02"), published_on(b, later)],
        &Options::default(),
    )
}

#[test]
fn reports_published_far_apart_tell_of_other_moments() {
    let control = plant_reports("2021-03-02");
    assert_eq!(
        slot_of(&control, "17 welders").verdict,
        Verdict::Conflict,
        "{:#?}",
        control.figures
    );
    let variant = plant_reports("2023-09-20");
    joined_only_in_control(&control, &variant, "17 welders", "Fourteen welders");
}

#[test]
fn an_undated_copy_is_dated_by_its_origin() {
    let text = "Fourteen welders were killed when fire tore through the Brannock plant, \
                a spokesman for the carmaker told reporters outside the gates.";
    // The dated original's figure is not annotated: only its copy's toll
    // meets the later report, and only the original says when it ran.
    let a = published_on(article("a", "The Ledger", &[text], &[], &[]), "2021-03-02");
    let copy = article(
        "c",
        "Daily Post",
        &[text],
        &[exact("Fourteen welders", 14.0, "welders killed")],
        &[],
    );
    let b = published_on(
        article(
            "b",
            "Morning Wire",
            &["The fire at the Brannock plant killed 17 welders, officials said."],
            &[exact("17 welders", 17.0, "welders")],
            &[],
        ),
        "2023-09-20",
    );
    let d = crosscheck(vec![a, copy, b], &Options::default());
    assert_eq!(d.origins.len(), 2, "{:#?}", d.origins);
    assert!(
        !in_one_slot(&d, "17 welders", "Fourteen welders"),
        "{:#?}",
        d.figures
    );
}

#[test]
fn a_number_inside_leftover_markup_is_no_claim() {
    let d = two_articles(
        (
            &[r#"<span id = "31" > </span> The mayor missed three council sessions this spring."#],
            &[
                exact("31", 31.0, "sessions"),
                exact("three council sessions", 3.0, "council sessions"),
            ],
        ),
        (
            &["Council records show the mayor skipped five sessions since March."],
            &[exact("five sessions", 5.0, "sessions")],
        ),
    );
    assert!(
        d.figures
            .iter()
            .all(|s| s.values.iter().all(|v| v.text != "31")),
        "{:#?}",
        d.figures
    );
}

#[test]
fn a_currency_written_out_says_nothing_of_what_a_sum_buys() {
    let report = |source: &str, outlet: &str, text: &str, wording: &str, value: f64| {
        let a = article(source, outlet, &[text], &[exact(wording, value, "")], &[]);
        with_unit(a, "USD")
    };
    let d = crosscheck(
        vec![
            report(
                "a",
                "The Ledger",
                "La tableta costará 14,99 dólares en las tiendas de la cadena.",
                "14,99 dólares",
                14.99,
            ),
            report(
                "b",
                "Morning Wire",
                "Cada álbum tendrá un precio de 7,49 dólares en el servicio.",
                "7,49 dólares",
                7.49,
            ),
        ],
        &Options::default(),
    );
    assert_no_conflict(&d);
}

/// A toll given for a town that few reports name is a part of the toll
/// the others give for the whole region, not a rival to it.
#[test]
fn a_count_for_a_place_few_reports_name_does_not_conflict_with_the_whole() {
    use crosswire_model::EntityKind::Gpe;
    let run =
        |town: &str| {
            let places = [("Norland", "Norland"), ("Dunmore", "Dunmore")];
            let report = |id: &str, outlet: &str, paras: &[&str], figs: &[F]| {
                with_kind(article(id, outlet, paras, figs, &[]), Gpe, &places)
            };
            let second = format!("In {town} the storm killed 15 people on Sunday, the mayor said.");
            let articles =
                vec![
            report(
                "a",
                "The Ledger",
                &[
                    "Heavy rain fell across Norland for a third day.",
                    "The storm killed 12 people on Sunday, officials said.",
                ],
                &[exact("12 people", 12.0, "people killed")],
            ),
            report(
                "b",
                "Morning Wire",
                &[second.as_str(), "Rescuers searched flooded farms all night."],
                &[exact("15 people", 15.0, "people killed")],
            ),
            report(
                "c",
                "Evening Post",
                &["Dunmore and its valley were hit hardest as rivers across Norland rose."],
                &[],
            ),
            report(
                "d",
                "Daily Courier",
                &["Schools in Norland stayed shut while crews cleared fallen trees."],
                &[],
            ),
            report(
                "e",
                "Coast Herald",
                &["Power returned to most homes in Norland by Monday evening."],
                &[],
            ),
        ];
            crosscheck(articles, &Options::default())
        };
    let whole = run("Norland");
    assert_eq!(
        slot_of(&whole, "15 people").verdict,
        Verdict::Conflict,
        "{:#?}",
        whole.figures
    );
    let town = run("Dunmore");
    joined_only_in_control(&whole, &town, "12 people", "15 people");
}

#[test]
fn a_count_inside_a_denied_predicate_contradicts_nothing() {
    let sent = || {
        (
            "Officials said the league sent twelve referees for the cup final.",
            exact("twelve referees", 12.0, "referees"),
        )
    };
    // Control: a plain count of the same happening conflicts.
    let d = two_reports(
        sent(),
        (
            "For its part, the federation sent five referees, a spokesman confirmed.",
            exact("five referees", 5.0, "referees"),
        ),
    );
    assert_eq!(slot_of(&d, "five referees").verdict, Verdict::Conflict);
    let d = two_reports(
        sent(),
        (
            "For its part, the federation has not sent five referees, a spokesman confirmed.",
            exact("five referees", 5.0, "referees"),
        ),
    );
    assert_no_conflict(&d);
    // A negation of the limit still states the count: "not less than".
    let d = two_reports(
        sent(),
        (
            "For its part, the federation sent not less than 20 referees, a spokesman confirmed.",
            F {
                wording: "less than 20 referees",
                value: 20.0,
                q: Qualifier::AtLeast,
                low: 20.0,
                high: None,
                counts: "referees",
            },
        ),
    );
    assert_eq!(slot_of(&d, "twelve referees").verdict, Verdict::Conflict);
}

/// Adds an absolute year over `wording`, as the analyzer dates "in 2009".
fn with_year(mut a: Article, wording: &str) -> Article {
    let start = a
        .text
        .find(wording)
        .unwrap_or_else(|| panic!("fixture wording {wording:?} not in text"));
    a.spans.push(Span {
        range: ByteRange::new(start, start + wording.len()),
        kind: SpanKind::Date(crosswire_model::DateValue {
            resolved: Some(wording.to_string()),
            precision: crosswire_model::Precision::Year,
            relative: false,
            refers_to: None,
        }),
    });
    a.spans.sort_by_key(|s| s.range.start);
    a
}

#[test]
fn tolls_of_a_recalled_past_happening_for_other_scopes_do_not_conflict() {
    let first =
        "In 1998 a cyclone killed 6,000 people in the delta and thousands more along the coast.";
    let second = "In 1998 a cyclone killed some 11,000 people around the bay.";
    let reports = |dated: bool| {
        let a = article(
            "a",
            "The Ledger",
            &[first],
            &[exact("6,000 people", 6000.0, "people")],
            &[],
        );
        let b = article(
            "b",
            "Morning Wire",
            &[second],
            &[F {
                wording: "some 11,000 people",
                value: 11000.0,
                q: Qualifier::About,
                low: 9900.0,
                high: Some(12100.0),
                counts: "people",
            }],
            &[],
        );
        let (a, b) = if dated {
            (with_year(a, "1998"), with_year(b, "1998"))
        } else {
            (a, b)
        };
        let (a, b) = (published_on(a, "2016-05-02"), published_on(b, "2016-05-02"));
        crosscheck(vec![a, b], &Options::default())
    };
    // Control: undated, the two tolls are the story's own and conflict.
    let d = reports(false);
    assert_eq!(slot_of(&d, "6,000 people").verdict, Verdict::Conflict);
    // Dated to a year before the reports, they recall background, which
    // each outlet gives for its own scope.
    assert_no_conflict(&reports(true));
}

#[test]
fn a_measure_noun_another_number_counts_is_not_this_ones() {
    // "a 52 million population and 4,100 reefs": the population is
    // the 52 million's; the reefs count no population.
    let d = two_reports(
        (
            "Officials said the port town, home to 60,000 people, lost power overnight.",
            exact("60,000 people", 60000.0, "people"),
        ),
        (
            "Its coast counts a 52 million population and 4,100 reefs, surveyors noted.",
            exact("4,100 reefs", 4100.0, "reefs"),
        ),
    );
    assert_no_conflict(&d);
}
