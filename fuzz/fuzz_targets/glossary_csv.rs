//! The glossary CSV loader: never a panic; round trip; what loads compiles.
//! The body, shared with tests/fuzz_corpus.rs, is `target_glossary_csv` in tests/support/invariants.rs.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::target_glossary_csv(data));
