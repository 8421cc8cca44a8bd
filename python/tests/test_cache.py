"""The cache of compiled glossaries: ``Glossary.load`` and ``Glossary.builtin`` read and write
it as the command line does, ``cache=False`` compiles afresh, and the spans are the same
either way. (conftest.py points TIFA_CACHE_DIR at a folder of the session's own.)"""

import tifa

from conftest import corpus_files

HEADER = "id,zh,zh_alt,zh_hant,pinyin,en,en_alt,literal,category,definition,note,see_also,source,exclude,gated,cue\n"
ROWS = (
    "gu-tou-shi,骨头石,,,gǔ tou shí,bone stone,,stony bones|bony stone,idiom,A test term.,,,,,,\n"
    "hei-shi-li,黑势力,,,hēi shì lì,dark forces,,black forces,campaign,A test term.,,,,,"
    "dark forces,gang\n"
)
TEXTS = [
    "Stony bones and 骨头石; the gang and its dark forces.",
    "Dark forces, and no word of what they are.",
    "dark forces " * 50 + "gang",
    "",
]


def spans(g, texts, overlapping=False):
    return [[s.to_dict() for s in g.annotate(t, overlapping=overlapping)] for t in texts]


def test_load_stores_the_compiled_glossary_then_reads_it(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("TIFA_CACHE_DIR", str(cache))
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text(HEADER + ROWS, encoding="utf-8")

    first = tifa.Glossary.load(csv_file)
    assert first.cache_status == "stored"
    stored = sorted(cache.glob("*.glossary"))
    assert len(stored) == 1
    second = tifa.Glossary.load(csv_file)
    assert second.cache_status == "hit"
    fresh = tifa.Glossary.load(csv_file, cache=False)
    assert fresh.cache_status == "off"
    assert sorted(cache.glob("*.glossary")) == stored  # cache=False writes nothing

    assert [e.to_dict() for e in second] == [e.to_dict() for e in fresh]
    assert [e.gated for e in second] == [e.gated for e in fresh]
    for overlapping in (False, True):
        want = spans(fresh, TEXTS, overlapping)
        assert spans(second, TEXTS, overlapping) == want == spans(first, TEXTS, overlapping)
    # The gated form counts only near its cue, from the cache too.
    assert [len(found) for found in spans(second, TEXTS)[:2]] == [3, 0]

    # Other bytes, another compiled glossary.
    csv_file.write_text(HEADER + ROWS.replace("bony stone", "bony stones"), encoding="utf-8")
    assert tifa.Glossary.load(csv_file).cache_status == "stored"
    assert len(list(cache.glob("*.glossary"))) == 2


def test_the_shipped_glossary_from_the_cache_finds_what_a_fresh_compile_finds(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("TIFA_CACHE_DIR", str(tmp_path))
    assert tifa.Glossary.load("builtin").cache_status == "stored"
    cached = tifa.Glossary.load("builtin")
    assert cached.cache_status == "hit"
    fresh = tifa.Glossary.load("builtin", cache=False)
    texts = [p.read_text(encoding="utf-8") for p in corpus_files()]
    assert len(texts) > 5
    for overlapping in (False, True):
        want = spans(fresh, texts, overlapping)
        assert sum(map(len, want)) > 100
        assert spans(cached, texts, overlapping) == want
    assert cached.ids() == fresh.ids()


def test_builtin_goes_through_the_cache():
    # The session's first use of the shipped glossary compiled it through the cache folder of
    # conftest.py (or of a test that set its own).
    g = tifa.Glossary.builtin()
    assert g.cache_status in ("stored", "hit")
    # Compiled once per process: the first call decided.
    assert tifa.Glossary.builtin(cache=False).cache_status == g.cache_status


def test_an_unwritable_cache_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("TIFA_CACHE_DIR", str(blocker / "cache"))
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text(HEADER + ROWS, encoding="utf-8")
    g = tifa.Glossary.load(csv_file)
    assert g.cache_status == "not stored"
    assert spans(g, TEXTS) == spans(tifa.Glossary.load(csv_file, cache=False), TEXTS)
