//! Fixtures are invented; none is copied from real reports.

use super::*;

#[test]
fn placeholder() {
    assert!(languages().any(|l| l == "en"));
}
