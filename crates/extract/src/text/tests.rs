//! Fixtures are invented for these tests; none is copied from real reports.

use super::*;
use crosswire_model::{BlockKind, DateOrigin};

fn kinds(a: &Article, kind: BlockKind) -> Vec<String> {
    a.blocks_of(kind)
        .map(|b| a.text[b.range()].to_string())
        .collect()
}

fn assert_body(a: &Article, first: &str, last: &str) {
    let body = a.body_text();
    assert!(body.starts_with(first), "body starts: {body:?}");
    assert!(body.ends_with(last), "body ends: {body:?}");
}

fn assert_absent(a: &Article, lines: &[&str]) {
    let body = a.body_text();
    for l in lines {
        assert!(!body.contains(l), "{l:?} leaked into body: {body:?}");
    }
}

#[test]
fn languages_are_tables() {
    let codes: Vec<&str> = languages().collect();
    assert!(codes.contains(&"en") && codes.contains(&"es"));
}

#[test]
fn drops_navigation_residue_and_menus() {
    let raw = "Skip to content\n_\n_\n|\n\nHome\nWorld\nBusiness\nSport\n\n\
               Ferry service resumes after storm\n\n\
               The ferry between Port Elmswick and Tallow Isle sailed again on Tuesday after three days of gales.\n\n\
               Share\n\n\
               Operators said 1,200 passengers had been stranded on the island.\n\n\
               Advertisement\n\n_";
    let a = extract_text(raw, "ferry.txt");
    assert_eq!(
        a.title.as_deref(),
        Some("Ferry service resumes after storm")
    );
    assert_body(&a, "The ferry between", "stranded on the island.");
    assert_absent(
        &a,
        &[
            "Skip to content",
            "Home",
            "Business",
            "Share",
            "Advertisement",
        ],
    );
    assert!(!a.body_text().lines().any(|l| l.trim() == "_"));
    assert_eq!(kinds(&a, BlockKind::Paragraph).len(), 2);
}

#[test]
fn keeps_captions_and_credits_out_of_the_body() {
    let raw = "Bakery fire closes high street\n\n\
               A blaze gutted a family bakery in Norrow on Sunday night\n\n\
               Firefighters outside the bakery in Norrow on Sunday, May 4, 2031.\n\
               Lena Marsh Okafor\n\n\
               Fire crews were called to the bakery shortly after 11pm and fought the flames for four hours.\n\n\
               Photo: Norrow Fire Service\n\n\
               No one was hurt, the fire service said, but the high street stayed closed on Monday.";
    let a = extract_text(raw, "bakery.txt");
    assert_eq!(
        kinds(&a, BlockKind::Standfirst),
        vec!["A blaze gutted a family bakery in Norrow on Sunday night"]
    );
    let captions = kinds(&a, BlockKind::Caption);
    assert!(captions
        .iter()
        .any(|c| c.starts_with("Firefighters outside")));
    assert!(captions.iter().any(|c| c == "Lena Marsh Okafor"));
    assert!(captions.iter().any(|c| c.starts_with("Photo:")));
    assert_body(&a, "Fire crews were called", "stayed closed on Monday.");
    assert_absent(&a, &["Lena Marsh Okafor", "Photo:", "Firefighters outside"]);
}

#[test]
fn drops_a_subscription_notice_in_another_language() {
    let raw = "Museum returns stolen painting\n\n\
               The Corvale city museum said on Thursday it had recovered a landscape stolen in 2019.\n\n\
               Vista del museo durante la presentación de la obra.\n\n\
               Police traced the painting to a private collection abroad, the museum's director told reporters.\n\n\
               The work, a view of the river at dawn, will go back on display in the east wing next month.\n\n\
               Its owner had lent it to the museum in 1998 and was told of the theft on the same day, the director said.\n\n\
               Sign up for our weekly newsletter to get more news from The Corvale Courier\n\n\
               Tu suscripción se está usando en otro dispositivo\n\n\
               ¿Por qué estás viendo esto?\n\n\
               Si sigues leyendo en este equipo, la lectura se cerrará en el otro aparato que tienes abierto.\n\n\
               Flecha\n\n\
               More information";
    let a = extract_text(raw, "museum.txt");
    assert_body(
        &a,
        "The Corvale city museum",
        "on the same day, the director said.",
    );
    assert_absent(
        &a,
        &[
            "Sign up",
            "suscripción",
            "viendo esto",
            "Si sigues",
            "Flecha",
            "More information",
        ],
    );
    assert_eq!(
        kinds(&a, BlockKind::Caption),
        vec!["Vista del museo durante la presentación de la obra."]
    );
    assert_eq!(a.outlet.as_deref(), Some("The Corvale Courier"));
}

#[test]
fn spanish_page_with_newsletter_prompt_and_related_links() {
    let raw = "Ir al contenido\n\n\
               Cierran el puente de Almarín por grietas\n\n\
               Las autoridades de Almarín cerraron el martes el puente viejo después de que los técnicos hallaran grietas en dos pilares.\n\n\
               Lee también: El ayuntamiento aprueba el presupuesto de obras\n\n\
               Según el alcalde, las reparaciones costarán unos 3 millones de euros y durarán seis meses.\n\n\
               Suscríbete a nuestro boletín y recibe las noticias de la región cada mañana.\n\n\
               Noticias relacionadas\n\
               Nuevo carril bici en el centro\n\
               12 de mayo de 2031\n\
               La feria del libro vuelve en junio";
    let a = extract_text(raw, "puente.txt");
    assert_eq!(
        a.title.as_deref(),
        Some("Cierran el puente de Almarín por grietas")
    );
    assert_body(&a, "Las autoridades de Almarín", "durarán seis meses.");
    assert_absent(
        &a,
        &[
            "Lee también",
            "Suscríbete",
            "Nuevo carril",
            "feria del libro",
        ],
    );
}

#[test]
fn filed_under_and_team_blurb_give_the_outlet() {
    let raw = "Dam inspection finds cracks\n\n\
               Inspectors found cracks in the Greywater dam on Friday, the water board said.\n\n\
               The reservoir will be lowered by two metres as a precaution.\n\n\
               Filed under:\n\n\
               Valley Ledger Editorial Team\n\n\
               A team of journalists committed to covering the valley's towns. At the Valley Ledger we check every figure.";
    let a = extract_text(raw, "dam.txt");
    assert_body(&a, "Inspectors found cracks", "as a precaution.");
    assert_absent(
        &a,
        &["Filed under", "Editorial Team", "team of journalists"],
    );
    assert_eq!(a.outlet.as_deref(), Some("Valley Ledger"));
}

#[test]
fn author_blurb_at_the_end_is_dropped() {
    let raw = "Tram line opens\n\n\
               The first tram on the new east line left Hollin station at dawn on Saturday.\n\n\
               City officials said 9,000 people rode it on the first day.\n\n\
               Mara Quist is a reporter covering transport and housing. Follow her on social media.";
    let a = extract_text(raw, "tram.txt");
    assert_body(&a, "The first tram", "on the first day.");
    assert_absent(&a, &["Mara Quist"]);
}

#[test]
fn faq_that_repeats_the_story_is_cut() {
    let raw = "Chemical leak forces evacuation in Ostby\n\n\
               About 300 residents of Ostby were evacuated on Wednesday after a chlorine leak at the Ferrand water treatment plant.\n\n\
               The plant's operator said a valve failed during maintenance and the leak was sealed within two hours.\n\n\
               Eleven people were treated in hospital for breathing problems, the regional health service said.\n\n\
               Residents were allowed to return home on Thursday morning once air tests came back clear.\n\n\
               Frequently asked questions about the Ostby chlorine leak\n\n\
               What happened at the Ferrand water treatment plant?\n\n\
               A valve failed during maintenance at the Ferrand water treatment plant in Ostby, causing a chlorine leak that was sealed within two hours.\n\n\
               How many residents were evacuated?\n\n\
               About 300 residents of Ostby were evacuated on Wednesday, and eleven people were treated in hospital for breathing problems.\n\n\
               When could residents return home?\n\n\
               Residents were allowed to return home on Thursday morning after air tests came back clear.";
    let a = extract_text(raw, "leak.txt");
    assert_body(&a, "About 300 residents", "came back clear.");
    assert_eq!(kinds(&a, BlockKind::Paragraph).len(), 4);
    assert_absent(
        &a,
        &["Frequently asked", "What happened", "How many residents"],
    );
}

#[test]
fn interview_questions_that_bring_new_content_stay() {
    let raw = "Interview: the harbour master on the new quay\n\n\
               The harbour master of Port Elmswick, Ines Varga, spoke to us about the quay that opens next month.\n\n\
               Why did the old quay have to close?\n\n\
               Salt had eaten into the steel piles, and divers found two of them hollow last winter.\n\n\
               What will change for fishermen?\n\n\
               Boats will unload at night, with cold storage right beside the berths and a new ice plant.";
    let a = extract_text(raw, "interview.txt");
    assert_body(&a, "The harbour master", "a new ice plant.");
    assert!(a.body_text().contains("What will change for fishermen?"));
}

#[test]
fn more_information_block_that_repeats_is_cut() {
    let raw = "Wildfire near Carrow contained\n\n\
               Firefighters contained the wildfire near Carrow on Monday after it burned 40 hectares of pine forest.\n\n\
               No homes were lost, but 60 campers were moved from the lakeside site as a precaution.\n\n\
               More information\n\n\
               The wildfire near Carrow burned 40 hectares of pine forest before firefighters contained it on Monday; 60 campers were moved from the lakeside site.";
    let a = extract_text(raw, "fire.txt");
    assert_body(&a, "Firefighters contained", "as a precaution.");
}

#[test]
fn single_newline_scrape_with_subheads() {
    let raw = "The council of Brenmoor voted on Tuesday to close two of its four libraries, citing a budget gap of 2 million pounds.\n\
               Protesters gathered outside the town hall before the vote, holding books above their heads.\n\
               Budget pressure\n\
               The finance officer said the council had already cut street lighting and park staff.\n\
               What happens next?\n\
               The closures take effect in September, and the buildings will be offered to community groups.";
    let a = extract_text(raw, "libraries.txt");
    assert_eq!(a.title, None);
    assert_body(
        &a,
        "The council of Brenmoor",
        "offered to community groups.",
    );
    assert_eq!(
        kinds(&a, BlockKind::Subhead),
        vec!["Budget pressure", "What happens next?"]
    );
    assert_eq!(kinds(&a, BlockKind::Paragraph).len(), 4);
}

#[test]
fn leading_date_metadata_line() {
    let raw =
        " date 2031-06-02 Rescuers reached the stranded climbers on Mount Selk on Sunday.\n\n\
               All four were flown to hospital in Darrow with mild frostbite.";
    let a = extract_text(raw, "climbers.txt");
    let p = a.published.as_ref().expect("date");
    assert_eq!(p.value, "2031-06-02");
    assert_eq!(p.origin, DateOrigin::Text);
    assert_eq!(a.title, None);
    assert_body(&a, "Rescuers reached", "mild frostbite.");
    assert_absent(&a, &["date 2031"]);
}

#[test]
fn spanish_date_line_and_byline() {
    let raw = "Publicado el 3 de febrero de 2031\n\
               Por Lucía Ferrer Soto\n\n\
               Los vecinos de Almarín denunciaron el lunes cortes de agua de hasta diez horas.\n\n\
               La empresa municipal atribuyó los cortes a una avería en la tubería principal.";
    let a = extract_text(raw, "agua.txt");
    assert_eq!(
        a.published.as_ref().map(|p| p.value.as_str()),
        Some("2031-02-03")
    );
    assert_eq!(a.byline, vec!["Lucía Ferrer Soto"]);
    assert_eq!(a.title, None);
    assert_body(&a, "Los vecinos de Almarín", "la tubería principal.");
}

#[test]
fn no_date_from_captions() {
    let raw = "Storm damage in Kell\n\n\
               Workers clear a fallen tree in Kell on March 3, 2031.\n\
               Tomas Irving\n\n\
               High winds brought down trees across Kell overnight, cutting power to 2,000 homes.\n\n\
               Repairs were expected to last until the weekend.";
    let a = extract_text(raw, "storm.txt");
    assert_eq!(a.published, None);
    assert_body(&a, "High winds", "until the weekend.");
}

#[test]
fn deck_set_apart_by_a_wider_gap() {
    let raw = "Harbour crane collapses\n\n\
               No one was hurt when the crane fell during a storm, the port said.\n\n\n\
               A 40-metre crane collapsed onto an empty berth at Port Elmswick early on Friday.\n\n\
               The port authority said gusts had reached 110 km/h.";
    let a = extract_text(raw, "crane.txt");
    assert_eq!(
        kinds(&a, BlockKind::Standfirst),
        vec!["No one was hurt when the crane fell during a storm, the port said."]
    );
    assert_body(&a, "A 40-metre crane", "110 km/h.");
}

#[test]
fn hard_wrapped_paragraphs_are_joined() {
    let raw = "The regional court in Darrow ruled on Thursday that the quarry\n\
               expansion could go ahead, rejecting a challenge brought by three\n\
               villages that said the blasting would damage their wells.\n\n\
               Lawyers for the villages said they would appeal within the month\n\
               and asked the quarry operator to halt preparatory work until then.\n\n\
               The operator said it would begin clearing the site in the spring\n\
               and promised to monitor groundwater levels every week.";
    let a = extract_text(raw, "quarry.txt");
    assert_eq!(kinds(&a, BlockKind::Paragraph).len(), 3);
    assert_body(&a, "The regional court", "every week.");
}

#[test]
fn read_more_lines_inside_the_body_are_dropped() {
    let raw = "School roof fails inspection\n\n\
               Pupils at Carrow primary school will be taught in portable classrooms after the roof failed an inspection.\n\n\
               Read more: Council lists schools needing urgent repairs\n\n\
               The head teacher said lessons would continue as normal from Monday.";
    let a = extract_text(raw, "school.txt");
    assert_absent(&a, &["Read more", "Council lists"]);
    assert_eq!(kinds(&a, BlockKind::Paragraph).len(), 2);
}

#[test]
fn odd_inputs_do_not_panic() {
    for raw in [
        "",
        "\n\n\n",
        "_",
        "?",
        " date ",
        "date 2031-99-99 x",
        "Filed under:",
        "¿?",
        "Ünïcödé ñ 東京 🙂\n\n“”",
        "Title\n\nBy\n\nPhoto:",
    ] {
        let a = extract_text(raw, "odd.txt");
        for b in &a.blocks {
            assert!(a.text.get(b.range()).is_some());
        }
    }
}

proptest::proptest! {
    #[test]
    fn never_panics_and_ranges_are_valid(raw in "(?s).{0,400}") {
        let a = extract_text(&raw, "p.txt");
        for b in &a.blocks {
            proptest::prop_assert!(a.text.get(b.range()).is_some());
        }
    }

    #[test]
    fn never_panics_on_line_soup(lines in proptest::collection::vec("[A-Za-zñé¿?_ .,:“”]{0,60}", 0..30)) {
        let raw = lines.join("\n");
        let _ = extract_text(&raw, "p.txt");
    }
}

/// The example corpus (`examples/corpus/`, invented reports) is the
/// README's showcase: its scraped text files must come out clean.
#[test]
fn example_corpus_text_files() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_default();

    let raw = read("velmora-today.txt");
    if std::env::var_os("CROSSWIRE_DEBUG_TEXT").is_some() {
        for name in [
            "velmora-today.txt",
            "harbour-post-mp.txt",
            "diario-del-valle.txt",
        ] {
            let a = extract_text(&read(name), name);
            eprintln!(
                "== {name} title={:?} outlet={:?} date={:?} byline={:?}",
                a.title, a.outlet, a.published, a.byline
            );
            for b in &a.blocks {
                eprintln!("  {:?}: {}", b.kind, &a.text[b.range()]);
            }
        }
    }
    let a = extract_text(&raw, "velmora-today.txt");
    assert_eq!(
        a.title.as_deref(),
        Some("Velmora fire: death toll rises to 17 as missing workers are found")
    );
    assert_eq!(
        a.published.as_ref().map(|p| p.value.as_str()),
        Some("2026-04-15")
    );
    assert_body(
        &a,
        "The death toll from the fire",
        "memorial service on Saturday.",
    );
    assert_absent(
        &a,
        &[
            "Marit Solberg",
            "en imágenes",
            "Sign up",
            "suscripción",
            "Frequently",
            "How many people",
            "Archived",
        ],
    );
    assert_eq!(
        kinds(&a, BlockKind::Subhead),
        vec!["Questions over inspection"]
    );
    assert_eq!(kinds(&a, BlockKind::Standfirst).len(), 1);

    let a = extract_text(&read("harbour-post-mp.txt"), "harbour-post-mp.txt");
    assert_eq!(a.title, None);
    assert_eq!(
        a.published.as_ref().map(|p| p.value.as_str()),
        Some("2026-04-14")
    );
    assert_eq!(a.outlet.as_deref(), Some("Harbour Post"));
    assert_body(&a, "A fire at a plastics plant", "– Meridian Press (MP)");
    assert_absent(
        &a,
        &["Jonas Ekdahl", "Read more", "Filed under", "Newsroom"],
    );

    let a = extract_text(&read("diario-del-valle.txt"), "diario-del-valle.txt");
    assert_eq!(
        a.title.as_deref(),
        Some("Catorce muertos en el incendio de una fábrica de plásticos en Velmora")
    );
    assert_eq!(
        a.published.as_ref().map(|p| p.value.as_str()),
        Some("2026-04-14")
    );
    assert_eq!(a.byline, vec!["Marta Ibáñez"]);
    assert_body(
        &a,
        "Catorce trabajadores murieron",
        "tres días de luto oficial.",
    );
    assert_absent(
        &a,
        &[
            "Foto:",
            "Lee también",
            "Suscríbete",
            "Reabre el puente",
            "Archivado",
        ],
    );
}

#[test]
fn section_label_repeated_title_byline_with_job_title() {
    let raw = "World\n\n\
               Glacier lake drains overnight in the Serrat valley\n\n\
               Glacier lake drains overnight in the Serrat valley\n\n\
               By Ada Brink, Staff Writer\n\n\
               A lake held back by the Serrat glacier drained in a few hours on Sunday night, flooding two hamlets downstream.\n\n\
               Story continues below advertisement\n\n\
               Nobody was hurt, the valley's civil protection office said.\n\n\
               © 2031 The Serrat Observer";
    let a = extract_text(raw, "glacier.txt");
    assert_eq!(
        a.title.as_deref(),
        Some("Glacier lake drains overnight in the Serrat valley")
    );
    assert!(kinds(&a, BlockKind::Standfirst).is_empty());
    assert_eq!(a.byline, vec!["Ada Brink"]);
    assert_body(&a, "A lake held back", "civil protection office said.");
    assert_absent(&a, &["Story continues", "©", "World"]);
    // A copyright line is no team credit: the outlet is not guessed.
    assert_eq!(a.outlet, None);
}

#[test]
fn short_exclamation_is_a_paragraph_not_a_subhead() {
    let raw = "Lifeboat crew saves three\n\n\
               The lifeboat reached the capsized yacht off Kell Point an hour after the alarm was raised on Friday.\n\n\
               “Hold on!”\n\n\
               The crew shouted to the sailors clinging to the hull, the coxswain recalled.";
    let a = extract_text(raw, "lifeboat.txt");
    assert!(kinds(&a, BlockKind::Subhead).is_empty());
    assert_eq!(kinds(&a, BlockKind::Paragraph).len(), 3);
}

#[test]
fn subhead_named_like_a_team_is_not_an_outlet() {
    let raw = "Hospital reopens ward\n\n\
               The Darrow hospital reopened its children's ward on Monday after a year of works.\n\n\
               Hospital Staff\n\n\
               Forty nurses were hired for the ward, the hospital's director said.";
    let a = extract_text(raw, "ward.txt");
    assert_eq!(a.outlet, None);
    assert_eq!(kinds(&a, BlockKind::Subhead), vec!["Hospital Staff"]);
}

#[test]
fn spanish_faq_that_repeats_the_story_is_cut() {
    let raw = "Desalojan a 200 vecinos por un escape de gas en Almarín\n\n\
               Unos 200 vecinos del barrio del Molino de Almarín fueron desalojados el jueves por un escape de gas en una tubería de la calle Mayor.\n\n\
               Los técnicos de la compañía de gas repararon la tubería en tres horas y los vecinos volvieron a sus casas por la noche.\n\n\
               Según los bomberos, nadie resultó herido, aunque dos personas fueron atendidas por ansiedad.\n\n\
               Preguntas frecuentes sobre el escape de gas en Almarín\n\n\
               ¿Cuántos vecinos fueron desalojados en Almarín?\n\n\
               Unos 200 vecinos del barrio del Molino fueron desalojados el jueves por el escape de gas en la calle Mayor de Almarín.\n\n\
               ¿Hubo heridos por el escape de gas?\n\n\
               Nadie resultó herido, según los bomberos, aunque dos personas fueron atendidas por ansiedad.";
    let a = extract_text(raw, "gas.txt");
    assert_body(&a, "Unos 200 vecinos del barrio", "atendidas por ansiedad.");
    assert_eq!(kinds(&a, BlockKind::Paragraph).len(), 3);
    assert_absent(&a, &["Preguntas frecuentes", "¿Cuántos"]);
}

#[test]
fn published_and_updated_line_and_page_furniture() {
    let raw = "Advertisement\n\nSupported by\n\n\
               Drought forces water limits in Brenmoor\n\n\
               By Ada Brink and Tomas Irving\n\n\
               Published March 3, 2031 Updated March 4, 2031\n\n\
               Share full article\n\n\
               Brenmoor will limit garden watering to two evenings a week from Monday, the water board said, after the driest winter in 40 years.\n\n\
               Reservoirs stood at 38 percent of capacity, the board said.\n\n\
               Related Content";
    let a = extract_text(raw, "drought.txt");
    assert_eq!(
        a.title.as_deref(),
        Some("Drought forces water limits in Brenmoor")
    );
    assert!(kinds(&a, BlockKind::Standfirst).is_empty());
    assert_eq!(a.byline, vec!["Ada Brink", "Tomas Irving"]);
    assert_eq!(
        a.published.as_ref().map(|p| p.value.as_str()),
        Some("2031-03-03")
    );
    assert_body(&a, "Brenmoor will limit", "the board said.");
}

#[test]
fn wire_dateline_is_not_a_caption() {
    let raw = "Rates held at 3 percent\n\n\
               KELLHAVEN, Ostmark, May 2 (Meridian Press) - The central bank of Ostmark held its main rate at 3 percent on Thursday.\n\n\
               Policymakers said inflation had eased for a third month.";
    let a = extract_text(raw, "rates.txt");
    assert_body(&a, "KELLHAVEN, Ostmark", "for a third month.");
    assert!(kinds(&a, BlockKind::Caption).is_empty());
}

#[test]
fn fact_lists_and_bullets_stay_in_the_body() {
    let raw = "Flood toll in the Serrat valley\n\n\
               Officials gave the latest figures on Tuesday evening.\n\n\
               14 dead\n\
               23 injured\n\
               300 evacuated\n\n\
               • Two bridges on the valley road were closed\n\
               • Schools in three villages stay shut until Friday\n\n\
               Rescue teams were still searching the riverbanks, the regional government said.";
    let a = extract_text(raw, "toll.txt");
    let body = a.body_text();
    for l in [
        "14 dead",
        "23 injured",
        "300 evacuated",
        "Two bridges",
        "Schools in three",
    ] {
        assert!(body.contains(l), "{l} missing from {body:?}");
    }
    assert!(body.ends_with("the regional government said."));
}

#[test]
fn long_question_pages_stay_fast() {
    let mut raw = String::from("Readers ask the council\n\n");
    for i in 0..3000 {
        raw.push_str(&format!(
            "Question number {i} about the ferry timetable?\n\nAnswer {i}: the ferry leaves at {} o'clock from pier {}, said the harbour office.\n\n",
            i % 24,
            i % 7
        ));
    }
    let t = std::time::Instant::now();
    let a = extract_text(&raw, "long.txt");
    assert!(a.blocks.len() > 100);
    assert!(
        t.elapsed() < std::time::Duration::from_secs(20),
        "{:?}",
        t.elapsed()
    );
}

#[test]
fn outlet_is_not_read_from_a_weekday() {
    let raw = "Market hall reopens\n\n\
               The covered market in Darrow reopened on Saturday after a new roof was fitted over the winter.\n\n\
               Stallholders said trade was brisk on the first morning.\n\n\
               Sign up for our newsletter and get local news from Monday to Friday";
    let a = extract_text(raw, "market.txt");
    assert_eq!(a.outlet, None);
}

#[test]
fn furniture_above_the_headline_is_not_the_title() {
    let raw = "Skip to main contentSkip to navigation\n\
               Print subscriptions\nSign in\nSearch jobs\nSearch\nRegional edition\n\
               The Valley Ledger - Back to home\n\
               News\nOpinion\nSport\nCulture\n\
               Fire\n\
               Fire at Kell sawmill destroys timber stock\n\
               Crews from three towns fought the blaze through the night\n\
               Ada Brink\n\
               Tue 14 Apr 2031 09.30 BST\n\
               Share\n\
               A fire at the Kell sawmill destroyed most of its timber stock overnight, the owners said on Tuesday.\n\
               Firefighters from three towns were called after the alarm was raised shortly before 1am.\n\
               Explore more on these topics\n";
    let a = extract_text(raw, "sawmill.txt");
    assert_eq!(
        a.title.as_deref(),
        Some("Fire at Kell sawmill destroys timber stock")
    );
    assert_eq!(
        kinds(&a, BlockKind::Standfirst),
        vec!["Crews from three towns fought the blaze through the night"]
    );
    assert_eq!(
        a.published.as_ref().map(|p| p.value.as_str()),
        Some("2031-04-14")
    );
    assert_body(&a, "A fire at the Kell sawmill", "shortly before 1am.");
}

#[test]
fn an_end_marker_under_the_lead_does_not_cut_the_story() {
    let raw = "Council approves new bus depot\n\n\
               Darrow council approved a new electric bus depot on Wednesday after a three-hour debate.\n\n\
               Join the conversation\n\n\
               The depot will house 40 buses and open in 2033, the transport committee said.\n\n\
               Residents near the site had asked for a noise barrier, which the council agreed to fund.\n\n\
               Join the conversation\n\n\
               Ada Brink: I live next door and nobody asked me about the noise barrier at all.";
    let a = extract_text(raw, "depot.txt");
    assert_body(&a, "Darrow council approved", "agreed to fund.");
    assert_absent(&a, &["Join the conversation", "I live next door"]);
}

#[test]
fn cue_words_opening_a_sentence_stay_prose() {
    let raw = "Two arrested after warehouse fire\n\n\
               Police in Darrow arrested two men on Sunday after a fire at a disused warehouse.\n\n\
               Related to the fire, officers also seized a van found near the site.\n\n\
               Sign in the window had read closed for years, neighbours said.\n\n\
               The men were released on bail pending further inquiries.";
    let a = extract_text(raw, "arrest.txt");
    assert_eq!(kinds(&a, BlockKind::Paragraph).len(), 4);
}

#[test]
fn a_headline_ending_in_a_period_is_the_title() {
    let raw = "Ferry service to Outer Kell resumes after storm.\n\n\
               The ferry between Port Amsel and Outer Kell sailed again on Thursday morning, \
               three days after a storm tore the landing stage from its moorings and left the \
               island's four hundred residents without a crossing.\n\
               Harbour master Ines Varga said engineers had worked through two nights to anchor \
               a temporary pontoon, and that a permanent repair would take until the spring.";
    let a = extract_text(raw, "ferry.txt");
    assert_eq!(
        a.title.as_deref(),
        Some("Ferry service to Outer Kell resumes after storm.")
    );
    assert_body(&a, "The ferry between", "until the spring.");
}

#[test]
fn a_short_lead_sentence_is_not_a_title() {
    // As long as the paragraph after it: a lead, not a headline.
    let raw = "The ferry to Outer Kell sailed again on Thursday after three days.\n\n\
               Engineers anchored a temporary pontoon at the landing stage overnight.";
    let a = extract_text(raw, "ferry.txt");
    assert_eq!(a.title, None);
    // Two sentences on the first line: a paragraph.
    let raw = "The ferry sailed. The island cheered.\n\n\
               The ferry between Port Amsel and Outer Kell sailed again on Thursday morning, \
               three days after a storm tore the landing stage from its moorings and left the \
               island's four hundred residents without a crossing for the weekend.";
    assert_eq!(extract_text(raw, "ferry.txt").title, None);
}
