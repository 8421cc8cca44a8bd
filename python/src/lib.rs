//! Python bindings of tifa (`tifa._tifa`): the Python package's classes and functions, thin
//! wrappers over the Rust core. The main crate is reached only through [`core`].

mod core;
mod shared;

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use pyo3::create_exception;
use pyo3::exceptions::{PyKeyError, PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};

use crate::core::{
    CacheStatus, Compiled, EntryData, FindingData, LoadError, ProblemData, Scratch, SpanData,
};
use crate::shared::{form_string, EntryStrings, Shared};

create_exception!(
    tifa,
    GlossaryError,
    PyValueError,
    "A glossary that cannot be used.\n\n\
     ``problems`` lists every problem found (each a :class:`Problem` with ``file``, ``line``,\n\
     ``column``, ``severity`` and ``message``); ``file``, ``line``, ``column`` and ``message``\n\
     are those of the first error. Lines and columns are 1-based; 0 means the problem\n\
     concerns the whole file (line) or the whole row (column)."
);

/// One problem found in a glossary file.
#[pyclass(frozen, module = "tifa", name = "Problem")]
#[derive(Clone)]
struct PyProblem {
    /// The file, as given.
    #[pyo3(get)]
    file: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    #[pyo3(get)]
    line: u64,
    /// 1-based CSV column; 0 when the problem concerns the whole row or file.
    #[pyo3(get)]
    column: u64,
    /// ``"error"`` or ``"warning"``.
    #[pyo3(get)]
    severity: &'static str,
    #[pyo3(get)]
    message: String,
    display: String,
}

impl From<&ProblemData> for PyProblem {
    fn from(p: &ProblemData) -> PyProblem {
        PyProblem {
            file: p.file.clone(),
            line: p.line,
            column: p.column,
            severity: p.severity,
            message: p.message.clone(),
            display: p.display.clone(),
        }
    }
}

#[pymethods]
impl PyProblem {
    fn __str__(&self) -> &str {
        &self.display
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Problem(file={}, line={}, column={}, severity={}, message={})",
            py_repr(py, &self.file),
            self.line,
            self.column,
            py_repr(py, self.severity),
            py_repr(py, &self.message)
        )
    }
}

/// Python's `repr` of a string.
fn py_repr(py: Python<'_>, s: &str) -> String {
    PyString::new(py, s)
        .repr()
        .map_or_else(|_| format!("{s:?}"), |r| r.to_string())
}

/// Python's `repr` of an optional string.
fn py_repr_opt(py: Python<'_>, s: Option<&str>) -> String {
    s.map_or_else(|| "None".to_string(), |s| py_repr(py, s))
}

fn glossary_error(py: Python<'_>, e: LoadError) -> PyErr {
    let text = e
        .problems
        .iter()
        .map(|p| p.display.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let err = GlossaryError::new_err(text);
    let first = e
        .problems
        .iter()
        .find(|p| p.severity == "error")
        .or(e.problems.first());
    let set = || -> PyResult<()> {
        let value = err.value(py);
        let problems: Vec<PyProblem> = e.problems.iter().map(PyProblem::from).collect();
        value.setattr("problems", problems)?;
        value.setattr("file", first.map(|p| p.file.clone()))?;
        value.setattr("line", first.map(|p| p.line))?;
        value.setattr("column", first.map(|p| p.column))?;
        value.setattr("message", first.map(|p| p.message.clone()))?;
        Ok(())
    };
    match set() {
        Ok(()) => err,
        Err(other) => other,
    }
}

/// One glossary entry: a concept with its Chinese and English forms.
#[pyclass(frozen, module = "tifa", name = "Entry")]
struct PyEntry {
    data: EntryData,
}

#[pymethods]
impl PyEntry {
    /// The stable id (``kb_id`` of spans).
    #[getter]
    fn id(&self) -> &str {
        &self.data.id
    }
    /// Simplified Chinese headword.
    #[getter]
    fn zh(&self) -> &str {
        &self.data.zh
    }
    /// Other Chinese forms.
    #[getter]
    fn zh_alt(&self) -> Vec<String> {
        self.data.zh_alt.clone()
    }
    /// Traditional Chinese forms.
    #[getter]
    fn zh_hant(&self) -> Vec<String> {
        self.data.zh_hant.clone()
    }
    /// Pinyin with tone marks.
    #[getter]
    fn pinyin(&self) -> &str {
        &self.data.pinyin
    }
    /// Preferred English rendering.
    #[getter]
    fn en(&self) -> &str {
        &self.data.en
    }
    /// Other acceptable English renderings.
    #[getter]
    fn en_alt(&self) -> Vec<String> {
        self.data.en_alt.clone()
    }
    /// Literal (machine-translation) renderings.
    #[getter]
    fn literal(&self) -> Vec<String> {
        self.data.literal.clone()
    }
    /// The category (``label`` of spans).
    #[getter]
    fn category(&self) -> &str {
        &self.data.category
    }
    #[getter]
    fn definition(&self) -> &str {
        &self.data.definition
    }
    #[getter]
    fn note(&self) -> &str {
        &self.data.note
    }
    /// Ids of related entries.
    #[getter]
    fn see_also(&self) -> Vec<String> {
        self.data.see_also.clone()
    }
    /// Forms too generic to count alone: they count only near another form of the entry
    /// or one of its cues.
    #[getter]
    fn gated(&self) -> Vec<String> {
        self.data.gated.clone()
    }
    #[getter]
    fn source(&self) -> &str {
        &self.data.source
    }

    /// Every surface form as ``(kind, form)``, headwords first; ``kind`` is one of ``zh``,
    /// ``zh_alt``, ``zh_hant``, ``en``, ``en_alt``, ``literal``.
    fn forms(&self) -> Vec<(&'static str, String)> {
        self.data.forms.clone()
    }

    /// The entry's fields as a dict (the columns of the glossary CSV).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        let e = &self.data;
        d.set_item("id", &e.id)?;
        d.set_item("zh", &e.zh)?;
        d.set_item("zh_alt", &e.zh_alt)?;
        d.set_item("zh_hant", &e.zh_hant)?;
        d.set_item("pinyin", &e.pinyin)?;
        d.set_item("en", &e.en)?;
        d.set_item("en_alt", &e.en_alt)?;
        d.set_item("literal", &e.literal)?;
        d.set_item("category", &e.category)?;
        d.set_item("definition", &e.definition)?;
        d.set_item("note", &e.note)?;
        d.set_item("see_also", &e.see_also)?;
        d.set_item("source", &e.source)?;
        Ok(d)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .downcast::<PyEntry>()
            .is_ok_and(|o| o.get().data == self.data)
    }

    fn __hash__(&self) -> u64 {
        let mut h = DefaultHasher::new();
        self.data.id.hash(&mut h);
        self.data.zh.hash(&mut h);
        h.finish()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Entry(id={}, zh={}, en={})",
            py_repr(py, &self.data.id),
            py_repr(py, &self.data.zh),
            py_repr(py, &self.data.en)
        )
    }
}

/// A glossary compiled for matching. Build one with :meth:`Glossary.builtin` or
/// :meth:`Glossary.load`; look entries up by id (``glossary["bao-hu-san"]``, ``in``), iterate
/// over them in load order, and pass the glossary to :func:`annotate`.
#[pyclass(frozen, module = "tifa", name = "Glossary")]
struct PyGlossary {
    shared: Arc<Shared>,
    warnings: Vec<ProblemData>,
    cache: CacheStatus,
}

/// A path argument: ``"builtin"`` names the compiled-in glossary.
fn glossary_path(obj: &Bound<'_, PyAny>) -> PyResult<Option<PathBuf>> {
    if let Ok(s) = obj.downcast::<PyString>() {
        if s.to_cow()? == "builtin" {
            return Ok(None);
        }
    }
    Ok(Some(obj.extract::<PathBuf>()?))
}

#[pymethods]
impl PyGlossary {
    /// The curated glossary shipped with tifa, compiled once per process.
    ///
    /// With ``cache=True`` (the default) that compile goes through the cache of compiled
    /// glossaries, as the ``tifa`` command does: read from ``$TIFA_CACHE_DIR`` (else
    /// ``$XDG_CACHE_HOME/tifa``, else ``~/.cache/tifa``) when it is there, else compiled and
    /// stored there; ``cache=False`` compiles afresh and writes nothing. The first call in a
    /// process decides; later calls return the same glossary.
    #[staticmethod]
    #[pyo3(signature = (cache=true))]
    fn builtin(py: Python<'_>, cache: bool) -> PyResult<PyGlossary> {
        let (shared, status) = Shared::builtin(py, cache).map_err(|e| glossary_error(py, e))?;
        Ok(PyGlossary {
            shared,
            warnings: Vec::new(),
            cache: status,
        })
    }

    /// Loads glossary CSV files, or folders of them (their ``*.csv`` files in name order),
    /// in order; ``"builtin"`` stands for the shipped glossary, so
    /// ``Glossary.load(["builtin", "mine.csv"])`` extends it.
    ///
    /// ``paths`` is one path (``str`` or ``os.PathLike``) or an iterable of them.
    /// Raises :class:`GlossaryError` with every problem when any is an error; warnings are
    /// kept in :attr:`warnings`.
    ///
    /// With ``cache=True`` (the default) the compiled glossary is read from the cache of
    /// compiled glossaries when the same files (path and bytes) were compiled before, else
    /// compiled and stored there, as the ``tifa`` command does; ``cache=False`` compiles
    /// afresh and writes nothing. The folder is ``$TIFA_CACHE_DIR``, else
    /// ``$XDG_CACHE_HOME/tifa``, else ``~/.cache/tifa``; one that cannot be written is no
    /// error. :attr:`cache_status` says how the cache served.
    #[staticmethod]
    #[pyo3(signature = (paths, cache=true))]
    fn load(py: Python<'_>, paths: &Bound<'_, PyAny>, cache: bool) -> PyResult<PyGlossary> {
        let list: Vec<Option<PathBuf>> =
            if paths.is_instance_of::<PyString>() || paths.hasattr("__fspath__")? {
                vec![glossary_path(paths)?]
            } else {
                let mut v = Vec::new();
                for p in paths.try_iter()? {
                    v.push(glossary_path(&p?)?);
                }
                v
            };
        if list.is_empty() {
            return Err(PyValueError::new_err("no glossary path given"));
        }
        let (core, warnings, status) = py
            .allow_threads(|| Compiled::load(&list, cache))
            .map_err(|e| glossary_error(py, e))?;
        Ok(PyGlossary {
            shared: Arc::new(Shared::new(py, core)),
            warnings,
            cache: status,
        })
    }

    /// How the cache of compiled glossaries served this glossary's compile: ``"hit"`` (read
    /// from it), ``"stored"`` (compiled and stored), ``"not stored"`` (compiled; the folder
    /// could not be written) or ``"off"`` (``cache=False``, or no cache folder).
    #[getter]
    fn cache_status(&self) -> &'static str {
        self.cache.as_str()
    }

    /// Warnings found while loading (a list of :class:`Problem`).
    #[getter]
    fn warnings(&self) -> Vec<PyProblem> {
        self.warnings.iter().map(PyProblem::from).collect()
    }

    /// The entry with this id, or ``default``.
    #[pyo3(signature = (id, default=None))]
    fn get(&self, py: Python<'_>, id: &str, default: Option<PyObject>) -> PyResult<PyObject> {
        match self.shared.core.position(id) {
            Some(i) => Ok(Py::new(
                py,
                PyEntry {
                    data: self.shared.core.entry(i),
                },
            )?
            .into_any()),
            None => Ok(default.unwrap_or_else(|| py.None())),
        }
    }

    /// The ids of the entries, in load order.
    fn ids(&self) -> Vec<String> {
        (0..self.shared.core.len())
            .map(|i| self.shared.core.span_entry(i).kb_id.to_string())
            .collect()
    }

    fn __len__(&self) -> usize {
        self.shared.core.len()
    }

    fn __getitem__(&self, id: &Bound<'_, PyAny>) -> PyResult<PyEntry> {
        let key = id
            .downcast::<PyString>()
            .map_err(|_| PyTypeError::new_err("glossary entries are looked up by id (a str)"))?
            .to_cow()?;
        match self.shared.core.position(&key) {
            Some(i) => Ok(PyEntry {
                data: self.shared.core.entry(i),
            }),
            None => Err(PyKeyError::new_err(key.into_owned())),
        }
    }

    fn __contains__(&self, id: &Bound<'_, PyAny>) -> PyResult<bool> {
        match id.downcast::<PyString>() {
            Ok(s) => Ok(self.shared.core.position(&s.to_cow()?).is_some()),
            Err(_) => Ok(false),
        }
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let entries = (0..self.shared.core.len()).map(|i| PyEntry {
            data: self.shared.core.entry(i),
        });
        let list = PyList::new(py, entries)?;
        list.as_any().try_iter().map(Bound::into_any)
    }

    /// Annotates ``text`` with this glossary (same as ``tifa.annotate(text, self, …)``).
    #[pyo3(signature = (text, overlapping=false, n_jobs=None))]
    fn annotate(
        slf: &Bound<'_, Self>,
        text: &Bound<'_, PyAny>,
        overlapping: bool,
        n_jobs: Option<isize>,
    ) -> PyResult<Vec<PySpan>> {
        annotate_one(slf.py(), &slf.get().shared, text, overlapping, n_jobs)
    }

    fn __repr__(&self) -> String {
        format!("<tifa.Glossary with {} entries>", self.shared.core.len())
    }
}

/// A glossary term found in a text. Offsets are code points (Python string indices), end
/// exclusive; ``byte_start``/``byte_end`` are UTF-8 byte offsets. The fields are those of
/// the objects in the ``spans`` array of ``tifa annotate --format jsonl``.
#[pyclass(frozen, module = "tifa", name = "Span")]
struct PySpan {
    /// Code-point offset of the first character.
    #[pyo3(get)]
    start: usize,
    /// Code-point offset after the last character.
    #[pyo3(get)]
    end: usize,
    /// UTF-8 byte offset of the first character.
    #[pyo3(get)]
    byte_start: usize,
    /// UTF-8 byte offset after the last character.
    #[pyo3(get)]
    byte_end: usize,
    /// The text matched, as it is in the input.
    #[pyo3(get)]
    text: Py<PyString>,
    /// Which kind of surface form matched: ``zh``, ``zh_alt``, ``zh_hant``, ``en``,
    /// ``en_alt`` or ``literal``.
    #[pyo3(get)]
    form: Py<PyString>,
    /// `form` for comparing and hashing without the GIL's objects.
    kind: &'static str,
    /// Index of the entry in `shared`.
    entry: usize,
    shared: Arc<Shared>,
}

/// The keys of :meth:`Span.to_dict`, in the CLI's order.
const SPAN_KEYS: [&str; 11] = [
    "start",
    "end",
    "byte_start",
    "byte_end",
    "text",
    "label",
    "kb_id",
    "zh",
    "pinyin",
    "en",
    "form",
];

impl PySpan {
    fn strings(&self) -> &EntryStrings {
        &self.shared.entries[self.entry]
    }

    fn id(&self) -> &str {
        self.shared.core.span_entry(self.entry).kb_id
    }
}

#[pymethods]
impl PySpan {
    /// The entry's id.
    #[getter]
    fn kb_id(&self, py: Python<'_>) -> Py<PyString> {
        self.strings().kb_id.clone_ref(py)
    }
    /// The entry's category.
    #[getter]
    fn label(&self, py: Python<'_>) -> Py<PyString> {
        self.strings().label.clone_ref(py)
    }
    /// The entry's Chinese headword.
    #[getter]
    fn zh(&self, py: Python<'_>) -> Py<PyString> {
        self.strings().zh.clone_ref(py)
    }
    /// The entry's pinyin.
    #[getter]
    fn pinyin(&self, py: Python<'_>) -> Py<PyString> {
        self.strings().pinyin.clone_ref(py)
    }
    /// The entry's preferred English rendering.
    #[getter]
    fn en(&self, py: Python<'_>) -> Py<PyString> {
        self.strings().en.clone_ref(py)
    }
    /// The glossary entry.
    #[getter]
    fn entry(&self) -> PyEntry {
        PyEntry {
            data: self.shared.core.entry(self.entry),
        }
    }

    /// The span as a dict with the keys and values of the CLI's JSONL span object.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        let e = self.strings();
        d.set_item(intern!(py, "start"), self.start)?;
        d.set_item(intern!(py, "end"), self.end)?;
        d.set_item(intern!(py, "byte_start"), self.byte_start)?;
        d.set_item(intern!(py, "byte_end"), self.byte_end)?;
        d.set_item(intern!(py, "text"), &self.text)?;
        d.set_item(intern!(py, "label"), &e.label)?;
        d.set_item(intern!(py, "kb_id"), &e.kb_id)?;
        d.set_item(intern!(py, "zh"), &e.zh)?;
        d.set_item(intern!(py, "pinyin"), &e.pinyin)?;
        d.set_item(intern!(py, "en"), &e.en)?;
        d.set_item(intern!(py, "form"), &self.form)?;
        Ok(d)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(o) = other.downcast::<PySpan>() else {
            return Ok(false);
        };
        let o = o.get();
        let same_place = (o.start, o.end, o.byte_start, o.byte_end, o.kind)
            == (
                self.start,
                self.end,
                self.byte_start,
                self.byte_end,
                self.kind,
            );
        Ok(same_place
            && o.id() == self.id()
            && PyAnyMethods::eq(o.text.bind(other.py()).as_any(), &self.text)?)
    }

    fn __hash__(&self) -> u64 {
        let mut h = DefaultHasher::new();
        (self.start, self.end, self.kind, self.id()).hash(&mut h);
        h.finish()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Span(start={}, end={}, text={}, kb_id={}, form={})",
            self.start,
            self.end,
            self.text.bind(py).repr()?,
            py_repr(py, self.id()),
            py_repr(py, self.kind)
        ))
    }
}

/// One finding of :func:`check_pairs`: the record of ``tifa check --format jsonl``.
#[pyclass(frozen, module = "tifa", name = "Finding")]
struct PyFinding {
    record: FindingData,
}

#[pymethods]
impl PyFinding {
    /// 1-based number of the pair.
    #[getter]
    fn segment(&self) -> usize {
        self.record.segment
    }
    /// ``literal``, ``missing``, ``untranslated`` or ``extra``.
    #[getter]
    fn kind(&self) -> &str {
        &self.record.kind
    }
    /// ``error``, ``warning`` or ``info``.
    #[getter]
    fn severity(&self) -> &str {
        &self.record.severity
    }
    /// The entry's id; ``None`` for untranslated Chinese that is no term.
    #[getter]
    fn kb_id(&self) -> Option<&str> {
        self.record.kb_id.as_deref()
    }
    #[getter]
    fn zh(&self) -> Option<&str> {
        self.record.zh.as_deref()
    }
    #[getter]
    fn en(&self) -> Option<&str> {
        self.record.en.as_deref()
    }
    /// The text found (for ``missing``, the source term).
    #[getter]
    fn found(&self) -> &str {
        &self.record.found
    }
    /// ``target``, or ``source`` for ``missing``.
    #[getter]
    fn side(&self) -> &str {
        &self.record.side
    }
    /// Code-point offsets of ``found`` in the text of ``side``.
    #[getter]
    fn start(&self) -> usize {
        self.record.start
    }
    #[getter]
    fn end(&self) -> usize {
        self.record.end
    }
    /// What to write instead, if anything.
    #[getter]
    fn suggestion(&self) -> Option<&str> {
        self.record.suggestion.as_deref()
    }
    #[getter]
    fn message(&self) -> &str {
        &self.record.message
    }

    /// The finding as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let r = &self.record;
        let d = PyDict::new(py);
        d.set_item("segment", r.segment)?;
        d.set_item("kind", &r.kind)?;
        d.set_item("severity", &r.severity)?;
        d.set_item("kb_id", &r.kb_id)?;
        d.set_item("zh", &r.zh)?;
        d.set_item("en", &r.en)?;
        d.set_item("found", &r.found)?;
        d.set_item("side", &r.side)?;
        d.set_item("start", r.start)?;
        d.set_item("end", r.end)?;
        d.set_item("suggestion", &r.suggestion)?;
        d.set_item("message", &r.message)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Finding(segment={}, kind={}, found={}, kb_id={})",
            self.record.segment,
            py_repr(py, &self.record.kind),
            py_repr(py, &self.record.found),
            py_repr_opt(py, self.record.kb_id.as_deref())
        )
    }
}

/// The UTF-8 encoding of a Python ``str`` (a ``str`` with lone surrogates raises
/// ``UnicodeEncodeError``), to be read with [`utf8`]. The stable ABI of Python 3.9 cannot
/// lend a ``str``'s UTF-8: `PyString::to_cow` encodes it into a bytes object and then copies
/// that, where keeping the bytes object costs one copy.
fn encoded<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyBytes>> {
    obj.downcast::<PyString>()
        .map_err(|_| {
            PyTypeError::new_err(format!(
                "expected a str, got {}",
                obj.get_type()
                    .name()
                    .map_or_else(|_| "an object".to_string(), |n| n.to_string())
            ))
        })?
        .encode_utf8()
}

/// The text of an [`encoded`] ``str``.
fn utf8<'a>(bytes: &'a Bound<'_, PyBytes>) -> PyResult<&'a str> {
    // Python's UTF-8 codec writes valid UTF-8; checking it reads the bytes once, where a
    // copy would allocate and write them too.
    std::str::from_utf8(bytes.as_bytes()).map_err(|e| PyValueError::new_err(e.to_string()))
}

fn shared_of(py: Python<'_>, glossary: Option<&Bound<'_, PyGlossary>>) -> PyResult<Arc<Shared>> {
    match glossary {
        Some(g) => Ok(g.get().shared.clone()),
        None => Shared::builtin(py, true)
            .map(|(shared, _)| shared)
            .map_err(|e| glossary_error(py, e)),
    }
}

/// The Python objects of the spans found in `text`. The entry fields are the glossary's
/// shared strings ([`Shared`]); only the matched text is a new string.
fn spans_of(py: Python<'_>, shared: &Arc<Shared>, text: &str, found: Vec<SpanData>) -> Vec<PySpan> {
    found
        .into_iter()
        .map(|d| PySpan {
            start: d.start,
            end: d.end,
            byte_start: d.byte_start,
            byte_end: d.byte_end,
            text: PyString::new(py, &text[d.byte_start..d.byte_end]).unbind(),
            form: form_string(py, d.form),
            kind: d.form,
            entry: d.entry,
            shared: shared.clone(),
        })
        .collect()
}

fn annotate_one(
    py: Python<'_>,
    shared: &Arc<Shared>,
    text: &Bound<'_, PyAny>,
    overlapping: bool,
    n_jobs: Option<isize>,
) -> PyResult<Vec<PySpan>> {
    let bytes = encoded(text)?;
    let text = utf8(&bytes)?;
    let threads = workers(n_jobs);
    let found = if threads <= 1 {
        py.allow_threads(|| shared.core.annotate(text, overlapping))
    } else {
        let pool = pool(threads)?;
        py.allow_threads(|| {
            shared
                .core
                .annotate_on(text, overlapping, &mut Scratch::default(), &pool)
        })
    };
    Ok(spans_of(py, shared, text, found))
}

/// Finds the glossary terms of ``text``.
///
/// Returns a list of :class:`Span` sorted by start: the leftmost-longest matches, or with
/// ``overlapping=True`` nested and overlapping ones too. ``glossary`` defaults to the
/// shipped glossary. The GIL is released while matching.
///
/// ``n_jobs`` workers share a long text (``None`` or 1, the default: one; -1: every core):
/// it is cut into windows of 64 KiB to 1 MiB, each searched with enough of the text on
/// either side that the spans are those of one pass, whatever ``n_jobs``. Worth it for
/// texts of a few megabytes on a machine with idle cores; a text under 64 KiB is searched in
/// one pass.
#[pyfunction]
#[pyo3(signature = (text, glossary=None, overlapping=false, n_jobs=None))]
fn annotate(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    glossary: Option<&Bound<'_, PyGlossary>>,
    overlapping: bool,
    n_jobs: Option<isize>,
) -> PyResult<Vec<PySpan>> {
    let shared = shared_of(py, glossary)?;
    annotate_one(py, &shared, text, overlapping, n_jobs)
}

/// :func:`annotate` with ``n_jobs`` workers on windows of ``region`` bytes (at least the
/// glossary's smallest window): for tests, many windows in a short text.
#[pyfunction]
#[pyo3(signature = (text, glossary=None, overlapping=false, n_jobs=2, region=0))]
fn _annotate_in_windows(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    glossary: Option<&Bound<'_, PyGlossary>>,
    overlapping: bool,
    n_jobs: Option<isize>,
    region: usize,
) -> PyResult<Vec<PySpan>> {
    let shared = shared_of(py, glossary)?;
    let bytes = encoded(text)?;
    let text = utf8(&bytes)?;
    let pool = pool(workers(n_jobs))?;
    let found = py.allow_threads(|| {
        shared
            .core
            .annotate_in_windows(text, overlapping, region, &pool)
    });
    Ok(spans_of(py, &shared, text, found))
}

/// The UTF-8 byte offsets where :func:`_annotate_in_windows` cuts ``text``: 0, the cuts, the
/// text's length.
#[pyfunction]
#[pyo3(signature = (text, glossary=None, region=0))]
fn _window_cuts(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    glossary: Option<&Bound<'_, PyGlossary>>,
    region: usize,
) -> PyResult<Vec<usize>> {
    let shared = shared_of(py, glossary)?;
    let bytes = encoded(text)?;
    Ok(shared.core.window_cuts(utf8(&bytes)?, region))
}

/// Thread pools by size, kept for the life of the process.
fn pool(threads: usize) -> PyResult<Arc<rayon::ThreadPool>> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    let mut pools = POOLS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(p) = pools.get(&threads) {
        return Ok(p.clone());
    }
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("tifa-{i}"))
        .build()
        .map_err(|e| PyValueError::new_err(format!("cannot start {threads} threads: {e}")))?;
    let p = Arc::new(p);
    pools.insert(threads, p.clone());
    Ok(p)
}

/// The most workers one call starts.
const MAX_WORKERS: usize = 256;

/// How many workers ``n_jobs`` asks for: ``None`` or 1 is one; 0 or a negative number is
/// every core, as in joblib (-1 every core, -2 all but one, …); at most [`MAX_WORKERS`].
fn workers(n_jobs: Option<isize>) -> usize {
    // Only asked when needed: finding the cores reads the cgroup's files, which costs more
    // than annotating a sentence.
    let cores = || std::thread::available_parallelism().map_or(1, |n| n.get());
    let n = match n_jobs {
        None => 1,
        Some(n) if n > 0 => n.unsigned_abs(),
        Some(0) => cores(),
        Some(n) => cores().saturating_sub((n + 1).unsigned_abs()).max(1),
    };
    n.min(MAX_WORKERS)
}

/// Annotates many texts; returns one list of :class:`Span` per text, in input order.
///
/// ``texts`` is any iterable of ``str`` (a list, a generator, a pandas Series). The GIL is
/// released while matching, and ``n_jobs`` workers share the texts (``None`` or 1: one;
/// -1: every core), and the windows of a long text as :func:`annotate` does. The result
/// never depends on ``n_jobs``.
#[pyfunction]
#[pyo3(signature = (texts, glossary=None, overlapping=false, n_jobs=None))]
fn annotate_many(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    glossary: Option<&Bound<'_, PyGlossary>>,
    overlapping: bool,
    n_jobs: Option<isize>,
) -> PyResult<Vec<Vec<PySpan>>> {
    let shared = shared_of(py, glossary)?;
    let core = &shared.core;
    let encoded: Vec<Bound<'_, PyBytes>> = texts
        .try_iter()?
        .map(|t| encoded(&t?))
        .collect::<PyResult<_>>()?;
    let texts: Vec<&str> = encoded.iter().map(utf8).collect::<PyResult<_>>()?;
    let threads = workers(n_jobs);
    let found: Vec<Vec<SpanData>> = if threads <= 1 || texts.is_empty() {
        py.allow_threads(|| {
            let mut scratch = Scratch::default();
            texts
                .iter()
                .map(|t| core.annotate_with(t, overlapping, &mut scratch))
                .collect()
        })
    } else {
        let pool = pool(threads)?;
        py.allow_threads(|| {
            use rayon::prelude::*;
            pool.install(|| {
                texts
                    .par_iter()
                    // A long text is cut into windows that idle workers take, so that
                    // one book among short articles does not leave them waiting.
                    .map_init(Scratch::default, |scratch, t| {
                        core.annotate_on(t, overlapping, scratch, &pool)
                    })
                    .collect()
            })
        })
    };
    Ok(texts
        .iter()
        .zip(found)
        .map(|(t, f)| spans_of(py, &shared, t, f))
        .collect())
}

/// Checks aligned segments as ``tifa check`` does.
///
/// ``pairs`` is an iterable of ``(source, target)`` pairs: Chinese source, English target.
/// Returns a list of :class:`Finding`, pair by pair (``Finding.segment`` is the 1-based
/// number of the pair): literal renderings, missing terms, untranslated Chinese and extra
/// terms. The GIL is released while checking.
#[pyfunction]
#[pyo3(signature = (pairs, glossary=None))]
fn check_pairs(
    py: Python<'_>,
    pairs: &Bound<'_, PyAny>,
    glossary: Option<&Bound<'_, PyGlossary>>,
) -> PyResult<Vec<PyFinding>> {
    let core = &shared_of(py, glossary)?.core;
    let mut owned: Vec<(String, String)> = Vec::new();
    for item in pairs.try_iter()? {
        let item = item?;
        let parts: Vec<Bound<'_, PyAny>> = if item.is_instance_of::<PyString>() {
            Vec::new()
        } else {
            item.try_iter()
                .and_then(|it| it.collect::<PyResult<_>>())
                .unwrap_or_default()
        };
        let [source, target] = <[Bound<'_, PyAny>; 2]>::try_from(parts)
            .map_err(|_| PyTypeError::new_err("check_pairs expects (source, target) pairs"))?;
        let pair = (source, target);
        owned.push((
            utf8(&encoded(&pair.0)?)?.to_owned(),
            utf8(&encoded(&pair.1)?)?.to_owned(),
        ));
    }
    let records: Vec<FindingData> = py.allow_threads(|| {
        owned
            .iter()
            .enumerate()
            .flat_map(|(i, (s, t))| core.check(i + 1, s, t))
            .collect()
    });
    Ok(records
        .into_iter()
        .map(|record| PyFinding { record })
        .collect())
}

/// The compiled module ``tifa._tifa``; ``import tifa`` re-exports it.
#[pymodule]
fn _tifa(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyGlossary>()?;
    m.add_class::<PyEntry>()?;
    m.add_class::<PySpan>()?;
    m.add_class::<PyFinding>()?;
    m.add_class::<PyProblem>()?;
    m.add("GlossaryError", m.py().get_type::<GlossaryError>())?;
    m.add("SPAN_KEYS", SPAN_KEYS.to_vec())?;
    m.add_function(wrap_pyfunction!(annotate, m)?)?;
    m.add_function(wrap_pyfunction!(annotate_many, m)?)?;
    m.add_function(wrap_pyfunction!(_annotate_in_windows, m)?)?;
    m.add_function(wrap_pyfunction!(_window_cuts, m)?)?;
    m.add_function(wrap_pyfunction!(check_pairs, m)?)?;
    Ok(())
}
