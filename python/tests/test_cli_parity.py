"""Python spans equal the CLI's JSONL spans: on the shipped corpus, and on a seeded batch of
generated documents (corpus fragments, glossary forms in odd spellings, emoji, combining
marks, CRLF, full-width letters)."""

import json
import random

import pytest

import tifa
from conftest import ROOT, corpus_files


def cli_records(cli, paths, *flags):
    out = cli("annotate", "--format", "jsonl", *flags, *paths)
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.mark.parametrize("overlapping", [False, True])
def test_corpus_spans_equal_the_cli(cli, overlapping):
    files = corpus_files()
    assert len(files) >= 7
    flags = ["--overlapping"] if overlapping else []
    records = cli_records(cli, [p.relative_to(ROOT) for p in files], *flags)
    assert len(records) == len(files)
    total = 0
    for rec in records:
        text = (ROOT / rec["path"]).read_text(encoding="utf-8")
        assert rec["text"] == text
        got = [s.to_dict() for s in tifa.annotate(text, overlapping=overlapping)]
        assert got == rec["spans"], rec["path"]
        total += len(got)
    assert total > 300


ODD = ["😀", "e\u0301", "\r\n", "\n", "  ", "\u3000", "Ａｂｃ", "—", "“", "”", "’s", "-", "、",
       "\u200b", "\t", "𠀀", "ﬁ", "İ", "ß", "\x00", "。", "\ufeff"]


def spell(rng, form):
    """A form as text may spell it: case, hyphens, line breaks, plural."""
    r = rng.random()
    if r < 0.2:
        form = form.upper()
    elif r < 0.4:
        form = form.title()
    if rng.random() < 0.3:
        form = form.replace(" ", rng.choice(["-", "\n", "  ", " \r\n "]))
    if rng.random() < 0.2:
        form += "s"
    if rng.random() < 0.2 and len(form) > 2:  # a break inside a Chinese term
        i = rng.randrange(1, len(form))
        form = form[:i] + rng.choice(["\n", " ", "、"]) + form[i:]
    return form


def generated_docs(n, seed=20261201):
    rng = random.Random(seed)
    forms = [f for e in tifa.Glossary.builtin() for _, f in e.forms()]
    corpus = [p.read_text(encoding="utf-8") for p in corpus_files()]
    docs = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(0, 12)):
            r = rng.random()
            if r < 0.4:
                parts.append(spell(rng, rng.choice(forms)))
            elif r < 0.7:
                c = rng.choice(corpus)
                i = rng.randrange(len(c))
                parts.append(c[i : i + rng.randint(0, 80)])
            else:
                parts.append(rng.choice(ODD))
            parts.append(rng.choice(["", " ", " ", "\n", "，", ", ", "(", ")", "\""]))
        docs.append("".join(parts))
    return docs


def test_generated_documents_equal_the_cli(cli):
    docs = generated_docs(400)
    lines = "".join(json.dumps({"n": i, "text": t}) + "\n" for i, t in enumerate(docs))
    out = cli("annotate", "--format", "jsonl", "--input", "jsonl", input=lines.encode())
    records = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert [r["n"] for r in records] == list(range(len(docs)))
    many = tifa.annotate_many(docs, n_jobs=2)
    found = 0
    for doc, rec, spans in zip(docs, records, many):
        assert rec["text"] == doc
        got = [s.to_dict() for s in spans]
        assert got == rec["spans"], doc
        for s in spans:
            assert doc[s.start : s.end] == s.text
        found += len(got)
    assert found > 400
