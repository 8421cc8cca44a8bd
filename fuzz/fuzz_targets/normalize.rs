//! The normalizer and its offset map: monotone, inside the text, on character boundaries.
//! The body, shared with tests/fuzz_corpus.rs, is `target_normalize` in tests/support/invariants.rs.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::target_normalize(data));
