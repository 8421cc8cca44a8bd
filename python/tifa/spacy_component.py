"""The spaCy pipeline component ``"tifa"``.

Registered through the ``spacy_factories`` entry point, so no import is needed::

    import spacy
    nlp = spacy.blank("en")                      # or spacy.blank("zh"), or a trained pipeline
    nlp.add_pipe("tifa", config={"set_ents": True})
    doc = nlp('They acted as "protective umbrellas".')
    for span in doc.spans["tifa"]:
        print(span.text, span.label_, span.kb_id_, span._.tifa_en, span._.tifa_form)

Each term found by tifa becomes a :class:`spacy.tokens.Span` of ``doc.spans[spans_key]``
with ``label_`` the entry's category and ``kb_id_`` its id, aligned to tokens with
``Doc.char_span(..., alignment_mode=...)`` ("expand" by default, so a term inside a longer
token, as Chinese often is, still gets a span). The entry's fields are span extensions:

========================  ==================================================================
``span._.tifa_zh``         Chinese headword
``span._.tifa_pinyin``     pinyin
``span._.tifa_en``         preferred English rendering
``span._.tifa_form``       the kind of form that matched (``zh``, ``zh_hant``, ``literal`` …)
``span._.tifa_definition`` the entry's definition
``span._.tifa_start``      tifa's own code-point offsets of the term (before token alignment)
``span._.tifa_end``
========================  ==================================================================

The extension values are kept in ``doc.user_data``, so they survive ``DocBin`` with
``store_user_data=True``. With ``set_ents=True`` the terms that do not overlap each other
(longest first) or an existing entity are added to ``doc.ents``.

Config (``nlp.add_pipe("tifa", config={...})``):

- ``glossary``: ``None`` (the shipped glossary), a path, or a list of paths (``"builtin"``
  names the shipped glossary), as for :meth:`tifa.Glossary.load`.
- ``overlapping``: also report nested and overlapping terms (default ``False``).
- ``spans_key``: the ``doc.spans`` key (default ``"tifa"``).
- ``set_ents``: also write ``doc.ents`` (default ``False``).
- ``alignment_mode``: ``"expand"`` (default), ``"contract"`` or ``"strict"``; terms that do not
  align are left out.
- ``n_jobs``: workers for ``nlp.pipe`` batches and for a long doc's windows in ``nlp(text)``
  (default 1; -1 for every core); the spans never depend on it.
"""

from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Tuple, Union

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import Glossary, annotate, annotate_many

__all__ = ["TifaComponent", "make_tifa", "EXTENSIONS"]

#: The span extensions the component sets, and the field each one reads.
EXTENSIONS: Dict[str, str] = {
    "tifa_zh": "zh",
    "tifa_pinyin": "pinyin",
    "tifa_en": "en",
    "tifa_form": "form",
    "tifa_definition": "definition",
    "tifa_start": "start",
    "tifa_end": "end",
}

#: First item of the ``doc.user_data`` keys that hold the fields of each span.
USER_DATA_KEY = "tifa"

_ALIGNMENT_MODES = ("expand", "contract", "strict")


def _key(start_char: int, end_char: int, kb_id: str) -> Tuple[str, int, int, str]:
    return (USER_DATA_KEY, start_char, end_char, kb_id)


def _getter(field: str) -> Callable[[Span], Any]:
    def get(span: Span) -> Any:
        fields = span.doc.user_data.get(_key(span.start_char, span.end_char, span.kb_id_))
        return None if fields is None else fields.get(field)

    get.__name__ = f"get_{field}"
    return get


def _register_extensions() -> None:
    # spaCy keeps extension values per (name, start_char, end_char), so two terms aligned to
    # the same tokens would overwrite each other's values; getters keyed by kb_id do not.
    for name, field in EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, getter=_getter(field))


class TifaComponent:
    """Finds glossary terms with tifa and stores them as spans of ``doc.spans[spans_key]``."""

    def __init__(
        self,
        nlp: Language,
        name: str = "tifa",
        *,
        glossary: Union[str, List[str], None] = None,
        overlapping: bool = False,
        spans_key: str = "tifa",
        set_ents: bool = False,
        alignment_mode: str = "expand",
        n_jobs: int = 1,
    ) -> None:
        if alignment_mode not in _ALIGNMENT_MODES:
            raise ValueError(
                f"alignment_mode must be one of {', '.join(_ALIGNMENT_MODES)}, not {alignment_mode!r}"
            )
        self.name = name
        self.glossary_config = glossary
        self.glossary = Glossary.builtin() if glossary is None else Glossary.load(glossary)
        self.overlapping = overlapping
        self.spans_key = spans_key
        self.set_ents = set_ents
        self.alignment_mode = alignment_mode
        self.n_jobs = n_jobs
        _register_extensions()

    def __getstate__(self) -> Dict[str, Any]:
        # The compiled glossary is rebuilt from its paths (for spaCy's multiprocessing with
        # the spawn start method, which pickles the pipeline).
        state = dict(self.__dict__)
        del state["glossary"]
        return state

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.__dict__.update(state)
        g = state["glossary_config"]
        self.glossary = Glossary.builtin() if g is None else Glossary.load(g)
        _register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        found = annotate(doc.text, self.glossary, overlapping=self.overlapping, n_jobs=self.n_jobs)
        return self._apply(doc, found)

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Annotates docs a batch at a time, with ``n_jobs`` workers, in order."""
        batch: List[Doc] = []
        for doc in stream:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, docs: List[Doc]) -> Iterator[Doc]:
        found = annotate_many(
            [d.text for d in docs],
            self.glossary,
            overlapping=self.overlapping,
            n_jobs=self.n_jobs,
        )
        for doc, spans in zip(docs, found):
            yield self._apply(doc, spans)

    def _apply(self, doc: Doc, found: list) -> Doc:
        spans: List[Span] = []
        entries: Dict[str, Any] = {}
        for s in found:
            span = doc.char_span(
                s.start,
                s.end,
                label=s.label,
                kb_id=s.kb_id,
                alignment_mode=self.alignment_mode,
            )
            if span is None:
                continue
            entry = entries.get(s.kb_id)
            if entry is None:
                entry = entries[s.kb_id] = self.glossary[s.kb_id]
            key = _key(span.start_char, span.end_char, s.kb_id)
            if key not in doc.user_data:
                doc.user_data[key] = {
                    "zh": s.zh,
                    "pinyin": s.pinyin,
                    "en": s.en,
                    "form": s.form,
                    "definition": entry.definition,
                    "start": s.start,
                    "end": s.end,
                }
            spans.append(span)
        doc.spans[self.spans_key] = spans
        if self.set_ents:
            taken = set()
            for ent in doc.ents:
                taken.update(range(ent.start, ent.end))
            new = [
                s
                for s in filter_spans(spans)
                if not any(i in taken for i in range(s.start, s.end))
            ]
            if new:
                doc.ents = sorted(list(doc.ents) + new, key=lambda s: s.start)
        return doc


@Language.factory(
    "tifa",
    default_config={
        "glossary": None,
        "overlapping": False,
        "spans_key": "tifa",
        "set_ents": False,
        "alignment_mode": "expand",
        "n_jobs": 1,
    },
)
def make_tifa(
    nlp: Language,
    name: str,
    glossary: Optional[Union[str, List[str]]],
    overlapping: bool,
    spans_key: str,
    set_ents: bool,
    alignment_mode: str,
    n_jobs: int,
) -> TifaComponent:
    """The factory of the ``"tifa"`` component (see the module's documentation)."""
    return TifaComponent(
        nlp,
        name,
        glossary=glossary,
        overlapping=overlapping,
        spans_key=spans_key,
        set_ents=set_ents,
        alignment_mode=alignment_mode,
        n_jobs=n_jobs,
    )
