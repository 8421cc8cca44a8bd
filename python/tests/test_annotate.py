"""tifa.annotate and tifa.annotate_many."""

import threading
import time

import pytest

import tifa

TEXT = 'It cracked down on "protective umbrellas" (保護傘) and 打财断血 😀 — the nail case.'


def test_annotate_finds_terms_with_all_fields():
    spans = tifa.annotate(TEXT)
    got = [(s.text, s.kb_id, s.form) for s in spans]
    assert got == [
        ("protective umbrellas", "bao-hu-san", "en"),
        ("保護傘", "bao-hu-san", "zh_hant"),
        ("打财断血", "da-cai-duan-xue", "zh"),
        ("nail case", "ding-zi-an", "literal"),
    ]
    s = spans[1]
    assert (s.label, s.zh, s.pinyin) == ("campaign", "保护伞", "bǎo hù sǎn")
    assert s.en == tifa.Glossary.builtin()["bao-hu-san"].en
    assert s.entry.id == "bao-hu-san"


def test_offsets_are_code_points_and_bytes():
    data = TEXT.encode("utf-8")
    for s in tifa.annotate(TEXT):
        assert TEXT[s.start : s.end] == s.text
        assert data[s.byte_start : s.byte_end].decode("utf-8") == s.text
    # The emoji (one code point, four bytes) shifts byte offsets but not code points.
    last = tifa.annotate(TEXT)[-1]
    assert last.byte_start - last.start == len(TEXT[: last.start].encode()) - last.start > 0


def test_to_dict_has_the_cli_keys_in_order():
    d = tifa.annotate("nail case")[0].to_dict()
    assert list(d) == tifa.SPAN_KEYS == [
        "start", "end", "byte_start", "byte_end", "text", "label", "kb_id",
        "zh", "pinyin", "en", "form",
    ]
    assert d["start"] == 0 and d["end"] == 9 and d["kb_id"] == "ding-zi-an"


def test_spans_of_an_entry_share_its_field_strings():
    # Reading a field makes no new string: every span of an entry holds the same objects,
    # made once per glossary.
    spans = tifa.annotate("the nail case and another nail case, 保護傘 and 保护伞")
    nails = [s for s in spans if s.kb_id == "ding-zi-an"]
    umbrellas = [s for s in spans if s.kb_id == "bao-hu-san"]
    assert len(nails) == 2 and len(umbrellas) == 2
    a, b = nails
    for field in ("kb_id", "label", "zh", "pinyin", "en", "form"):
        assert getattr(a, field) is getattr(b, field), field
    assert umbrellas[0].zh is umbrellas[1].zh
    assert (umbrellas[0].form, umbrellas[1].form) == ("zh_hant", "zh")
    assert a.to_dict()["en"] is a.en
    assert tifa.annotate("nail case")[0].en is a.en  # the shipped glossary's, across calls
    e = a.entry
    assert (a.kb_id, a.label, a.zh, a.pinyin, a.en) == (e.id, e.category, e.zh, e.pinyin, e.en)


def test_span_fields_of_a_loaded_glossary_are_its_own(tmp_path):
    csv = tmp_path / "mine.csv"
    csv.write_text(
        "id,zh,zh_alt,zh_hant,pinyin,en,en_alt,literal,category,definition,note,see_also,source\n"
        "ding-zi-an,钉子案,,,dìng zi àn,my own rendering,,,campaign,A test term.,,,\n",
        encoding="utf-8",
    )
    g = tifa.Glossary.load(csv)
    (s,) = tifa.annotate("钉子案", g)
    assert (s.kb_id, s.en, s.pinyin, s.form) == ("ding-zi-an", "my own rendering", "dìng zi àn", "zh")
    assert tifa.annotate("钉子案")[0].en != s.en


def test_overlapping_reports_nested_terms():
    text = "扫黑除恶专项斗争"
    plain = {s.kb_id for s in tifa.annotate(text)}
    nested = {s.kb_id for s in tifa.annotate(text, overlapping=True)}
    assert plain == {"sao-hei-chu-e-zhuan-xiang-dou-zheng"}
    assert {"sao-hei-chu-e", "sao-hei-chu-e-zhuan-xiang-dou-zheng"} <= nested


def test_empty_and_termless_text():
    assert tifa.annotate("") == []
    assert tifa.annotate("nothing to see here") == []


def test_spans_compare_and_hash_by_value():
    a, b = tifa.annotate("nail case"), tifa.annotate("nail case")
    assert a == b and hash(a[0]) == hash(b[0])
    assert a[0] != tifa.annotate("the nail case")[0]
    assert "ding-zi-an" in repr(a[0])


def test_bad_input_raises_python_errors():
    with pytest.raises(TypeError):
        tifa.annotate(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        tifa.annotate_many(["ok", 3])  # type: ignore[list-item]
    with pytest.raises(UnicodeEncodeError):
        tifa.annotate("lone surrogate \ud800 here")
    with pytest.raises(TypeError):
        tifa.annotate("x", glossary="builtin")  # type: ignore[arg-type]


def test_annotate_many_keeps_order_for_any_n_jobs():
    texts = [TEXT, "", "保护伞", "nail case " * 50, "打财断血"] * 40
    one = [tifa.annotate(t) for t in texts]
    for n_jobs in (None, 1, 2, 3, -1, 0, -100, 10**6):
        assert tifa.annotate_many(texts, n_jobs=n_jobs) == one
    # Any iterable, including a generator.
    assert tifa.annotate_many(t for t in texts[:5]) == one[:5]
    assert tifa.annotate_many([]) == []


def test_annotate_many_with_overlapping_and_a_glossary():
    g = tifa.Glossary.builtin()
    got = tifa.annotate_many(["扫黑除恶专项斗争"], glossary=g, overlapping=True)
    assert len(got[0]) == len(tifa.annotate("扫黑除恶专项斗争", overlapping=True)) > 1


def test_annotate_many_buffers_carry_nothing_from_text_to_text():
    # A worker reuses its buffers: a long text, then shorter ones, then the long one again.
    long = TEXT * 200 + "扫黑除恶专项斗争，" * 50
    texts = [long, "保护伞", "", "nail case", long[: len(long) // 3], "打财断血", long]
    for overlapping in (False, True):
        one = [tifa.annotate(t, overlapping=overlapping) for t in texts]
        for n_jobs in (1, 2):
            assert tifa.annotate_many(texts, overlapping=overlapping, n_jobs=n_jobs) == one


def test_the_gil_is_released_while_matching():
    text = (TEXT + " filler words that match nothing at all. ") * 20000  # ~2 MB
    t0 = time.perf_counter()
    tifa.annotate(text)
    once = time.perf_counter() - t0
    batch = [text] * max(2, int(0.3 / max(once, 1e-4)))  # about 0.3 s of matching
    started, done = threading.Event(), threading.Event()
    elapsed = []

    def work():
        started.set()
        t0 = time.perf_counter()
        tifa.annotate_many(batch, n_jobs=1)
        elapsed.append(time.perf_counter() - t0)
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    started.wait()
    ticks = 0
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    worker.join()
    # Holding the GIL for the whole call would leave this thread a handful of ticks at most
    # (the switch interval is 5 ms); released, it ticks about once a millisecond.
    assert elapsed[0] > 0.1
    assert ticks >= 20, (ticks, elapsed)


def test_module_docstring_example():
    import doctest

    result = doctest.testmod(tifa, verbose=False)
    assert result.attempted >= 2 and result.failed == 0


def test_n_jobs_out_of_range():
    with pytest.raises(OverflowError):
        tifa.annotate_many(["nail case"], n_jobs=2**70)


def test_iter_annotate_is_lazy_and_keeps_order():
    texts = [TEXT, "", "保护伞", "nail case", "打财断血"] * 7
    pulled = []

    def source():
        for t in texts:
            pulled.append(t)
            yield t

    it = tifa.iter_annotate(source(), batch_size=4, n_jobs=2)
    first = next(it)
    assert first == tifa.annotate(TEXT) and len(pulled) == 4  # one batch read, no more
    assert [first, *it] == tifa.annotate_many(texts)
    assert list(tifa.iter_annotate([])) == []
    with pytest.raises(ValueError):
        next(tifa.iter_annotate(["x"], batch_size=0))
