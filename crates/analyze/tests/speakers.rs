//! Quote speakers on invented fixtures: attribution after tokenised
//! marks, continuations, statements and descriptions.

mod common;
use common::{article, quotes};
use crosswire_model::Article;

/// The speaker named for the quote holding `needle` (the innermost direct
/// one first).
fn speaker(a: &Article, needle: &str) -> Option<String> {
    let qs = quotes(a);
    let q = qs
        .iter()
        .filter(|(t, _)| t.contains(needle))
        .min_by_key(|(t, q)| (!q.direct, t.len()))
        .unwrap_or_else(|| panic!("no quote {needle:?} in {qs:?}"));
    q.1.speaker.clone()
}

#[test]
fn a_closing_mark_glued_to_a_long_name_still_closes() {
    // Tokenised text writes the closing mark against the next word; the
    // cue comes only after initials and a possessor ("Doe's lawyer").
    let a = article(
        "en",
        &["The court ruled on Monday. \"He is calm. He is grateful for the ruling, and his friends think the court finally listened, \"Doe's lawyer Ivo B. Marten told the Harbour Courier. \"He wants to go home. \""],
    );
    assert_eq!(speaker(&a, "He is calm").as_deref(), Some("Ivo B. Marten"));
    assert_eq!(
        speaker(&a, "wants to go home").as_deref(),
        Some("Ivo B. Marten")
    );
    assert!(!quotes(&a).iter().any(|(t, _)| t.contains("told")));
}

#[test]
fn a_quote_running_on_after_its_attribution_keeps_its_speaker() {
    let a = article(
        "en",
        &["\"They fear nothing, \"Ann Lusk, the shop's insurer, told Radio Norte. \"It happens every month now. \""],
    );
    assert_eq!(speaker(&a, "fear nothing").as_deref(), Some("Ann Lusk"));
    assert_eq!(speaker(&a, "every month now").as_deref(), Some("Ann Lusk"));
    // Words after a reopened mark that go on with a pronoun and a verb
    // of saying are the quote's, not an attribution.
    let b = article(
        "en",
        &["Mayor Tom Vell spoke at noon. He added : \"We will stand by the families. This is the least we can do. \"To those who mourn we say that the guilty will be found. \" The strike went on."],
    );
    assert!(quotes(&b)
        .iter()
        .any(|(t, _)| t.starts_with("To those who mourn")));
}

#[test]
fn a_document_speaks_for_whoever_issued_it() {
    let a = article(
        "en",
        &[
            "Four people were hurt at the plant. Norvex Logistics issued a statement on Tuesday. \"We mourn a colleague and a friend, \"the statement said. \"We thank our staff for their courage. \"",
            "Ferry services were cut on Friday, the Kelvar Port Authority said. \"Nobody yet knows why the line failed, '' a statement said.",
            "In a press statement released on Monday, the Harbour Board urged restraint. \"Both unions must come back to the table, \" read the press release.",
            "The centre-right daily Il Vespro warned of unrest. \"Unless the council listens, the anger will only grow, \" the paper said.",
        ],
    );
    assert_eq!(
        speaker(&a, "mourn a colleague").as_deref(),
        Some("Norvex Logistics")
    );
    assert_eq!(
        speaker(&a, "thank our staff").as_deref(),
        Some("Norvex Logistics")
    );
    assert_eq!(
        speaker(&a, "why the line failed").as_deref(),
        Some("Kelvar Port Authority")
    );
    assert_eq!(
        speaker(&a, "come back to the table").as_deref(),
        Some("Harbour Board")
    );
    assert_eq!(
        speaker(&a, "anger will only grow").as_deref(),
        Some("Il Vespro")
    );
}

#[test]
fn a_name_beside_a_description_speaks_and_goes_on_speaking() {
    let a = article(
        "en",
        &[
            "\"We have no wish to fight, \" said a harbour board spokesman, Ivo B. Marten. \"A strike helps nobody. \"",
            "\"He was always late with the rent, \"Sheriff Tom Lusk told the Delvin (Orvenna) Evening - Courier. \"He never paid on time. \"",
        ],
    );
    assert_eq!(
        speaker(&a, "no wish to fight").as_deref(),
        Some("Ivo B. Marten")
    );
    assert_eq!(
        speaker(&a, "helps nobody").as_deref(),
        Some("Ivo B. Marten")
    );
    assert_eq!(speaker(&a, "never paid").as_deref(), Some("Tom Lusk"));
}

#[test]
fn a_pronoun_finds_a_described_speaker_of_its_gender_past_her_own_quote() {
    let a = article(
        "en",
        &[
            "Two ferry routes were halted, a Norvex spokeswoman who asked not to be named said. Norvex does not know why, she said. \"There are two theories. One is a storm surge, '' she said. \"Another is a broken winch. ''",
        ],
    );
    assert_eq!(
        speaker(&a, "two theories").as_deref(),
        Some("a Norvex spokeswoman")
    );
}

#[test]
fn an_age_before_an_inverted_name_is_stepped_over() {
    let a = article(
        "en",
        &[
            "Mayor Tom Vell defended the cuts. \"We will come back every week! Nothing changes if we stay home, \" said 76-year-old Ann Lusk, a retired teacher.",
            "\"They took everything, \" said 81 - year - old Ivo Marten.",
        ],
    );
    assert_eq!(speaker(&a, "Nothing changes").as_deref(), Some("Ann Lusk"));
    assert_eq!(
        speaker(&a, "took everything").as_deref(),
        Some("Ivo Marten")
    );
}

#[test]
fn someone_named_after_a_preposition_does_not_cut_a_continuation() {
    let a = article(
        "en",
        &["The fire started at noon. \"We heard a crash, \" said Ann Lusk, who shares an office with Tom Vell. \"I ran to the door and hid. \""],
    );
    assert_eq!(speaker(&a, "ran to the door").as_deref(), Some("Ann Lusk"));
}

#[test]
fn the_one_quoted_as_saying_speaks() {
    let a = article(
        "en",
        &[
            "Ann Lusk, the governor of Kelvar, was quoted by state television as saying the bridges would reopen within a week.",
            "Ivo Marten, head of the Delvin weather centre, dismissed fears of a flood, Radio Norte reported. ''The river has room to spare this year, '' he was quoted as saying.",
        ],
    );
    assert_eq!(
        speaker(&a, "bridges would reopen").as_deref(),
        Some("Ann Lusk")
    );
    assert_eq!(speaker(&a, "room to spare").as_deref(), Some("Ivo Marten"));
}

#[test]
fn a_quote_after_reported_speech_goes_on_with_its_speaker() {
    let a = article(
        "en",
        &[
            "The patrol boat reached the freighter at dawn, a Kelvar Coast Guard statement said. \"When the cutter came close, the smugglers threw their cargo overboard. '' Divers boarded the larger boat and seized its nets, the statement said. The crew would be handed to the port police, the statement added.",
        ],
    );
    assert_eq!(
        speaker(&a, "When the cutter came close").as_deref(),
        Some("Kelvar Coast Guard")
    );
    assert_eq!(
        speaker(&a, "Divers boarded").as_deref(),
        Some("Kelvar Coast Guard")
    );
    // "the statement" again: the one introduced before it.
    assert_eq!(
        speaker(&a, "handed to the port police").as_deref(),
        Some("Kelvar Coast Guard")
    );
}

#[test]
fn an_unnamed_speaker_is_described_with_the_place_after_it() {
    let a = article(
        "en",
        &["Power was cut across the island. \"We hid under the table. The walls shook for a minute, \" one woman in Kelvar told Radio Norte."],
    );
    assert_eq!(
        speaker(&a, "hid under the table").as_deref(),
        Some("one woman in Kelvar")
    );
}

#[test]
fn people_named_by_their_organisation_speak_as_a_group() {
    let a = article(
        "en",
        &[
            "In Ostra, Harbour Union officials tried to reassure savers, insisting it was a \"one-off\" of bad bookkeeping.",
            "\"Who decided where the fence goes? \"Ivo Marten questioned, noting that the farm is ten miles away.",
            "Doe's lawyer, Ann Lusk, hinted at \"anomalies\" in the case.",
        ],
    );
    assert_eq!(
        speaker(&a, "one-off").as_deref(),
        Some("Harbour Union officials")
    );
    assert_eq!(speaker(&a, "Who decided").as_deref(), Some("Ivo Marten"));
    assert_eq!(speaker(&a, "anomalies").as_deref(), Some("Ann Lusk"));
}

#[test]
fn portuguese_inversion_roles_and_a_spokesman_of_a_company() {
    let a = article(
        "pt",
        &[
            "A ministra da Saúde, Carla Mendes, visitou o hospital na segunda-feira. \"Reforçamos todos os turnos\", disse a ministra.",
            "O porta-voz da empresa Aldana escreveu em sua conta no Twitter: \"Continuamos trabalhando\".",
            "\"Quem vai pagar a obra?\", perguntou o prefeito Tomás Ribeiro.",
        ],
    );
    assert_eq!(speaker(&a, "Reforçamos").as_deref(), Some("Carla Mendes"));
    assert_eq!(
        speaker(&a, "Continuamos").as_deref(),
        Some("O porta-voz da empresa Aldana")
    );
    assert_eq!(
        speaker(&a, "Quem vai pagar").as_deref(),
        Some("Tomás Ribeiro")
    );
}

#[test]
fn spanish_a_spokesman_of_a_company_is_described_with_it() {
    let a = article(
        "es",
        &["El portavoz de la empresa Aldana escribió en su cuenta de Twitter: «Seguimos trabajando»."],
    );
    assert_eq!(
        speaker(&a, "Seguimos").as_deref(),
        Some("El portavoz de la empresa Aldana")
    );
}

#[test]
fn a_relative_clause_speaks_for_its_antecedent() {
    let a = article(
        "en",
        &[
            "The raids drew condemnation from the Harbour Board, which said the \"reckless and unjustified\" raids risked a wider strike.",
            "Neighbours had to calm an elderly man outside the depot, who wept and cried \"my boat, my boat.\"",
        ],
    );
    assert_eq!(
        speaker(&a, "reckless and unjustified").as_deref(),
        Some("Harbour Board")
    );
    assert_eq!(
        speaker(&a, "my boat").as_deref(),
        Some("an elderly man outside the depot")
    );
}

#[test]
fn a_part_of_a_company_speaks_as_the_company() {
    let a = article(
        "en",
        &["A company official said the impact was small. Norvex Telecom's Arvo broadband unit said the outage \"seriously slowed\" traffic to the islands."],
    );
    assert_eq!(speaker(&a, "seriously slowed").as_deref(), Some("Arvo"));
}

#[test]
fn spanish_inversion_after_an_adjunct() {
    let a = article(
        "es",
        &[
            "La alcaldesa de Villaseca, Lucía Arnal, y el ministro del Interior, Jaime Otero, visitaron la zona el martes.",
            "«Nadie quedará atrás», escribió en su cuenta de X el ministro Otero. «¿Dónde estaba el Gobierno?», preguntó a la prensa la alcaldesa.",
            "«Hoy abrimos la nueva planta», dijo con entusiasmo Ramón Pardo, director del proyecto.",
        ],
    );
    assert_eq!(speaker(&a, "Nadie quedará").as_deref(), Some("Jaime Otero"));
    assert_eq!(speaker(&a, "Dónde estaba").as_deref(), Some("Lucía Arnal"));
    assert_eq!(speaker(&a, "nueva planta").as_deref(), Some("Ramón Pardo"));
}

#[test]
fn an_unnamed_correspondent_of_an_outlet_is_described_with_it() {
    let a = article(
        "en",
        &["A Norvex Broadcasting Corporation correspondent reported hearing a large blast, then saw \"a hole three metres across\" by the market."],
    );
    assert_eq!(
        speaker(&a, "a hole three").as_deref(),
        Some("Norvex Broadcasting Corporation correspondent")
    );
}

#[test]
fn a_name_after_a_description_and_its_complement_speaks() {
    let a = article(
        "es",
        &["«Fue una noche muy larga», declaró la jefa de bomberos, Rosa Quintal, que dirigió a 60 efectivos. El sindicato de trabajadores portuarios de Kelvar aseguró que el muelle era inseguro."],
    );
    assert_eq!(
        speaker(&a, "noche muy larga").as_deref(),
        Some("Rosa Quintal")
    );
    assert_eq!(
        speaker(&a, "el muelle era inseguro").as_deref(),
        Some("El sindicato de trabajadores portuarios de Kelvar")
    );
}

#[test]
fn unnamed_analysts_speak_and_a_heading_quote_is_a_pull_quote() {
    let a = article(
        "en",
        &[
            "The deal was signed on Monday.",
            "Analysts warn that, although the merger may lift profits, it may also anger the regulators.",
            "A large plane was seen heading north. 'Entirely untrue' Several residents of the camp told him it was a bomber. The army spokesman, Ivo Marten, told reporters: \"This story is entirely untrue. We fired at nothing.\"",
        ],
    );
    assert_eq!(
        speaker(&a, "anger the regulators").as_deref(),
        Some("Analysts")
    );
    assert_eq!(
        speaker(&a, "Entirely untrue").as_deref(),
        Some("Ivo Marten")
    );
}

#[test]
fn a_contrasting_clause_reports_its_own_speaker() {
    let a = article(
        "en",
        &[
            "The radio says it saw no damage, but Mr Lusk, the mayor of Kelvar, said that 30 homes had collapsed.",
            "\"The fault is still being traced, '' a statement said, while a spokesman said sabotage was unlikely.",
        ],
    );
    assert_eq!(speaker(&a, "30 homes had").as_deref(), Some("Lusk"));
    assert_eq!(
        speaker(&a, "sabotage was unlikely").as_deref(),
        Some("a spokesman")
    );
}

#[test]
fn a_heading_takes_the_speaker_of_the_quote_it_shortens() {
    let a = article(
        "en",
        &["The storm struck at noon. 'We all ran' The Kelvar Survey put the wind at 120 km/h. \"We all ran outside. The roof came off, \" one woman in Ostra told Radio Norte."],
    );
    assert_eq!(
        speaker(&a, "We all ran").as_deref(),
        Some("one woman in Ostra")
    );
}

#[test]
fn a_single_mark_before_a_comma_closes() {
    let a = article(
        "en",
        &["The 'big prize', as fleet chief Admiral Ivo Marten had later described the seizure, turned out to be a fishing boat. The crew don't know who owns it."],
    );
    assert_eq!(speaker(&a, "big prize").as_deref(), Some("Ivo Marten"));
    assert!(quotes(&a)
        .iter()
        .all(|(t, _)| !t.contains("turned out") && !t.contains("t know")));
}

#[test]
fn italian_and_french_inversion_after_an_auxiliary() {
    let it = article(
        "it",
        &["\"Non lasceremo nessuno indietro\", ha detto il ministro. \"Stiamo lavorando giorno e notte\" commenta Giulia Vanni, portavoce dei vigili del fuoco."],
    );
    assert_eq!(
        speaker(&it, "Non lasceremo")
            .map(|s| s.to_lowercase())
            .as_deref(),
        Some("il ministro")
    );
    assert_eq!(
        speaker(&it, "Stiamo lavorando").as_deref(),
        Some("Giulia Vanni")
    );
    let fr = article(
        "fr",
        &["« Nous ne laisserons personne de côté », a déclaré le ministre. « Nous travaillons jour et nuit », a affirmé Claire Vanel, porte-parole des pompiers."],
    );
    assert_eq!(
        speaker(&fr, "personne de côté")
            .map(|s| s.to_lowercase())
            .as_deref(),
        Some("le ministre")
    );
    assert_eq!(
        speaker(&fr, "jour et nuit").as_deref(),
        Some("Claire Vanel")
    );
}

#[test]
fn groups_speak_through_present_cues_and_participles() {
    let a = article(
        "en",
        &[
            "Tens of thousands marched in Kelvar. People demand \"Open the books\" and new elections.",
            "Mayor Tom Vell spoke at noon. While they led the march, other protesters joined them in blocking the police with carts, shouting \"Shame!\"",
            "Oil demand fell in March, traders said.",
        ],
    );
    assert_eq!(speaker(&a, "Open the books").as_deref(), Some("People"));
    assert_eq!(speaker(&a, "Shame").as_deref(), Some("other protesters"));
    // A noun that is also a cue does not report speech.
    assert!(quotes(&a).iter().all(|(_, q)| q
        .cue
        .as_deref()
        .is_none_or(|c| !c.starts_with("demand"))
        || q.direct));
}

#[test]
fn a_writer_speaks_through_a_journal() {
    let a = article(
        "en",
        &[
            "Inspector Tom Vell read from the logs of the accused. He quoted Ivo Marks' journals, which said he sailed at night for \"practice.\"",
            "Ships were kept away. A Kelvar Port Authority report said the harbour was \"unsafe\".",
        ],
    );
    assert_eq!(speaker(&a, "practice").as_deref(), Some("Ivo Marks"));
    assert_eq!(
        speaker(&a, "unsafe").as_deref(),
        Some("Kelvar Port Authority")
    );
}

#[test]
fn the_man_is_someone_met_before() {
    let a = article(
        "en",
        &["Jurors heard tapes of Ivo Marten giving orders to his crew. \"Keep rowing and do not look back, \" the man says."],
    );
    assert_eq!(speaker(&a, "Keep rowing").as_deref(), Some("Ivo Marten"));
}

#[test]
fn a_quote_inside_a_sentence_of_the_story_is_no_continuation() {
    let a = article(
        "en",
        &["\"We will pursue them,\" Ivo Marten said. The Kelvar Coast Guard has patrolled the strait since May to \"keep the lanes open.\""],
    );
    assert_ne!(
        speaker(&a, "keep the lanes open").as_deref(),
        Some("Ivo Marten")
    );
}

#[test]
fn the_airline_is_the_one_named_and_the_one_told_never_speaks() {
    let a = article(
        "en",
        &[
            "Norvex Airlines cancelled 40 flights on Friday. \"Safety comes first,\" the airline said in a statement.",
            "Police arrested two men. \"We found a knife,\" one officer told the Kelvar Courier.",
        ],
    );
    assert_eq!(
        speaker(&a, "Safety comes first").as_deref(),
        Some("Norvex Airlines")
    );
    assert_eq!(speaker(&a, "found a knife").as_deref(), Some("one officer"));
}

#[test]
fn it_is_never_a_person() {
    let a = article(
        "en",
        &[
            "President Lena Farrow spoke to reporters on Monday.",
            "Norway issued a statement condemning \"in the strongest terms\" what it called \"reckless moves\" at the border.",
        ],
    );
    for needle in ["strongest terms", "reckless moves"] {
        let q = quotes(&a)
            .into_iter()
            .find(|(t, _)| t.contains(needle))
            .map(|(_, q)| q);
        let speaker = q.as_ref().and_then(|q| q.speaker.clone());
        assert_ne!(speaker.as_deref(), Some("Lena Farrow"), "{q:?}");
        assert_eq!(speaker.as_deref(), Some("Norway"), "{q:?}");
    }
}

#[test]
fn a_voice_on_a_recording_is_someone_met_before() {
    // "a man's voice says": the voice of the man the tapes were said to
    // hold, as "the man says" would be; a quote left running on after it
    // keeps that speaker.
    let a = article(
        "en",
        &["Jurors heard tapes seized at the farm depicting Ivo Marten giving orders to his crew. \"Keep rowing and do not look back, \" a man's voice says. \"Row until dawn. \""],
    );
    assert_eq!(speaker(&a, "Keep rowing").as_deref(), Some("Ivo Marten"));
    assert_eq!(speaker(&a, "Row until dawn").as_deref(), Some("Ivo Marten"));
}

#[test]
fn a_name_after_before_that_opens_a_clause_is_its_subject() {
    // "before Lee was to ask the council to …": Lee asks, the council is
    // asked; a quote of that clause with no cue is Lee's.
    let a = article(
        "en",
        &["The arrests came days before Mayor Ann Lusk was to ask the Harbour Council to approve \"every lawful step\" against the smugglers."],
    );
    assert_eq!(
        speaker(&a, "every lawful step").as_deref(),
        Some("Ann Lusk")
    );
}

#[test]
fn an_abbreviated_region_after_a_place_never_speaks() {
    // The writer left out the comma before the cue: "…, Kelvar County, Ks.
    // said" is the man named first, in apposition with his title.
    let a = article(
        "en",
        &["Tom Vell, the county attorney in Kelvar County, Ks. said on Monday that \"the ruling changes nothing here. \""],
    );
    assert_eq!(
        speaker(&a, "the ruling changes nothing").as_deref(),
        Some("Tom Vell")
    );
}

#[test]
fn the_words_of_a_banner_are_its_carriers() {
    // Nobody says a banner's words aloud: those who unfurl or carry it
    // speak, never the place where they stand.
    let a = article(
        "en",
        &[
            "A group of about 300 anarchists had occupied the Vardo Citadel on Monday, unfurling banners reading \"Workers of the coast, unite. \"",
            "Protesters carried signs saying \"No more cuts\" outside the Kelvar Tower.",
        ],
    );
    assert_eq!(
        speaker(&a, "Workers of the coast").as_deref(),
        Some("A group of about 300 anarchists")
    );
    assert_eq!(speaker(&a, "No more cuts").as_deref(), Some("Protesters"));
}

#[test]
fn a_quote_opened_inside_an_unclosed_one_is_its_own() {
    // The first quote is never closed; a line of the story runs into the
    // next one, which opens against its first word and is closed by the
    // tokenised closing mark.
    let a = article(
        "en",
        &["Ann Lee told the forum : \"The need for better patrols is clear. Ann Lee urged owners to guard their ships better \"As with fraud, theft at sea hurts every nation that trades. '' Lee said most ships could outrun the raiders."],
    );
    assert_eq!(speaker(&a, "As with fraud").as_deref(), Some("Ann Lee"));
}

#[test]
fn a_passive_cue_reports_nothing_of_its_subject() {
    // "was announced", "is said to": nobody named speaks there; the
    // sentence's own cue after it does.
    let a = article(
        "en",
        &[
            "After the new judge was announced, Ann Lusk accused the city council of bias in the hiring of its staff.",
            "The driver is said to have fled across the border.",
            "The Kelvar Courier is claiming that the mayor will resign.",
        ],
    );
    assert_eq!(
        speaker(&a, "mayor will resign").as_deref(),
        Some("Kelvar Courier")
    );
    assert_eq!(speaker(&a, "of bias").as_deref(), Some("Ann Lusk"));
    assert!(!quotes(&a).iter().any(|(t, _)| t.contains("have fled")));
}

#[test]
fn signs_held_by_some_of_a_crowd_are_not_the_nearest_name() {
    // "some of whom held signs reading …": the holders are the crowd, not
    // the player named before them.
    let a = article(
        "en",
        &["Ivo Marten bowed to the crowd, some of whom held signs reading \"Marten 40\" as they cheered."],
    );
    assert_ne!(speaker(&a, "Marten 40").as_deref(), Some("Ivo Marten"));
}

#[test]
fn a_bare_role_noun_is_the_one_person_named_with_that_title() {
    // "a spokesman said" before the article names its one spokesman: the
    // same person. A description saying whom it speaks for stays itself,
    // and with two spokesmen named nobody is chosen.
    let a = article(
        "en",
        &["The cable was cut on Friday, and a spokesman said repairs would take a week. \"We have sent a ship, \" said Norvex spokesman Ivo Marten."],
    );
    assert_eq!(
        speaker(&a, "repairs would take a week").as_deref(),
        Some("Ivo Marten")
    );
    let b = article(
        "en",
        &["The cable was cut on Friday, and a spokesman said repairs would take a week. \"We have sent a ship, \" said Norvex spokesman Ivo Marten. \"We are waiting, \" said port spokesman Tom Vell."],
    );
    assert_ne!(
        speaker(&b, "repairs would take a week").as_deref(),
        Some("Ivo Marten")
    );
    assert_ne!(
        speaker(&b, "repairs would take a week").as_deref(),
        Some("Tom Vell")
    );
}

#[test]
fn an_aside_in_brackets_never_speaks() {
    // A time zone or a credit in brackets is no subject; reports nobody
    // names leave the words unattributed.
    let a = article(
        "en",
        &["Voters in Kelvar began to cast their ballots at 8 : 00 am (0300 GMT) on Sunday in the fourth election, said reports from the capital."],
    );
    let q = quotes(&a)
        .into_iter()
        .find(|(t, _)| t.contains("cast their ballots"))
        .map(|(_, q)| q);
    let speaker = q.as_ref().and_then(|q| q.speaker.clone());
    assert_ne!(speaker.as_deref(), Some("GMT"), "{q:?}");
    assert_ne!(speaker.as_deref(), Some("their"), "{q:?}");
}

#[test]
fn a_region_or_a_party_tag_set_off_by_commas_never_speaks() {
    let a = article(
        "en",
        &[
            "A harbour boss was arrested in a large sweep, police in Vardo, Kelvaria, said on Monday.",
            "Rep. Tom Vell, D-Ks., said members may try to block the rule.",
        ],
    );
    assert_eq!(
        speaker(&a, "harbour boss was arrested").as_deref(),
        Some("police in Vardo")
    );
    assert_eq!(speaker(&a, "members may try").as_deref(), Some("Tom Vell"));
}

#[test]
fn the_person_named_after_an_organisation_and_a_title_speaks() {
    // "said Norvex analyst Ann Lusk": the analyst, not the firm; "said a
    // Western diplomat": the diplomat the adjective qualifies; two people
    // joined by "and": the first named.
    let a = article(
        "en",
        &[
            "\"The deal looks daunting, \" said Norvex Research analyst Ann Lusk.",
            "\"The facade has changed, \" said a Western diplomat.",
            "\"We are thrilled, \" said Vell and Marten jointly.",
        ],
    );
    assert_eq!(
        speaker(&a, "deal looks daunting").as_deref(),
        Some("Ann Lusk")
    );
    assert_eq!(
        speaker(&a, "facade has changed").as_deref(),
        Some("Western diplomat")
    );
    assert_eq!(speaker(&a, "We are thrilled").as_deref(), Some("Vell"));
}

#[test]
fn a_group_before_a_relative_clause_speaks_and_an_adjective_is_no_cue() {
    let a = article(
        "en",
        &[
            "The two jurors, who did not give their names, said the talks had been tense.",
            "The case has been hard on his alleged victims, says Tom Vell.",
        ],
    );
    assert_eq!(
        speaker(&a, "talks had been tense").as_deref(),
        Some("The two jurors")
    );
    assert_eq!(
        speaker(&a, "hard on his alleged victims").as_deref(),
        Some("Tom Vell")
    );
}

#[test]
fn a_spokesman_for_a_body_named_after_an_article_is_described_with_it() {
    // "the Harbour Watch Project" reads like a name of someone, but a name
    // after "the" is a body the spokesman speaks for.
    let a = article(
        "en",
        &["A spokesman for the Harbour Watch Project, a group that tracks ships, said the crews of both ships were safe and unhurt on Friday."],
    );
    assert_eq!(
        speaker(&a, "crews of both ships were safe").as_deref(),
        Some("A spokesman for the Harbour Watch Project")
    );
}

#[test]
fn a_country_right_before_the_cue_speaks_through_its_government() {
    // Not the ship named in the clause before it.
    let a = article(
        "en",
        &["The raiders will be handed over to the coast guard, and the Aldan will return to its patrol, Norway said."],
    );
    assert_eq!(
        speaker(&a, "handed over to the coast guard").as_deref(),
        Some("Norway")
    );
}

#[test]
fn a_question_closing_its_sentence_keeps_its_speaker() {
    // "…?” Although Norway said …" starts another sentence: the question
    // goes on with the woman who spoke before, not the country.
    let a = article(
        "en",
        &["\"The shed is gone, \" Ann Lusk said. \"Who will help us now? \" Although Norway said its flares fell far from the farm, neighbours reported a fire."],
    );
    assert_eq!(
        speaker(&a, "Who will help us now").as_deref(),
        Some("Ann Lusk")
    );
}

#[test]
fn a_reported_clause_quoting_a_few_of_its_words_is_reported_speech() {
    // "…, which said the “…” raids raise the risk of war": the clause is
    // the speaker's, not only the marked words; a passive is no one's.
    let a = article(
        "en",
        &[
            "The raids drew anger from the Harbour Council, which said the \"reckless\" raids raise the risk of war along the coast.",
            "Two coaches were accused of acting \"against the rules\" by failing to report the payments.",
        ],
    );
    assert_eq!(
        speaker(&a, "raids raise the risk of war").as_deref(),
        Some("Harbour Council")
    );
    assert!(!quotes(&a)
        .iter()
        .any(|(t, q)| !q.direct && t.contains("failing to report")));
}

#[test]
fn initials_after_a_name_are_stepped_over() {
    let a = article(
        "en",
        &["In a statement, the chief executive, Sister Ann Lusk, OP, said that the group \"rejoices\" at the news."],
    );
    assert_eq!(speaker(&a, "rejoices").as_deref(), Some("Ann Lusk"));
}

#[test]
fn spanish_according_to_a_described_person_is_the_person_named() {
    // "según la portavoz de bomberos Ana Ruiz": the named spokeswoman, not
    // the description before her name.
    let a = article(
        "es",
        &["El fuego destruyó tres almacenes del muelle de Vardo, según la portavoz de bomberos Ana Ruiz."],
    );
    assert_eq!(speaker(&a, "tres almacenes").as_deref(), Some("Ana Ruiz"));
}

/// The speaker of the reported speech whose content holds `needle`.
fn reported_by(a: &Article, needle: &str) -> Option<String> {
    quotes(a)
        .into_iter()
        .find(|(t, q)| !q.direct && t.contains(needle))
        .unwrap_or_else(|| panic!("no reported speech {needle:?} in {:?}", quotes(a)))
        .1
        .speaker
}

#[test]
fn a_subject_before_an_auxiliary_speaks_and_a_pronoun_goes_on_with_it() {
    // The auxiliary, and adverbs between it and the participle, stand
    // between the subject and the cue in French and Italian.
    let fr = article(
        "fr",
        &["Jean Dubois a par ailleurs souligné que les écoles resteraient fermées jusqu'à vendredi. Il a ajouté que des renforts étaient en route."],
    );
    assert_eq!(
        reported_by(&fr, "écoles resteraient").as_deref(),
        Some("Jean Dubois")
    );
    assert_eq!(
        reported_by(&fr, "renforts étaient").as_deref(),
        Some("Jean Dubois")
    );
    let it = article(
        "it",
        &["Il ministro Marco Rossi ha dichiarato martedì che la situazione è sotto controllo. I vigili del fuoco sono rimasti sul posto tutta la notte."],
    );
    assert_eq!(
        reported_by(&it, "sotto controllo").as_deref(),
        Some("Marco Rossi")
    );
    // What was said starts after the conjunction, not at the date.
    assert!(quotes(&it)
        .iter()
        .any(|(t, q)| !q.direct && t.starts_with("la situazione")));
}

#[test]
fn a_cue_without_a_subject_speaks_for_the_one_the_story_is_about() {
    // Spanish, Italian and Portuguese leave the subject out: the verb's
    // ending says who.
    let es = article(
        "es",
        &["El alcalde Carlos Pérez llegó al lugar por la noche. «Haremos todo lo posible», dijo. Añadió que los refuerzos estaban en camino."],
    );
    assert_eq!(
        speaker(&es, "Haremos todo").as_deref(),
        Some("Carlos Pérez")
    );
    assert_eq!(
        reported_by(&es, "refuerzos estaban").as_deref(),
        Some("Carlos Pérez")
    );
    let it = article(
        "it",
        &["Il sindaco Marco Rossi è arrivato sul posto in serata. Ha aggiunto che i rinforzi sono in arrivo."],
    );
    assert_eq!(
        reported_by(&it, "rinforzi sono").as_deref(),
        Some("Marco Rossi")
    );
    let pt = article(
        "pt",
        &["O prefeito João Silva chegou ao local à noite. Acrescentou que os reforços estavam a caminho."],
    );
    assert_eq!(
        reported_by(&pt, "reforços estavam").as_deref(),
        Some("João Silva")
    );
}

#[test]
fn spanish_participles_are_cues_and_a_determiner_is_not() {
    let es = article(
        "es",
        &["«Nadie sabía nada», afirmó Ana Ruiz. «La investigación será larga», ha dicho el fiscal Carlos Pérez. Dicho informe se publicará el lunes."],
    );
    assert_eq!(
        speaker(&es, "investigación será larga").as_deref(),
        Some("Carlos Pérez")
    );
    // "Dicho" as a determiner reports nothing.
    assert!(!quotes(&es).iter().any(|(t, _)| t.contains("publicará")));
}

#[test]
fn german_inversion_postposed_attribution_and_reversed_guillemets() {
    let de = article(
        "de",
        &[
            "Am Dienstag sagte Hans Weber, die Ermittlungen würden lange dauern.",
            "Hans Weber zufolge könnte die Zahl der Opfer noch steigen.",
            "»Wir werden alles aufklären«, sagte Anna Vogt am Abend.",
        ],
    );
    assert_eq!(
        reported_by(&de, "Ermittlungen würden").as_deref(),
        Some("Hans Weber")
    );
    assert_eq!(
        reported_by(&de, "Opfer noch steigen").as_deref(),
        Some("Hans Weber")
    );
    let qs = quotes(&de);
    let direct = qs
        .iter()
        .find(|(_, q)| q.direct)
        .unwrap_or_else(|| panic!("no direct quote in {qs:?}"));
    assert_eq!(direct.0, "Wir werden alles aufklären");
    assert_eq!(direct.1.speaker.as_deref(), Some("Anna Vogt"));
}

#[test]
fn a_long_relative_clause_between_subject_and_cue_is_stepped_over() {
    // The relative clause between the senator and the cue runs past
    // fifteen words, and names a company on the way.
    let it = article(
        "it",
        &["La senatrice Paola Neri, che proviene dalla stessa regione in cui Norvex ha costruito il suo primo stabilimento di treni merci, ha osservato che la scelta è deludente."],
    );
    assert_eq!(
        reported_by(&it, "scelta è deludente").as_deref(),
        Some("Paola Neri")
    );
}

#[test]
fn french_inverted_pronoun_after_a_hyphen() {
    let fr = article(
        "fr",
        &["La préfète Claire Vanel s'est rendue sur place. « Nous ferons toute la lumière sur cet accident », affirme-t-elle."],
    );
    assert_eq!(
        speaker(&fr, "toute la lumière").as_deref(),
        Some("Claire Vanel")
    );
}

#[test]
fn a_pronoun_after_an_attribution_word_and_a_dash_quote() {
    let fr = article(
        "fr",
        &["Le préfet Jean Dubois s'est rendu sur place. Selon lui, le bilan pourrait encore s'alourdir."],
    );
    assert_eq!(
        reported_by(&fr, "bilan pourrait").as_deref(),
        Some("Jean Dubois")
    );
    let es = article(
        "es",
        &[
            "El fiscal Carlos Pérez habló con la prensa.",
            "—La investigación será larga —dijo Pérez.",
        ],
    );
    assert_eq!(
        speaker(&es, "investigación será larga").as_deref(),
        Some("Carlos Pérez")
    );
}
