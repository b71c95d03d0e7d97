//! Figures on invented sentences, one test per family: tokenised numbers,
//! clock times, hedges, ranges, money, ages, zero and one in words, what is
//! not a figure, and spelled-out numbers in each language.

mod common;
use common::{article, figures};
use crosswire_model::{Article, Figure, FigureRole, Qualifier, SpanKind};

/// The figure whose span is `needle`, else the first that contains it.
fn figure(a: &Article, needle: &str) -> Figure {
    let all = figures(a);
    all.iter()
        .find(|(t, _)| t == needle)
        .or_else(|| all.iter().find(|(t, _)| t.contains(needle)))
        .cloned()
        .map(|x| x.1)
        .unwrap_or_else(|| panic!("no figure {needle:?} in {:?}", figures(a)))
}

/// The figures compared across reports (role claim), as (text, value).
fn claims(a: &Article) -> Vec<(String, f64)> {
    figures(a)
        .into_iter()
        .filter(|(_, f)| f.role == FigureRole::Claim)
        .map(|(t, f)| (t, f.value))
        .collect()
}

// ------------------------------------------------------ tokenised numbers

#[test]
fn tokenised_text_joins_thousands_groups() {
    let a = article(
        "en",
        &[
            "The town , home to 120, 000 people , lies 1, 500 kilometers north. \
           Officials said more than 31, 000 homes do n't have power and about 2, 000, 000 \
           tons of grain were lost.",
        ],
    );
    assert_eq!(figure(&a, "120, 000").value, 120_000.0);
    let k = figure(&a, "1, 500");
    assert_eq!((k.value, k.unit.as_deref()), (1500.0, Some("km")));
    let m = figure(&a, "31, 000");
    assert_eq!((m.value, m.qualifier), (31_000.0, Qualifier::MoreThan));
    assert_eq!(figure(&a, "2, 000, 000").value, 2_000_000.0);
    assert!(
        claims(&a).iter().all(|(_, v)| *v != 0.0),
        "{:?}",
        claims(&a)
    );
}

#[test]
fn prose_keeps_a_comma_between_two_numbers() {
    let a = article(
        "en",
        &["Of the 45, 300 were rescued by boat, the ferry company said."],
    );
    let got = claims(&a);
    assert!(got.iter().any(|(_, v)| *v == 45.0), "{got:?}");
    assert!(got.iter().any(|(_, v)| *v == 300.0), "{got:?}");
    assert!(!got.iter().any(|(_, v)| *v == 45_300.0), "{got:?}");
}

#[test]
fn multipliers_across_hyphens_and_fractions() {
    let a = article(
        "en",
        &[
            "The board approved a $2.6-million grant, a 110 - billion bailout and \
           4 1/2 hours of hearings.",
        ],
    );
    let g = figure(&a, "2.6");
    assert_eq!((g.value, g.unit.as_deref()), (2_600_000.0, Some("USD")));
    assert_eq!(figure(&a, "110").value, 110e9);
    let h = figure(&a, "4 1/2");
    assert_eq!((h.value, h.unit.as_deref()), (4.5, Some("hours")));
}

// ------------------------------------------------------------ times of day

fn clock(a: &Article, needle: &str) -> (f64, String, Qualifier) {
    let f = figure(a, needle);
    (f.value, f.unit.unwrap_or_default(), f.qualifier)
}

#[test]
fn clock_times_are_minutes_since_midnight() {
    let a = article(
        "en",
        &[
            "The ferry left at 1100 hours and docked at around 11 a.m. local time. \
           A second boat sailed at 10 : 30 a. m. and a third at 4.30pm. \
           The storm hit at 1353 (1023 GMT), and the alarm sounded around noon. \
           Crews met at 09 : 10 hours and again after 3 p. m. on Friday.",
        ],
    );
    assert_eq!(
        clock(&a, "1100"),
        (660.0, "time_of_day".into(), Qualifier::Exact)
    );
    assert_eq!(
        clock(&a, "11 a.m."),
        (660.0, "time_of_day_local".into(), Qualifier::About)
    );
    assert_eq!(clock(&a, "10 : 30").0, 630.0);
    assert_eq!(clock(&a, "4.30pm").0, 990.0);
    assert_eq!(
        clock(&a, "1353"),
        (833.0, "time_of_day_local".into(), Qualifier::Exact)
    );
    assert_eq!(
        clock(&a, "1023 GMT"),
        (623.0, "time_of_day_GMT".into(), Qualifier::Exact)
    );
    assert_eq!(
        clock(&a, "noon"),
        (720.0, "time_of_day".into(), Qualifier::About)
    );
    assert_eq!(clock(&a, "09 : 10").0, 550.0);
    let after = clock(&a, "3 p. m.");
    assert_eq!((after.0, after.2), (900.0, Qualifier::MoreThan));
    // Never a count of hours.
    assert!(!claims(&a).iter().any(|(_, v)| *v == 1100.0 || *v == 1353.0));
}

#[test]
fn clock_times_with_zones_and_spanish_forms() {
    let a = article(
        "en",
        &["Trading resumed at 14 : 00 Finnish time, at 17:00 UTC and at 11.30 p. m. ET."],
    );
    assert_eq!(clock(&a, "14 : 00").1, "time_of_day_local");
    assert_eq!(clock(&a, "17:00").1, "time_of_day_UTC");
    assert_eq!(
        clock(&a, "11.30"),
        (1410.0, "time_of_day_ET".into(), Qualifier::Exact)
    );
    let es = article(
        "es",
        &["El tren salió a las 18h00 y llegó pasadas las 10 de la noche, hora local."],
    );
    assert_eq!(clock(&es, "18h00").0, 1080.0);
    let late = clock(&es, "10 de la noche");
    assert_eq!((late.0, late.2), (1320.0, Qualifier::MoreThan));
}

#[test]
fn local_time_after_a_clock_in_spanish_and_italian() {
    let es = article(
        "es",
        &["El ferry zarpó tarde (7:15 AM local), con 90 viajeros."],
    );
    assert_eq!(clock(&es, "7:15").1, "time_of_day_local");
    let it = article("it", &["Il traghetto è partito alle 07:15 ora locale."]);
    assert_eq!(clock(&it, "07:15").1, "time_of_day_local");
}

#[test]
fn numbers_without_proof_are_not_times() {
    let a = article(
        "en",
        &["The rescue took 10 hours, 1500 volunteers came and 12 GMT employees stayed."],
    );
    assert_eq!(figure(&a, "10 hours").unit.as_deref(), Some("hours"));
    assert_eq!(figure(&a, "1500").unit, None);
    assert!(figures(&a)
        .iter()
        .all(|(_, f)| !f.unit.as_deref().unwrap_or("").starts_with("time")));
}

#[test]
fn furniture_times_and_counters() {
    let a = article(
        "en",
        &[
            "Updated 11:32 GMT",
            "3 Min Read",
            "Photo 1 of 3",
            "© 2031 The Lantern Post",
            "Posted 11 mins ago",
            "Crews cleared 40 roads.",
        ],
    );
    for needle in ["11:32 GMT", "3 Min Read", "1 of 3", "2031", "11 mins ago"] {
        assert_eq!(figure(&a, needle).role, FigureRole::Furniture, "{needle}");
    }
    assert_eq!(figure(&a, "40").role, FigureRole::Claim);
}

// -------------------------------------------------------------- qualifiers

#[test]
fn hedges_below_and_up_to() {
    let a = article(
        "en",
        &[
            "Nearly 300 sailors and almost 40 boats waited, close to 90 percent of them idle. \
           As many as 80 people were hurt and up to 5,000 fled. \
           An estimated 1,500 homes and 12 or more bridges were damaged.",
        ],
    );
    let n = figure(&a, "Nearly 300");
    assert_eq!(
        (n.qualifier, n.low, n.high),
        (Qualifier::LessThan, 270.0, Some(300.0))
    );
    assert_eq!(figure(&a, "almost 40").qualifier, Qualifier::LessThan);
    assert_eq!(figure(&a, "close to 90").qualifier, Qualifier::LessThan);
    let m = figure(&a, "As many as 80");
    assert_eq!(
        (m.qualifier, m.low, m.high),
        (Qualifier::UpTo, 0.0, Some(80.0))
    );
    assert_eq!(figure(&a, "up to 5,000").qualifier, Qualifier::UpTo);
    assert_eq!(figure(&a, "An estimated 1,500").qualifier, Qualifier::About);
    assert_eq!(figure(&a, "12").qualifier, Qualifier::AtLeast);
}

#[test]
fn hedges_across_a_measure_word_and_spanish() {
    let a = article(
        "en",
        &["It was a quake of at least magnitude - 5.9 on the scale."],
    );
    let q = figure(&a, "5.9");
    assert_eq!((q.value, q.qualifier), (5.9, Qualifier::AtLeast));
    let es = article(
        "es",
        &[
            "Casi 300 vecinos y hasta 40 familias se fueron; cerca de 20 casas cayeron \
           y más de 1.500 personas durmieron fuera.",
        ],
    );
    assert_eq!(figure(&es, "Casi 300").qualifier, Qualifier::LessThan);
    assert_eq!(figure(&es, "hasta 40").qualifier, Qualifier::UpTo);
    assert_eq!(figure(&es, "cerca de 20").qualifier, Qualifier::LessThan);
    let m = figure(&es, "1.500");
    assert_eq!((m.value, m.qualifier), (1500.0, Qualifier::MoreThan));
}

#[test]
fn over_a_duration_after_a_noun_means_during() {
    let a = article(
        "en",
        &["The fund lends 90 billion euros over three years. The siege lasted over two days."],
    );
    let d = figure(&a, "three years");
    assert_eq!((d.value, d.qualifier), (3.0, Qualifier::Exact));
    assert_eq!(figure(&a, "two days").qualifier, Qualifier::MoreThan);
}

#[test]
fn a_hedge_covers_its_conversion_and_its_list() {
    let a = article(
        "en",
        &[
            "The jewels were worth an estimated 4 million euros ($5.2 million). \
           Outages hit as much as 55 percent of calls in one region, 52 percent in \
           another and 80 percent in a third.",
        ],
    );
    assert_eq!(figure(&a, "$5.2").qualifier, Qualifier::About);
    assert_eq!(figure(&a, "52 percent").qualifier, Qualifier::UpTo);
    assert_eq!(figure(&a, "80 percent").qualifier, Qualifier::UpTo);
}

// ------------------------------------------------------------------ ranges

fn range(a: &Article, needle: &str) -> (f64, Option<f64>, Qualifier) {
    let f = figure(a, needle);
    (f.low, f.high, f.qualifier)
}

#[test]
fn ranges_in_every_form() {
    let a = article(
        "en",
        &[
            "A 24- to 30-foot skiff and a 40 - to 50 - employee firm were seen. \
           Two or three clans and six to seven trucks a day came; three or four shells \
           fell and 40 percent to 70 percent of roofs broke. \
           Between 30 and 40 guards and 100 or 200 fans waited.",
        ],
    );
    assert_eq!(range(&a, "24"), (24.0, Some(30.0), Qualifier::Range));
    assert_eq!(range(&a, "40 -"), (40.0, Some(50.0), Qualifier::Range));
    assert_eq!(
        range(&a, "Two or three"),
        (2.0, Some(3.0), Qualifier::Range)
    );
    assert_eq!(
        range(&a, "six to seven"),
        (6.0, Some(7.0), Qualifier::Range)
    );
    assert_eq!(
        range(&a, "three or four"),
        (3.0, Some(4.0), Qualifier::Range)
    );
    let p = figure(&a, "40 percent");
    assert_eq!(
        (p.low, p.high, p.unit.as_deref()),
        (40.0, Some(70.0), Some("%"))
    );
    assert_eq!(range(&a, "30 and 40"), (30.0, Some(40.0), Qualifier::Range));
    assert_eq!(
        range(&a, "100 or 200"),
        (100.0, Some(200.0), Qualifier::Range)
    );
}

#[test]
fn not_ranges() {
    let a = article(
        "en",
        &["Police held 12 men and 11 women. He chose 2 or 50 at random."],
    );
    assert_eq!(figure(&a, "12").qualifier, Qualifier::Exact);
    assert_eq!(figure(&a, "11").qualifier, Qualifier::Exact);
    assert_eq!(figure(&a, "2").qualifier, Qualifier::Exact);
    let es = article("es", &["Llegaron entre 10 y 20 barcos."]);
    assert_eq!(range(&es, "10 y 20"), (10.0, Some(20.0), Qualifier::Range));
}

#[test]
fn and_closes_no_range_opened_by_from() {
    // "from" and "de" open a range only "to" and "a" close: after them,
    // "and" and "y" list two values.
    let es = article(
        "es",
        &["Hay versiones de 1,5 y 3 GHz. El vuelo dura de 10 a 12 horas."],
    );
    assert_eq!(figure(&es, "1,5").qualifier, Qualifier::Exact);
    assert_eq!(range(&es, "10 a 12"), (10.0, Some(12.0), Qualifier::Range));
    let en = article(
        "en",
        &["Buyers chose from 16 and 32 GB models; between 40 and 60 sold daily."],
    );
    assert_eq!(figure(&en, "16").qualifier, Qualifier::Exact);
    assert_eq!(
        range(&en, "40 and 60"),
        (40.0, Some(60.0), Qualifier::Range)
    );
}

// ------------------------------------------------------------------- money

fn money(a: &Article, needle: &str) -> (f64, String) {
    let f = figure(a, needle);
    (f.value, f.unit.unwrap_or_default())
}

#[test]
fn money_in_glued_and_spaced_forms() {
    let a = article(
        "en",
        &[
            "They took 2m euros, then 11m euros more and e75m in bonds. \
           The bank lent euro110 billion, R26 million and Dh472.72bn; \
           the fee was £35,000 and the fine 2 mn - euro. \
           Meanwhile a two - million - euro prize went unclaimed.",
        ],
    );
    assert_eq!(money(&a, "2m"), (2e6, "EUR".into()));
    assert_eq!(money(&a, "11m"), (11e6, "EUR".into()));
    assert_eq!(money(&a, "e75m"), (75e6, "EUR".into()));
    assert_eq!(money(&a, "euro110"), (110e9, "EUR".into()));
    assert_eq!(money(&a, "R26"), (26e6, "ZAR".into()));
    assert_eq!(money(&a, "Dh472.72bn"), (472.72e9, "AED".into()));
    assert_eq!(money(&a, "35,000"), (35_000.0, "GBP".into()));
    assert_eq!(money(&a, "2 mn"), (2e6, "EUR".into()));
    assert_eq!(money(&a, "two - million"), (2e6, "EUR".into()));
}

#[test]
fn money_in_tokenised_text_and_codes_that_are_not_money() {
    let a = article(
        "en",
        &[
            "Thieves took €60, 000 , and Dh4, 275 was paid , the police said . \
           The R26 road was shut and a 2m wall fell.",
        ],
    );
    assert_eq!(money(&a, "€60, 000"), (60_000.0, "EUR".into()));
    assert_eq!(money(&a, "Dh4, 275"), (4275.0, "AED".into()));
    assert!(!figures(&a).iter().any(|(t, _)| t.contains("R26")));
    assert_eq!(figure(&a, "2").unit, None);
}

// -------------------------------------------------------------------- ages

#[test]
fn ages_in_every_form() {
    let a = article(
        "en",
        &["The judge fined Oren Malick, 38, of Tarrow. \
           Two girls aged 15 and 12 testified; the 15 year old spoke first. \
           A 38 - year - old driver was hurt."],
    );
    let got = figures(&a);
    let ages: Vec<&str> = got
        .iter()
        .filter(|(_, f)| f.role == FigureRole::Age && f.unit.as_deref() == Some("years"))
        .map(|(t, _)| t.as_str())
        .collect();
    assert_eq!(ages.len(), 5, "{got:?}");
    assert_eq!(figure(&a, "Two").role, FigureRole::Claim);
}

// ------------------------------------------------------ zero and one words

#[test]
fn zero_one_and_two_in_words() {
    let a = article(
        "en",
        &["No one was killed and there were no casualties. \
           Reports said no dead and no reported injuries, and no pupils or teachers were hurt. \
           A lone gunman fired, killing one, then wounding both and asking twice."],
    );
    let zeros: Vec<_> = figures(&a)
        .into_iter()
        .filter(|(_, f)| f.value == 0.0)
        .map(|x| x.0)
        .collect();
    assert_eq!(zeros.len(), 5, "{zeros:?}");
    assert_eq!(figure(&a, "A lone").value, 1.0);
    assert_eq!(figure(&a, "one").value, 1.0);
    assert_eq!(figure(&a, "both").value, 2.0);
    let t = figure(&a, "twice");
    assert_eq!((t.value, t.unit.as_deref()), (2.0, Some("times")));
}

#[test]
fn zero_and_one_words_that_count_nothing() {
    let a = article(
        "en",
        &["No one knew why. There was no sign of the boat. \
           At one point one of them left, and both countries agreed. \
           It was twice as large, and not a single ship came."],
    );
    let got = claims(&a);
    assert!(got.is_empty(), "{got:?}");
    let es = article(
        "es",
        &["Nadie resultó herido y no hubo ningún muerto. Un solo disparo bastó."],
    );
    assert_eq!(figure(&es, "Nadie").value, 0.0);
    assert_eq!(figure(&es, "ningún muerto").value, 0.0);
    assert_eq!(figure(&es, "Un solo").value, 1.0);
}

// ------------------------------------------------------------ not figures

#[test]
fn identifiers_scores_and_ordinals() {
    let a = article(
        "en",
        &[
            "Residents dialed 911 as flight 370 and a 4x4 passed a car with plate BEY 0843. \
           The court ruled 2–1 against the plan. The third victim, on the 15th floor, \
           died; the 5th Fleet patrols nearby.",
        ],
    );
    for needle in ["911", "370", "4x4", "0843", "2–1"] {
        assert_eq!(figure(&a, needle).role, FigureRole::Identifier, "{needle}");
    }
    let got = claims(&a);
    assert!(
        got.iter().all(|(t, _)| t.contains("15th")),
        "only the floor is a claim: {got:?}"
    );
    let fl = figure(&a, "15th");
    assert_eq!((fl.value, fl.unit.as_deref()), (15.0, Some("floor")));
}

#[test]
fn floors_are_positions_but_other_ordinals_are_not_claims() {
    let a = article(
        "en",
        &[
            "Smoke filled the second floor and the third - floor office, \
           the first time in a decade the tower burned.",
        ],
    );
    assert_eq!(figure(&a, "second floor").value, 2.0);
    assert_eq!(figure(&a, "third - floor").value, 3.0);
    assert!(!figures(&a).iter().any(|(t, _)| t.contains("first")));
    let es = article("es", &["El fuego empezó en el tercer piso."]);
    assert_eq!(figure(&es, "tercer piso").unit.as_deref(), Some("floor"));
}

#[test]
fn bare_vague_words_count_nothing() {
    let a = article(
        "en",
        &[
            "Rescuers found several. A number of people waited and numerous cars \
           and several trucks left.",
        ],
    );
    let got = figures(&a);
    assert!(!got.iter().any(|(t, _)| t.contains("number")), "{got:?}");
    let several: Vec<_> = got.iter().filter(|(t, _)| t == "several").collect();
    assert_eq!(several.len(), 1, "{got:?}");
    assert_eq!(several[0].1.counts.as_deref(), Some("trucks"));
    assert_eq!(figure(&a, "numerous").counts.as_deref(), Some("cars"));
}

#[test]
fn headline_capitals_do_not_make_a_name() {
    let a = article("en", &["Powerful Storm Kills 12 In Coastal Towns"]);
    assert_eq!(figure(&a, "12").role, FigureRole::Claim);
    let b = article("en", &["The crew of Apollo 13 returned."]);
    assert!(figures(&b).is_empty(), "{:?}", figures(&b));
}

// ---------------------------------------------------- spelled-out numbers

#[test]
fn spelled_out_numbers_english() {
    let a = article(
        "en",
        &[
            "Two dozen boats, a couple of trucks and half a million people came; \
           nearly half a million more stayed and about a dozen ships waited.",
        ],
    );
    assert_eq!(figure(&a, "Two dozen").value, 24.0);
    let c = figure(&a, "a couple of");
    assert_eq!((c.value, c.qualifier), (2.0, Qualifier::About));
    assert_eq!(figure(&a, "half a million").value, 500_000.0);
    let n = figure(&a, "nearly half");
    assert_eq!((n.value, n.qualifier), (500_000.0, Qualifier::LessThan));
    assert_eq!(figure(&a, "about a dozen").qualifier, Qualifier::About);
}

#[test]
fn spelled_out_numbers_spanish() {
    let a = article(
        "es",
        &[
            "Llegaron veintitrés barcos con doscientos treinta y ocho presos, \
           mil quinientos vecinos, 1,5 millones de euros y medio millón de dólares. \
           Unas 1.500 familias y un par de camiones esperaban.",
        ],
    );
    assert_eq!(figure(&a, "veintitrés").value, 23.0);
    assert_eq!(figure(&a, "doscientos").value, 238.0);
    assert_eq!(figure(&a, "mil quinientos").value, 1500.0);
    assert_eq!(money(&a, "1,5 millones"), (1_500_000.0, "EUR".into()));
    assert_eq!(money(&a, "medio millón"), (500_000.0, "USD".into()));
    let u = figure(&a, "1.500");
    assert_eq!((u.value, u.qualifier), (1500.0, Qualifier::About));
    assert_eq!(figure(&a, "un par de").value, 2.0);
}

#[test]
fn money_with_the_currency_after_the_amount() {
    // Spanish and Italian put the symbol, or the currency word after
    // their own preposition, behind the amount.
    let es = article(
        "es",
        &[
            "La cooperativa pidió 4.200 millones de US$ para los molinos y \
           pagó 310 millones de £ por el puerto; cada entrada cuesta 15 $. \
           El préstamo fue de 8.000 millones de yuanes.",
        ],
    );
    assert_eq!(money(&es, "4.200 millones"), (4.2e9, "USD".into()));
    assert_eq!(money(&es, "310 millones"), (3.1e8, "GBP".into()));
    assert_eq!(money(&es, "15"), (15.0, "USD".into()));
    assert_eq!(money(&es, "8.000 millones"), (8e9, "CNY".into()));
    // Capitals the table does not know as the symbol's currency make no
    // money of it: here they are a size.
    let gb = article("es", &["El disco guarda 500 GB $ y poco más."]);
    assert_eq!(figure(&gb, "500").unit.as_deref(), Some("GB"));
    let it = article(
        "it",
        &[
            "Il consorzio ha speso 12 miliardi di dollari e 3 milioni di sterline; \
           il biglietto costa 25 $.",
        ],
    );
    assert_eq!(money(&it, "12 miliardi"), (12e9, "USD".into()));
    assert_eq!(money(&it, "3 milioni"), (3e6, "GBP".into()));
    assert_eq!(money(&it, "25"), (25.0, "USD".into()));
    // A symbol with an amount after it is that amount's, not the one
    // before it.
    let en = article("en", &["In 2009 , 40 $ 160 million was paid ."]);
    assert_eq!(money(&en, "160 million"), (1.6e8, "USD".into()));
    assert_eq!(figure(&en, "40").unit, None);
}

#[test]
fn a_number_in_another_unit_ends_no_range() {
    let es = article(
        "es",
        &["El barco llevará 90 toneladas a 3.200 millas marinas del puerto."],
    );
    let t = figure(&es, "90");
    assert_eq!(
        (t.qualifier, t.unit.as_deref()),
        (Qualifier::Exact, Some("t"))
    );
    assert_eq!(figure(&es, "3.200").unit.as_deref(), Some("nmi"));
    let en = article("en", &["Rents rose 40 percent to 70 percent in a year."]);
    assert_eq!(figure(&en, "40 percent").high, Some(70.0));
}

#[test]
fn inches_and_nautical_miles_in_italian_spanish_and_dutch() {
    let it = article(
        "it",
        &["Lo schermo misura 14,2 pollici e la nave percorre 3.100 miglia nautiche."],
    );
    assert_eq!(figure(&it, "14,2").unit.as_deref(), Some("in"));
    assert_eq!(figure(&it, "3.100").unit.as_deref(), Some("nmi"));
    let es = article("es", &["La pantalla mide 14,2 pulgadas y pesa 2,1 kg."]);
    assert_eq!(figure(&es, "14,2").unit.as_deref(), Some("in"));
    assert_eq!(figure(&es, "2,1").unit.as_deref(), Some("kg"));
    let nl = article(
        "nl",
        &["Het scherm meet 14,2 inch en het schip vaart 3.100 zeemijl."],
    );
    assert_eq!(figure(&nl, "14,2").unit.as_deref(), Some("in"));
    assert_eq!(figure(&nl, "3.100").unit.as_deref(), Some("nmi"));
}

// ----------------------------------------------------------- units and one

#[test]
fn units_through_hyphens_and_in_two_words() {
    let a = article(
        "en",
        &[
            "They sailed a 10-metre skiff some 13 nautical miles, carried a 6,900-tonne load \
           and handed out a one - day ration in less than a minute.",
        ],
    );
    let m = figure(&a, "10-metre");
    assert_eq!((m.value, m.unit.as_deref()), (10.0, Some("m")));
    let n = figure(&a, "some 13");
    assert_eq!(
        (n.unit.as_deref(), n.qualifier),
        (Some("nmi"), Qualifier::About)
    );
    assert_eq!(figure(&a, "6,900").unit.as_deref(), Some("t"));
    let d = figure(&a, "one - day");
    assert_eq!((d.value, d.unit.as_deref()), (1.0, Some("days")));
    let q = figure(&a, "less than a minute");
    assert_eq!(
        (q.value, q.unit.as_deref(), q.qualifier),
        (1.0, Some("minutes"), Qualifier::LessThan)
    );
    // An age keeps its own reading.
    let b = article("en", &["A 38-year-old sailor was rescued."]);
    assert_eq!(figure(&b, "38").role, FigureRole::Age);
}

#[test]
fn one_as_a_count_and_as_a_word() {
    let a = article(
        "en",
        &[
            "Witnesses said that one shell did not explode. Two men, ages 47 and 48, \
           were hurt. A four - by - four car crashed.",
        ],
    );
    let one = figure(&a, "one");
    assert_eq!((one.value, one.counts.as_deref()), (1.0, Some("shell")));
    assert_eq!(figure(&a, "47").role, FigureRole::Age);
    assert_eq!(figure(&a, "48").role, FigureRole::Age);
    assert_eq!(figure(&a, "four - by - four").role, FigureRole::Identifier);
}

#[test]
fn clock_times_from_their_preposition() {
    let a = article(
        "en",
        &["The vote closed at 10.30 and the rate rose to 10.30 percent by twenty - five points."],
    );
    let c = figure(&a, "10.30");
    assert_eq!((c.value, c.unit.as_deref()), (630.0, Some("time_of_day")));
    let r = figures(&a)
        .into_iter()
        .filter(|(t, _)| t.starts_with("10.30"))
        .nth(1)
        .map(|x| x.1);
    assert_eq!(r.and_then(|f| f.unit), Some("%".into()));
    assert_eq!(figure(&a, "twenty - five").value, 25.0);
    let es = article(
        "es",
        &["La reunión empezó a las 10 y terminó a las 12.45; de las 10 víctimas, dos eran niños."],
    );
    assert_eq!(clock(&es, "10").0, 600.0);
    assert_eq!(clock(&es, "12.45").0, 765.0);
    let v = figures(&es)
        .into_iter()
        .find(|(_, f)| f.counts.as_deref() == Some("víctimas"))
        .map(|x| x.1);
    assert_eq!(v.map(|f| (f.value, f.unit)), Some((10.0, None)));
}

#[test]
fn names_and_marks_with_numbers() {
    let a = article(
        "en",
        &["The band played its Top Ten hits, as note [3] says. Ten people came."],
    );
    let got = claims(&a);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(figure(&a, "3").role, FigureRole::Identifier);
}

#[test]
fn the_amount_of_a_relative_date_is_a_duration() {
    let a = article(
        "en",
        &["The clinic opened four months ago and closed 6 years ago. It fell on a Monday."],
    );
    let m = figure(&a, "four months");
    assert_eq!((m.value, m.unit.as_deref()), (4.0, Some("months")));
    assert_eq!(figure(&a, "6 years").value, 6.0);
    // The date keeps its own span.
    assert!(a
        .spans
        .iter()
        .any(|s| matches!(s.kind, SpanKind::Date(_)) && a.slice(s.range).contains("ago")));
    let es = article("es", &["La clínica abrió hace dos años."]);
    assert_eq!(figure(&es, "dos años").unit.as_deref(), Some("years"));
}

#[test]
fn datelines_bylines_and_slashed_dates_are_not_claims() {
    let a = article(
        "en",
        &[
            "27/03/2031 - 18h00 GMT",
            "By Ana Ruiz | 12:45 PM EST, Wed March 26, 2031",
            "Share 1.2K",
            "The tremor struck at 10:30 GMT on Friday, killing 3 people, and a day \
             later one day after the tremor 40 more were found.",
        ],
    );
    assert!(!figures(&a).iter().any(|(t, _)| t == "27"));
    assert_eq!(figure(&a, "18h00 GMT").role, FigureRole::Furniture);
    assert_eq!(figure(&a, "12:45 PM EST").role, FigureRole::Furniture);
    assert_eq!(figure(&a, "1.2").role, FigureRole::Furniture);
    assert_eq!(figure(&a, "10:30 GMT").role, FigureRole::Claim);
    let d = figure(&a, "one day");
    assert_eq!((d.value, d.unit.as_deref()), (1.0, Some("days")));
}

#[test]
fn a_bracket_restates_only_when_it_holds_the_figure_alone() {
    let a = article(
        "en",
        &["About 50 km (31 miles) away, some 200,000 (20,000 of them children) fled."],
    );
    assert_eq!(figure(&a, "31 miles").qualifier, Qualifier::About);
    assert_eq!(figure(&a, "20,000").qualifier, Qualifier::Exact);
}

#[test]
fn spanish_datelines_and_zero_counts() {
    let a = article(
        "es",
        &[
            "TOLVEN, 26 mar (EFE).- Unas 238 personas fueron enviadas a la cárcel, donde no \
           hubo heridos, y la operación terminó sin víctimas. Llegaron 30 barcos.",
        ],
    );
    assert!(
        !claims(&a).iter().any(|(t, _)| t == "26"),
        "{:?}",
        claims(&a)
    );
    let u = figure(&a, "238");
    assert_eq!((u.value, u.qualifier), (238.0, Qualifier::About));
    assert_eq!(figure(&a, "no hubo heridos").value, 0.0);
    assert_eq!(figure(&a, "sin víctimas").value, 0.0);
    assert_eq!(figure(&a, "30").value, 30.0);
    let en = article(
        "en",
        &["KORVIK, 26 Mar (Wire) - None of the guards were hurt, and the 26 may face charges."],
    );
    assert_eq!(figure(&en, "None").value, 0.0);
    let got = claims(&en);
    assert_eq!(got.iter().filter(|(t, _)| t == "26").count(), 1, "{got:?}");
}

#[test]
fn numbers_inside_names_and_after_capitalized_hedges() {
    let a = article(
        "en",
        &[
            "Crews fixed the KORA-LINK 4 cable and the Sea Lark We 3 line (Wire).- Some 40 \
           ships waited.",
        ],
    );
    let got = claims(&a);
    assert_eq!(got, vec![("Some 40".to_string(), 40.0)], "{got:?}");
}

#[test]
fn a_bare_dozen_of_is_read_as_dozens() {
    let a = article(
        "en",
        &["Dozen of warships patrol the strait, and a dozen ships wait."],
    );
    let f = figure(&a, "Dozen of");
    assert_eq!(f.qualifier, Qualifier::Vague, "{f:?}");
    assert_eq!(figure(&a, "a dozen").value, 12.0);
}

#[test]
fn one_as_a_pronoun_is_no_figure() {
    let a = article(
        "en",
        &[
            "Police found a box like one that would hold a shotgun.",
            "He may have meant to shoot another one.",
            "It moved the plan one step closer.",
            "Witnesses said that one bomb fell inside the camp.",
            "The van has two doors: one on the left and one on the right.",
        ],
    );
    let found = figures(&a);
    let ones: Vec<&str> = found
        .iter()
        .filter(|(_, f)| f.value == 1.0)
        .map(|(t, _)| t.as_str())
        .collect();
    assert_eq!(ones, vec!["one"], "{found:?}");
}

// ------------------------------------------------------ units and codes

#[test]
fn seconds_are_a_unit_in_every_language() {
    for (lang, text, number) in [
        ("en", "The shaking lasted 40 seconds, residents said.", "40"),
        (
            "es",
            "El temblor duró 40 segundos, dijeron los vecinos.",
            "40",
        ),
        ("it", "La scossa è durata 40 secondi, hanno detto.", "40"),
        (
            "de",
            "Das Beben dauerte 40 Sekunden, sagten Anwohner.",
            "40",
        ),
    ] {
        let a = article(lang, &[text]);
        let f = figure(&a, number);
        assert_eq!(f.unit.as_deref(), Some("seconds"), "{lang}: {f:?}");
    }
    // "a second" is an ordinal or a moment, never one second.
    let a = article("en", &["A second blast hit the depot."]);
    assert!(
        figures(&a)
            .iter()
            .all(|(_, f)| f.unit.as_deref() != Some("seconds")),
        "{:?}",
        figures(&a)
    );
}

#[test]
fn a_code_between_the_number_and_its_noun_is_part_of_what_is_counted() {
    let a = article("en", &["Guards recovered 9 AK 74 rifles at the dock."]);
    let f = figure(&a, "9");
    assert_eq!(f.counts.as_deref(), Some("AK 74 rifles"), "{f:?}");
    // Without a code, a second number still ends the phrase.
    let a = article("en", &["Guards recovered 9 rifles, 4 pistols at the dock."]);
    assert_eq!(figure(&a, "9").counts.as_deref(), Some("rifles"));
}

#[test]
fn a_distance_per_hour_is_a_speed() {
    let a = article(
        "en",
        &[
            "The car hit 110 miles per hour, then 150 km / h, and the boat made 12 nautical \
           miles an hour; the town is 40 miles away and the truck did 70 mph.",
        ],
    );
    for (needle, unit) in [
        ("110", "mph"),
        ("150", "km/h"),
        ("12", "knots"),
        ("40", "miles"),
        ("70", "mph"),
    ] {
        assert_eq!(figure(&a, needle).unit.as_deref(), Some(unit), "{needle}");
    }
    let es = article(
        "es",
        &["El coche alcanzó 180 kilómetros por hora en la autopista."],
    );
    assert_eq!(figure(&es, "180").unit.as_deref(), Some("km/h"));
}

#[test]
fn a_squared_length_is_an_area() {
    let a = article(
        "en",
        &[
            "The 90,000-square-foot depot and a 2,000 square metre yard sit on 40 acres; \
           the lake covers 12 sq km, the park 30 hectares.",
        ],
    );
    for (needle, unit) in [
        ("90,000", "sq ft"),
        ("2,000", "m2"),
        ("40", "acres"),
        ("12", "km2"),
        ("30", "ha"),
    ] {
        assert_eq!(figure(&a, needle).unit.as_deref(), Some(unit), "{needle}");
    }
    let es = article(
        "es",
        &["El incendio arrasó 500 metros cuadrados de bosque."],
    );
    assert_eq!(figure(&es, "500").unit.as_deref(), Some("m2"));
}

#[test]
fn unit_symbols_are_read_in_every_language() {
    let en = article(
        "en",
        &["The tablet has a 1.6GHz chip, 64GB of storage and a 40 kW charger."],
    );
    for (needle, unit) in [("1.6", "GHz"), ("64", "GB"), ("40", "kW")] {
        assert_eq!(figure(&en, needle).unit.as_deref(), Some(unit), "{needle}");
    }
    let nl = article(
        "nl",
        &["Het toestel heeft 32 GB opslag en een chip van 2,4 GHz."],
    );
    assert_eq!(figure(&nl, "32").unit.as_deref(), Some("GB"));
    assert_eq!(figure(&nl, "2,4").unit.as_deref(), Some("GHz"));
}

#[test]
fn having_an_age_is_an_age() {
    let a = article(
        "en",
        &["The bride was married when she was 15. The toll was 15. He was 1 of 3 winners."],
    );
    let ages: Vec<f64> = figures(&a)
        .into_iter()
        .filter(|(_, f)| f.role == FigureRole::Age)
        .map(|(_, f)| f.value)
        .collect();
    assert_eq!(ages, vec![15.0], "{:?}", figures(&a));
    let es = article(
        "es",
        &["La novia, que se casó cuando tenía 15 años, declaró ayer. El equipo tiene 15 jugadores."],
    );
    assert_eq!(figure(&es, "15 años").role, FigureRole::Age);
    let players = figures(&es)
        .into_iter()
        .find(|(_, f)| f.counts.as_deref() == Some("jugadores"))
        .map(|x| x.1.role);
    assert_eq!(players, Some(FigureRole::Claim));
}

#[test]
fn a_hedge_covers_its_conversion_past_its_unit() {
    let a = article(
        "en",
        &["The new tablet weighs less than 2 lbs (0.91 kg) and is thin."],
    );
    let f = figure(&a, "2 lbs");
    assert_eq!(
        (f.qualifier, f.unit.as_deref()),
        (Qualifier::LessThan, Some("lb"))
    );
    assert_eq!(figure(&a, "0.91 kg").qualifier, Qualifier::LessThan);
}
