"""tifa: find Chinese official formulations (提法) in Chinese and English text.

tifa links every occurrence of a term — in Chinese, in its approved English renderings, and
in the word-for-word renderings machine translation produces ("protective umbrellas" for
保护伞) — to a curated bilingual glossary. The matching is done by tifa's Rust core, the
same code as the ``tifa`` command line tool, so results are identical to
``tifa annotate --format jsonl``.

>>> import tifa
>>> [(s.text, s.kb_id, s.form) for s in tifa.annotate('They acted as "protective umbrellas" (保護傘).')]
[('protective umbrellas', 'bao-hu-san', 'literal'), ('保護傘', 'bao-hu-san', 'zh_hant')]

Offsets (``start``, ``end``) are code points, so ``text[span.start:span.end] == span.text``.
The spaCy component is registered as ``"tifa"`` (``nlp.add_pipe("tifa")``); spaCy is
optional and only imported by :mod:`tifa.spacy_component`.
"""

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
]

__version__ = "0.1.0"
