//! Input readers: the documents of a run (files, folders, standard input, JSONL records)
//! and aligned segments (TSV, TMX, XLIFF). They turn bytes into text and say where a problem
//! is; they know nothing of glossaries.

pub mod segments;
pub mod source;
