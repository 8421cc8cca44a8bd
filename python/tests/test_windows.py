"""A long text annotated in windows on several threads (``annotate(text, n_jobs=…)``) gives
the spans of one pass over the whole text, in order."""

import csv
import random

import pytest

import tifa
from tifa import _tifa

from conftest import ROOT, corpus_files

FILLER = (
    "the of and report said that in to work a new year we government people more "
    "的 和 我们 工作 发展 人民 ， 。 "
).split(" ")


def gated_pairs():
    """(gated form, one of its entry's cues) for the shipped glossary's gated forms."""
    pairs = []
    for path in sorted((ROOT / "glossary").glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                gated = [g for g in (row.get("gated") or "").split("|") if g.isascii() and g]
                cues = [c for c in (row.get("cue") or "").split("|") if c]
                if gated and cues:
                    pairs.append((gated[0], cues[0]))
    return pairs


def ids_with_excludes():
    """Entries with `exclude` strings: the filler may spell one around their forms (whitespace
    between Chinese characters is ignored, so 投资于人 then 工作 is the excluded 投资于人工)."""
    ids = set()
    for path in sorted((ROOT / "glossary").glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            ids.update(row["id"] for row in csv.DictReader(f) if row.get("exclude"))
    return ids


def found_alone(g, form):
    """Whether ``form`` between spaces is found whole, as one span."""
    text = f"x {form} x"
    return [(s.start, s.end) for s in tifa.annotate(text, g)] == [(2, 2 + len(form))]


@pytest.fixture(scope="module")
def glossary():
    return tifa.Glossary.builtin()


@pytest.fixture(scope="module")
def terms(glossary):
    """Forms that are found alone: English (ASCII) and Chinese, and gated forms with a cue."""
    rng = random.Random(7)
    english, chinese = [], []
    excluding = ids_with_excludes()
    for e in glossary:
        if e.id in excluding:
            continue
        for kind, form in e.forms():
            if form in e.gated:
                continue
            if kind in ("en", "en_alt", "literal") and form.isascii() and len(form) >= 4:
                english.append(form)
            elif kind == "zh" and len(form) >= 2:
                chinese.append(form)
    english = [f for f in rng.sample(english, 200) if found_alone(glossary, f)]
    chinese = [f for f in rng.sample(chinese, 200) if found_alone(glossary, f)]
    gated = gated_pairs()
    assert len(english) > 50 and len(chinese) > 50 and len(gated) > 5
    return english, chinese, gated


def straddling_text(glossary, terms, windows, seed):
    """A text of ``windows`` smallest windows whose every cut falls inside a term: English,
    Chinese, or a gated form whose cue stands on the other side of the cut (up to 500
    bytes away), among filler and more terms."""
    english, chinese, gated = terms
    rng = random.Random(seed)
    region = _tifa._window_cuts("x" * 100_000, glossary)[1]
    parts, size = [], 0

    def add(s):
        nonlocal size
        parts.append(s)
        size += len(s.encode("utf-8"))

    def fill_to(n):
        while True:
            r = rng.random()
            if r < 0.1:
                chunk = rng.choice(english) + " "
            elif r < 0.2:
                chunk = rng.choice(chinese)
            elif r < 0.22:
                chunk = ".\n"
            else:
                chunk = rng.choice(FILLER) + " "
            if size + len(chunk.encode("utf-8")) > n:
                break
            add(chunk)
        assert size <= n
        add(" " * (n - size))

    cut = 0
    for _ in range(windows - 1):
        cut += region
        kind = rng.randrange(3)
        cue = None
        if kind == 0:
            term = rng.choice(english)
            start = cut - len(term) // 2
        elif kind == 1:
            term = rng.choice(chinese)
            start = cut - 3 * (len(term) // 2)  # the cut falls between two characters
        else:
            term, cue = rng.choice(gated)
            start = cut - len(term) // 2
        gap = rng.randrange(100, 500)
        cue_before = cue is not None and rng.random() < 0.5
        if cue_before:
            fill_to(start - gap)
            add(" " + cue + " ")
        fill_to(start)
        add(term + " ")
        if cue is not None and not cue_before:
            fill_to(size + gap)
            add(" " + cue + " ")
    fill_to(cut + region)
    return "".join(parts)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("overlapping", [False, True])
def test_windows_give_the_spans_of_one_pass_with_a_term_across_every_cut(
    glossary, terms, seed, overlapping
):
    text = straddling_text(glossary, terms, windows=40, seed=seed)
    data = text.encode("utf-8")
    one = tifa.annotate(text, glossary, overlapping=overlapping)
    cuts = _tifa._window_cuts(text, glossary)
    assert len(cuts) > 30
    # The text is what it is meant to be: every cut is inside a span of the one pass.
    for c in cuts[1:-1]:
        assert any(s.byte_start < c < s.byte_end for s in one), (c, data[c - 40 : c + 40])
    for n_jobs in (1, 2, 3):
        windowed = _tifa._annotate_in_windows(
            text, glossary, overlapping=overlapping, n_jobs=n_jobs
        )
        assert windowed == one


def test_windows_cut_at_character_boundaries_and_cover_the_text(glossary):
    text = "保护伞" * 20_000 + "x" * 7 + "😀" * 5_000
    data = text.encode("utf-8")
    cuts = _tifa._window_cuts(text, glossary)
    assert cuts[0] == 0 and cuts[-1] == len(data)
    assert cuts == sorted(set(cuts)) and len(cuts) > 10
    for c in cuts:
        data[:c].decode("utf-8")  # raises if c splits a character
    assert _tifa._annotate_in_windows(text, glossary) == tifa.annotate(text, glossary)
    assert _tifa._window_cuts("", glossary) == [0]
    assert _tifa._annotate_in_windows("", glossary) == []
    # Any region: a window as long as the text, or longer.
    assert _tifa._window_cuts(text, glossary, region=2**64 - 1) == [0, len(data)]
    assert _tifa._annotate_in_windows(text, glossary, region=2**64 - 1) == tifa.annotate(text, glossary)


def test_annotate_n_jobs_gives_the_spans_of_one_pass_in_order(glossary):
    # The shipped corpus, over and over: long enough for several windows of 64 KiB.
    docs = [p.read_text(encoding="utf-8") for p in corpus_files()]
    text = "\n\n".join(docs * (1 + 600_000 // sum(len(d.encode()) for d in docs)))
    assert len(text.encode("utf-8")) > 600_000
    for overlapping in (False, True):
        one = tifa.annotate(text, glossary, overlapping=overlapping)
        assert len(one) > 1000
        for n_jobs in (2, 3, -1):
            got = tifa.annotate(text, glossary, overlapping=overlapping, n_jobs=n_jobs)
            assert got == one
            assert [s.start for s in got] == sorted(s.start for s in got)
        assert glossary.annotate(text, overlapping=overlapping, n_jobs=2) == one


def test_annotate_n_jobs_on_short_texts():
    for text in ("", "nail case", "保护伞 " * 1000):
        for n_jobs in (None, 1, 2, -1):
            assert tifa.annotate(text, n_jobs=n_jobs) == tifa.annotate(text)
    with pytest.raises(OverflowError):
        tifa.annotate("nail case", n_jobs=2**70)


def test_windows_keep_step_in_a_chain_of_matches_longer_than_the_overlap(tmp_path):
    # "la la la …": leftmost-longest matching pairs the words from the chain's start; a
    # window whose search starts inside the chain pairs them from there, out of step, and
    # must search again from the previous window's last span.
    csv_file = tmp_path / "la.csv"
    csv_file.write_text(
        "id,zh,zh_alt,zh_hant,pinyin,en,en_alt,literal,category,definition,note,see_also,source\n"
        "la-la,拉拉,,,lā lā,la la,,,test,A test term.,,,\n",
        encoding="utf-8",
    )
    g = tifa.Glossary.load(csv_file, cache=False)
    # Prefixes of every length modulo a pair of words, so that some windows start in step
    # and some out of step.
    texts = [p + "la " * 40_000 for p in ("", "x ", "xy ", "xyz ", "xyzw ", "xyzwv ")]
    texts += [p + "拉" * 30_001 for p in ("", "的", "的的", "x", "xy")]
    for text in texts:
        assert len(_tifa._window_cuts(text, g)) > 10
        for overlapping in (False, True):
            one = tifa.annotate(text, g, overlapping=overlapping)
            assert _tifa._annotate_in_windows(text, g, overlapping=overlapping) == one


def test_annotate_many_shares_a_long_text_in_windows_and_keeps_order(glossary):
    docs = [p.read_text(encoding="utf-8") for p in corpus_files()]
    long = "\n\n".join(docs * (1 + 400_000 // sum(len(d.encode()) for d in docs)))
    texts = [long, *docs, long[: len(long) // 2], "", "nail case", long]
    for overlapping in (False, True):
        one = [tifa.annotate(t, glossary, overlapping=overlapping) for t in texts]
        for n_jobs in (1, 2, 3):
            got = tifa.annotate_many(texts, glossary, overlapping=overlapping, n_jobs=n_jobs)
            assert got == one
        assert tifa.annotate_many([long], glossary, overlapping=overlapping, n_jobs=2) == one[:1]
