//! The XLIFF 1.2/2.x reader: segments or one error, never a panic.
//! The body, shared with tests/fuzz_corpus.rs, is `target_xliff` in tests/support/invariants.rs.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::target_xliff(data));
