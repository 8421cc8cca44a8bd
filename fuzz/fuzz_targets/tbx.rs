//! The TBX reader (glossary import): never a panic; what imports compiles and round-trips.
//! The body, shared with tests/fuzz_corpus.rs, is `target_tbx` in tests/support/invariants.rs.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::target_tbx(data));
