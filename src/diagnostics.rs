//! The messages of a run for the user: every task reports through this one type, and only
//! the binary prints them.

/// A message for the user: errors count against the exit status, notes do not.
#[derive(Debug)]
pub enum Message {
    /// An input that failed; the run goes on with the others.
    Error(String),
    /// Something the user should know about an input that was still used.
    Warning(String),
    /// A file skipped on purpose, say.
    Note(String),
    /// Work done so far, after each chunk; `total_bytes` is known for file inputs.
    Progress {
        /// Documents done.
        documents: u64,
        /// Input bytes done.
        bytes: u64,
        /// All input bytes, when known.
        total_bytes: Option<u64>,
    },
}
