//! The link stage: which articles are copies or rewrites of one another.
//!
//! Two reports only corroborate each other when they come from independent
//! origins. This crate groups articles into [`OriginCluster`]s from four
//! kinds of evidence:
//!
//! - **copies**: word-shingle containment (a republished wire story, even
//!   trimmed or lightly edited), with MinHash LSH to find candidates among
//!   many articles ([`fingerprint`]);
//! - **rewrites**: the outlet's own sentences (outside what someone is
//!   quoted as saying) still align after rewording and reordering, and the
//!   names are kept. Two reports that quote one speech share the speech,
//!   not a story;
//! - **translations**: two languages, the same numbers and names in the
//!   same order, sentence by sentence ([`anchor_agreement`],
//!   [`sentence_pairing`]);
//! - **agency credits**: "(AFP)", "told Reuters", "con información de EFE",
//!   told apart from citations such as "according to AP" ([`credits`]),
//!   and only with some shared wording: one agency files many stories.
//!
//! Entry point: [`find_origins`]. Event grouping for corpus mode (which
//! articles report the same real-world event) is in [`events`].
#![deny(missing_docs)]

pub mod credits;
pub mod events;
pub mod fingerprint;
mod origins;

pub use credits::{find_credits, Credit, CreditKind};
pub use events::{
    group_batch, split_events, Assignment, Counted, EventDoc, EventId, EventIndex, EventOptions,
    SplitOff,
};
pub use origins::{
    anchor_agreement, find_origins, sentence_pairing, AnchorAgreement, LinkReason, OriginCluster,
    OriginLink, OriginOptions, Origins,
};
