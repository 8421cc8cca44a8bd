"""Type stubs of the compiled module ``tifa._tifa`` (re-exported by ``tifa``)."""

import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple, TypeVar, Union, final, overload

__all__ = [
    "SPAN_KEYS",
    "Entry",
    "Finding",
    "Glossary",
    "GlossaryError",
    "Problem",
    "Span",
    "annotate",
    "annotate_many",
    "check_pairs",
]

_T = TypeVar("_T")
_Path = Union[str, "os.PathLike[str]"]

SPAN_KEYS: List[str]
"""The keys of :meth:`Span.to_dict`, in the order of the CLI's JSONL span object."""

class GlossaryError(ValueError):
    """A glossary that cannot be used. ``problems`` lists every problem; ``file``, ``line``,
    ``column`` and ``message`` are those of the first error (line and column 1-based, 0 when
    the problem concerns the whole file or row)."""

    problems: List[Problem]
    file: Optional[str]
    line: Optional[int]
    column: Optional[int]
    message: Optional[str]

@final
class Problem:
    """One problem found in a glossary file."""

    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def severity(self) -> str:
        """``"error"`` or ``"warning"``."""
    @property
    def message(self) -> str: ...

@final
class Entry:
    """One glossary entry: a concept with its Chinese and English forms."""

    @property
    def id(self) -> str: ...
    @property
    def zh(self) -> str: ...
    @property
    def zh_alt(self) -> List[str]: ...
    @property
    def zh_hant(self) -> List[str]: ...
    @property
    def pinyin(self) -> str: ...
    @property
    def en(self) -> str: ...
    @property
    def en_alt(self) -> List[str]: ...
    @property
    def literal(self) -> List[str]: ...
    @property
    def category(self) -> str: ...
    @property
    def definition(self) -> str: ...
    @property
    def note(self) -> str: ...
    @property
    def see_also(self) -> List[str]: ...
    @property
    def source(self) -> str: ...
    @property
    def gated(self) -> List[str]: ...
    def forms(self) -> List[Tuple[str, str]]:
        """Every surface form as ``(kind, form)``, headwords first."""
    def to_dict(self) -> Dict[str, Union[str, List[str]]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Glossary:
    """A glossary compiled for matching."""

    @staticmethod
    def builtin(cache: bool = True) -> Glossary:
        """The curated glossary shipped with tifa, compiled once per process; with
        ``cache=True`` that compile reads (or fills) the cache of compiled glossaries."""
    @staticmethod
    def load(paths: Union[_Path, Iterable[_Path]], cache: bool = True) -> Glossary:
        """Loads glossary CSV files or folders, in order (``"builtin"``: the shipped glossary).
        With ``cache=True`` the compiled glossary is read from the cache of compiled
        glossaries (``$TIFA_CACHE_DIR``, else ``$XDG_CACHE_HOME/tifa``, else
        ``~/.cache/tifa``) or stored there; ``cache=False`` compiles afresh and writes
        nothing. Raises :class:`GlossaryError`."""
    @property
    def warnings(self) -> List[Problem]: ...
    @property
    def cache_status(self) -> str:
        """How the cache served the compile: ``"hit"``, ``"stored"``, ``"not stored"`` (the
        folder could not be written) or ``"off"``."""
    @overload
    def get(self, id: str) -> Optional[Entry]: ...
    @overload
    def get(self, id: str, default: _T) -> Union[Entry, _T]: ...
    def ids(self) -> List[str]: ...
    def annotate(
        self, text: str, overlapping: bool = False, n_jobs: Optional[int] = None
    ) -> List[Span]:
        """Same as ``tifa.annotate(text, self, overlapping, n_jobs)``."""
    def __len__(self) -> int: ...
    def __getitem__(self, id: str, /) -> Entry: ...
    def __contains__(self, id: object, /) -> bool: ...
    def __iter__(self) -> Iterator[Entry]: ...

@final
class Span:
    """A glossary term found in a text (offsets in code points, end exclusive). The entry
    fields of all spans of one entry are the same string objects."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def byte_start(self) -> int: ...
    @property
    def byte_end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def kb_id(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def zh(self) -> str: ...
    @property
    def pinyin(self) -> str: ...
    @property
    def en(self) -> str: ...
    @property
    def form(self) -> str: ...
    @property
    def entry(self) -> Entry: ...
    def to_dict(self) -> Dict[str, Union[int, str]]:
        """The CLI's JSONL span object."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Finding:
    """One finding of :func:`check_pairs` (a record of ``tifa check --format jsonl``)."""

    @property
    def segment(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def kb_id(self) -> Optional[str]: ...
    @property
    def zh(self) -> Optional[str]: ...
    @property
    def en(self) -> Optional[str]: ...
    @property
    def found(self) -> str: ...
    @property
    def side(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def suggestion(self) -> Optional[str]: ...
    @property
    def message(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...

def annotate(
    text: str,
    glossary: Optional[Glossary] = None,
    overlapping: bool = False,
    n_jobs: Optional[int] = None,
) -> List[Span]:
    """Finds the glossary terms of ``text`` (GIL released while matching). ``n_jobs``
    workers (``None`` or 1, the default: one; -1: every core) share a long text, cut into
    windows whose spans are those of one pass."""

def annotate_many(
    texts: Iterable[str],
    glossary: Optional[Glossary] = None,
    overlapping: bool = False,
    n_jobs: Optional[int] = None,
) -> List[List[Span]]:
    """Annotates many texts, in input order, with ``n_jobs`` workers (-1: every core); a long
    text's windows are shared among them too."""

def check_pairs(
    pairs: Iterable[Tuple[str, str]], glossary: Optional[Glossary] = None
) -> List[Finding]:
    """Checks aligned (Chinese source, English target) pairs as ``tifa check`` does."""
