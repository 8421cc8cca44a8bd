"""tifa: find Chinese official formulations (提法) in Chinese and English text.

tifa links every occurrence of a term — in Chinese, in its approved English renderings, and
in the word-for-word renderings machine translation produces ("protective umbrellas" for
保护伞) — to a curated bilingual glossary. The matching is done by tifa's Rust core, the
same code as the ``tifa`` command line tool, so results are identical to
``tifa annotate --format jsonl``.

>>> import tifa
>>> [(s.text, s.kb_id, s.form) for s in tifa.annotate('They acted as "protective umbrellas" (保護傘).')]
[('protective umbrellas', 'bao-hu-san', 'en'), ('保護傘', 'bao-hu-san', 'zh_hant')]

Offsets (``start``, ``end``) are code points, so ``text[span.start:span.end] == span.text``.
The spaCy component is registered as ``"tifa"`` (``nlp.add_pipe("tifa")``); spaCy is
optional and only imported by :mod:`tifa.spacy_component`.
"""

from typing import Iterable, Iterator, List, Optional

from ._tifa import (
    SPAN_KEYS,
    Entry,
    Finding,
    Glossary,
    GlossaryError,
    Problem,
    Span,
    annotate,
    annotate_many,
    check_pairs,
)

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
    "iter_annotate",
]

__version__ = "0.1.0"


def iter_annotate(
    texts: Iterable[str],
    glossary: Optional[Glossary] = None,
    overlapping: bool = False,
    n_jobs: Optional[int] = None,
    batch_size: int = 1000,
) -> Iterator[List[Span]]:
    """Like :func:`annotate_many`, but lazily: reads ``texts`` ``batch_size`` at a time and
    yields one list of :class:`Span` per text, in input order, so that memory follows the
    batch, not the corpus (for a file read line by line, or a database cursor)."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    batch: List[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) >= batch_size:
            yield from annotate_many(batch, glossary, overlapping, n_jobs)
            batch = []
    if batch:
        yield from annotate_many(batch, glossary, overlapping, n_jobs)
