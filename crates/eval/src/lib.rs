//! Evaluation of crosswire against gold data.
#![deny(missing_docs)]
