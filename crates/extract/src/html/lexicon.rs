//! Per-language phrases of page furniture, as data: adding a language is
//! adding a table here, not editing the extractor.
//!
//! Entries are regex fragments matched against a whole, lowercased block
//! (case-insensitively); `.*` lets a phrase start a longer line.

use once_cell::sync::Lazy;
use regex::Regex;

/// The phrases of one language.
pub(crate) struct Lexicon {
    /// Lines that are never article text ("Advertisement", "Share").
    pub furniture: &'static [&'static str],
    /// Openings of legal notices and disclaimers, matched at the start of
    /// a block of any length up to a paragraph.
    pub legal: &'static [&'static str],
    /// Headings of boxes that point to other pages ("Related stories");
    /// the list that follows goes too.
    pub pointers: &'static [&'static str],
}

const EN: Lexicon = Lexicon {
    furniture: &[
        r"advertisement|advertising|advert|sponsored",
        r".*requires javascript.*|.*enable javascript.*",
        r"read more.*|continue reading.*|related(?: \w+)?(?::.*)?|see also:.*|more:.*",
        r"share(?: this)?(?: (?:article|story|post))?:?|tweet|email|print",
        r"sign up.*|subscribe.*|follow us.*|click here.*",
        r"image|photo|video|caption|credit",
        r"(?:skip|jump) to.*|back to top|loading\.*",
        r"this (?:article|story) (?:is|was) (?:originally|first|updated|published|produced|part|adapted).*",
        r"©.*|copyright (?:©|\(c\)|@|\d{4}).*|all rights reserved.*",
        r"(?:\d+ )?comments?|leave a (?:comment|reply).*|post a comment",
    ],
    legal: &[
        r"disclaimer\s*:.*",
        r"this (?:document|material|content|article) is (?:subject to|protected by) copyright.*",
        r"citation\s*:.*retrieved.*",
    ],
    pointers: &[
        r"related(?: (?:articles|stories|posts|content|coverage|news|links))?",
        r"(?:more|other|top|recommended|popular|latest|trending) (?:[\w’']+ )?(?:stories|articles|news|posts|reads|videos)",
        r"recommended(?: for you)?|you (?:may|might) (?:also )?(?:like|enjoy|be interested in).*",
        r"explore further|sponsored(?: (?:links|content|stories))?",
        r"read (?:next|more|also)|see also|also read|don['’]t miss",
        r"partner (?:news|content)|from our partners|promoted (?:stories|content)",
        // The tiles of other products under a product's page.
        r"related (?:items|products)(?: to explore)?|more like this|similar (?:items|products)",
        r"(?:customers|people) who (?:bought|viewed) this.*|(?:frequently )?bought together",
        // A table of contents points into the page itself.
        r"(?:table of )?contents(?: hide| show)?|in this (?:article|post|guide)|on this page|jump to section",
    ],
};

const DE: Lexicon = Lexicon {
    furniture: &[
        r"anzeige|werbung|teilen",
        r"lesen sie (?:auch|mehr).*|mehr zum thema.*",
        r"kommentare?",
    ],
    legal: &[r"haftungsausschluss\s*:.*"],
    pointers: &[r"lesen sie auch|mehr zum thema|weitere artikel"],
};

const ES: Lexicon = Lexicon {
    furniture: &[
        r"publicidad|compartir",
        r"lee (?:también|más).*|lea (?:también|más).*",
        r"comentarios?",
    ],
    legal: &[r"aviso legal\s*:.*"],
    pointers: &[r"lee también|te puede interesar|noticias relacionadas|relacionad[oa]s"],
};

const PT: Lexicon = Lexicon {
    furniture: &[r"publicidade|compartilhe", r"leia (?:também|mais).*"],
    legal: &[],
    pointers: &[r"leia (?:também|mais)|veja também|relacionad[oa]s"],
};

const FR: Lexicon = Lexicon {
    furniture: &[
        r"publicité|partager",
        r"voir aussi.*|lire aussi.*|à lire aussi.*",
        r"commentaires?",
    ],
    legal: &[r"avertissement\s*:.*|clause de non-responsabilité\s*:.*"],
    pointers: &[r"à lire aussi|lire aussi|sur le même sujet|voir aussi"],
};

const IT: Lexicon = Lexicon {
    furniture: &[r"pubblicità|condividi", r"leggi anche.*", r"commenti"],
    legal: &[],
    pointers: &[r"leggi anche|potrebbe interessarti"],
};

const RU: Lexicon = Lexicon {
    furniture: &[
        r"реклама|поделиться",
        r"комментари[йи]|добавить (?:отзыв|комментарий)",
        r"читайте также.*",
    ],
    legal: &[],
    pointers: &[
        r"читайте также|смотрите также|похожие (?:статьи|новости)",
        r"самые (?:популярные|читаемые).*|популярное",
    ],
};

const ID: Lexicon = Lexicon {
    furniture: &[r"iklan|bagikan", r"baca juga.*"],
    legal: &[],
    pointers: &[r"baca juga|berita terkait|iklan"],
};

const JA: Lexicon = Lexicon {
    furniture: &[r"広告|シェア|コメント"],
    legal: &[],
    pointers: &[r"関連記事|関連ニュース|おすすめ記事|人気記事|あわせて読みたい"],
};

const ZH: Lexicon = Lexicon {
    furniture: &[r"广告|廣告|分享|评论|評論"],
    legal: &[],
    pointers: &[
        r"相关文章|相關文章|相关新闻|相關新聞|推荐阅读|推薦閱讀|热门文章|熱門文章|延伸阅读|延伸閱讀",
    ],
};

const KO: Lexicon = Lexicon {
    furniture: &[r"광고|공유|댓글"],
    legal: &[],
    pointers: &[r"관련 ?기사|많이 본 (?:뉴스|기사)|추천 기사"],
};

/// Not a language: markup residue such as WordPress shortcodes
/// (`[button link="..."]Send us your review[/button]`).
const MARKUP: Lexicon = Lexicon {
    furniture: &[r"\[\w+[^\]]*\].*\[/\w+\]"],
    legal: &[],
    pointers: &[],
};

/// Every language's table.
const ALL: &[&Lexicon] = &[
    &MARKUP, &EN, &DE, &ES, &PT, &FR, &IT, &RU, &ID, &JA, &ZH, &KO,
];

fn build(pick: fn(&Lexicon) -> &'static [&'static str], tail: &str) -> Regex {
    let alternatives: Vec<&str> = ALL.iter().flat_map(|l| pick(l).iter().copied()).collect();
    Regex::new(&format!("(?i)^(?:{}){tail}$", alternatives.join("|"))).expect("lexicon regex")
}

/// Lines that are site furniture even inside the article container.
pub(crate) static FURNITURE: Lazy<Regex> = Lazy::new(|| build(|l| l.furniture, ""));

/// Legal notices and disclaimers.
pub(crate) static LEGAL: Lazy<Regex> = Lazy::new(|| build(|l| l.legal, ""));

/// Headings of boxes that point elsewhere ("Related stories").
pub(crate) static POINTER_HEADING: Lazy<Regex> = Lazy::new(|| build(|l| l.pointers, "[.:!…]*"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_compile_and_match() {
        assert!(FURNITURE.is_match("Advertisement"));
        assert!(FURNITURE.is_match("You need to enable JavaScript to run this app."));
        assert!(FURNITURE.is_match("Lesen Sie auch: Der Sturm"));
        assert!(!FURNITURE.is_match("The advertisement campaign was pulled on Monday."));
        assert!(!FURNITURE.is_match("Related to the storm, officials closed the port."));
        assert!(!FURNITURE.is_match("This story is about a family who lost everything."));
        assert!(FURNITURE.is_match("This story was originally published by ProPublica."));
        assert!(POINTER_HEADING.is_match("Related Stories:"));
        assert!(POINTER_HEADING.is_match("Читайте также"));
        assert!(POINTER_HEADING.is_match("関連記事"));
        assert!(POINTER_HEADING.is_match("Related items to explore"));
        assert!(!POINTER_HEADING.is_match("Related items were found in the shed."));
        assert!(POINTER_HEADING.is_match("Table of Contents"));
        assert!(!POINTER_HEADING.is_match("Contents of the shed were sold."));
        assert!(LEGAL.is_match("Disclaimer: The views expressed are the author's own."));
        assert!(!LEGAL.is_match("The disclaimer was added later, she said."));
        assert!(!POINTER_HEADING.is_match("Related to the storm, officials said"));
    }
}
