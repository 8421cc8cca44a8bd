//! Annotate end to end with the curated glossary through every renderer, read back.
//! The body, shared with tests/fuzz_corpus.rs, is `target_annotate` in tests/support/invariants.rs.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::target_annotate(data));
