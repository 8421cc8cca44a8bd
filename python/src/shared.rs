//! A compiled glossary as the Python objects share it: the core's [`Compiled`] with the
//! entry fields a span carries already made into Python strings.
//!
//! A glossary term found a thousand times used to cost a thousand new strings for each of
//! its fields (one per read of `span.kb_id`, `span.en`, …). Made once per glossary, every
//! span of the entry shares them, and reading a field costs a reference count.

use std::sync::Arc;

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::PyString;

use crate::core::{CacheStatus, Compiled, LoadError};

/// The entry fields of a span record, as Python strings.
pub struct EntryStrings {
    pub kb_id: Py<PyString>,
    pub label: Py<PyString>,
    pub zh: Py<PyString>,
    pub pinyin: Py<PyString>,
    pub en: Py<PyString>,
}

/// A compiled glossary and the Python strings of its entries' span fields, by entry index.
pub struct Shared {
    pub core: Arc<Compiled>,
    pub entries: Vec<EntryStrings>,
}

impl Shared {
    pub fn new(py: Python<'_>, core: Arc<Compiled>) -> Shared {
        let entries = (0..core.len())
            .map(|i| {
                let e = core.span_entry(i);
                let s = |v: &str| PyString::new(py, v).unbind();
                EntryStrings {
                    kb_id: s(e.kb_id),
                    label: s(e.label),
                    zh: s(e.zh),
                    pinyin: s(e.pinyin),
                    en: s(e.en),
                }
            })
            .collect();
        Shared { core, entries }
    }

    /// The shipped glossary, compiled (or read from the cache of compiled glossaries, when
    /// `use_cache`) and made into strings once per process; the first call decides how.
    /// Also says how the cache served that first call.
    pub fn builtin(
        py: Python<'_>,
        use_cache: bool,
    ) -> Result<(Arc<Shared>, CacheStatus), LoadError> {
        static BUILTIN: GILOnceCell<(Arc<Shared>, CacheStatus)> = GILOnceCell::new();
        BUILTIN
            .get_or_try_init(py, || {
                // Compiling takes a while: other threads may run meanwhile.
                let (core, status) = py.allow_threads(|| Compiled::builtin(use_cache))?;
                Ok((Arc::new(Shared::new(py, core)), status))
            })
            .cloned()
    }
}

/// The Python string of a form kind (`zh`, `zh_alt`, … `literal`), made once per process.
pub fn form_string(py: Python<'_>, kind: &'static str) -> Py<PyString> {
    let s = match kind {
        "zh" => intern!(py, "zh"),
        "zh_alt" => intern!(py, "zh_alt"),
        "zh_hant" => intern!(py, "zh_hant"),
        "en" => intern!(py, "en"),
        "en_alt" => intern!(py, "en_alt"),
        "literal" => intern!(py, "literal"),
        // A kind the core adds later still works, at the cost of a string per span.
        other => return PyString::new(py, other).unbind(),
    };
    s.clone().unbind()
}
