"""The spaCy component "tifa"."""

import subprocess
import sys

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import DocBin, Span  # noqa: E402

import tifa  # noqa: E402

TEXT = 'They acted as "protective umbrellas" (保護傘) in the nail case.'


def run_python(code):
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_registered_through_the_entry_point_without_an_import():
    out = run_python(
        "import sys, spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('tifa')\n"
        "doc = nlp('the nail case')\n"
        "print([s.kb_id_ for s in doc.spans['tifa']])\n"
    )
    assert out.strip() == "['ding-zi-an']"


def test_core_package_imports_without_spacy():
    out = run_python(
        "import sys\n"
        "sys.modules['spacy'] = None\n"
        "import tifa\n"
        "print(len(tifa.annotate('nail case')))\n"
        "try:\n"
        "    import tifa.spacy_component\n"
        "except ImportError:\n"
        "    print('no spacy')\n"
    )
    assert out.split() == ["1", "no", "spacy"]


def test_blank_english_spans_and_extensions():
    nlp = spacy.blank("en")
    nlp.add_pipe("tifa")
    doc = nlp(TEXT)
    spans = list(doc.spans["tifa"])
    want = tifa.annotate(TEXT)
    assert [(s.start_char, s.end_char) for s in spans] == [(w.start, w.end) for w in want]
    assert [s.text for s in spans] == ["protective umbrellas", "保護傘", "nail case"]
    s = spans[0]
    entry = tifa.Glossary.builtin()["bao-hu-san"]
    assert (s.label_, s.kb_id_) == ("campaign", "bao-hu-san")
    assert (s._.tifa_zh, s._.tifa_pinyin, s._.tifa_en) == (entry.zh, entry.pinyin, entry.en)
    assert s._.tifa_form == "en" and spans[1]._.tifa_form == "zh_hant"
    assert s._.tifa_definition == entry.definition
    assert (s._.tifa_start, s._.tifa_end) == (want[0].start, want[0].end)
    assert list(doc.ents) == []  # set_ents is off by default


def test_blank_chinese_character_tokens():
    nlp = spacy.blank("zh")
    nlp.add_pipe("tifa", config={"set_ents": True})
    text = "坚决打掉保护伞，严格落实打财断血。"
    doc = nlp(text)
    got = [(s.text, s.kb_id_, s.start, s.end) for s in doc.spans["tifa"]]
    assert got == [
        ("保护伞", "bao-hu-san", 4, 7),
        ("打财断血", "da-cai-duan-xue", 12, 16),
    ]
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [
        ("保护伞", "campaign", "bao-hu-san"),
        ("打财断血", "campaign", "da-cai-duan-xue"),
    ]


def test_expand_alignment_and_two_terms_in_one_token():
    # spacy.blank("en") keeps a run of Chinese as one token: both terms expand to it.
    nlp = spacy.blank("en")
    nlp.add_pipe("tifa")
    doc = nlp("打财断血保护伞 here")
    spans = list(doc.spans["tifa"])
    assert [(s.text, s.kb_id_) for s in spans] == [
        ("打财断血保护伞", "da-cai-duan-xue"),
        ("打财断血保护伞", "bao-hu-san"),
    ]
    # Each keeps its own entry's fields and its own place in the text.
    assert [s._.tifa_zh for s in spans] == ["打财断血", "保护伞"]
    assert [(s._.tifa_start, s._.tifa_end) for s in spans] == [(0, 4), (4, 7)]


def test_strict_alignment_drops_terms_inside_tokens():
    nlp = spacy.blank("en")
    nlp.add_pipe("tifa", config={"alignment_mode": "strict"})
    doc = nlp("打财断血保护伞 and the nail case")
    assert [s.text for s in doc.spans["tifa"]] == ["nail case"]
    with pytest.raises(ValueError):
        spacy.blank("en").add_pipe("tifa", config={"alignment_mode": "nearest"})


def test_set_ents_keeps_existing_entities_and_drops_overlaps():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": "protective"}])
    nlp.add_pipe("tifa", config={"set_ents": True, "overlapping": True, "spans_key": "terms"})
    doc = nlp(TEXT)
    assert "terms" in doc.spans and "tifa" not in doc.spans
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ents == [("protective", "ORG"), ("保護傘", "campaign"), ("nail case", "campaign")]


def test_pipe_in_batches_with_workers_equals_calls():
    nlp = spacy.blank("en")
    nlp.add_pipe("tifa", config={"n_jobs": 2})
    texts = [TEXT, "nothing", "打财断血", "the nail cases"] * 20
    piped = [
        [(s.start_char, s.end_char, s.kb_id_, s._.tifa_form) for s in d.spans["tifa"]]
        for d in nlp.pipe(texts, batch_size=7)
    ]
    docs = [nlp(t) for t in texts]
    single = [
        [(s.start_char, s.end_char, s.kb_id_, s._.tifa_form) for s in d.spans["tifa"]]
        for d in docs
    ]
    assert piped == single and sum(map(len, piped)) == 20 * 5


def test_a_long_doc_in_windows_on_workers_equals_one_pass():
    text = (TEXT + " Filler words about nothing in particular. 打财断血，保护伞。\n") * 1500
    assert len(text.encode("utf-8")) > 150_000  # more than one window of 64 KiB

    def spans(n_jobs):
        nlp = spacy.blank("en")
        nlp.add_pipe("tifa", config={"n_jobs": n_jobs})
        doc = nlp(text)
        return [(s.start_char, s.end_char, s.kb_id_) for s in doc.spans["tifa"]]

    one = spans(1)
    assert len(one) > 4000 and spans(2) == one


def test_custom_glossary_and_docbin_roundtrip(tmp_path):
    csv = tmp_path / "mine.csv"
    csv.write_text(
        "id,zh,pinyin,en,literal,category,definition\n"
        "gu-tou-shi,骨头石,gǔ tou shí,bone stone,stony bones,idiom,A test term.\n",
        encoding="utf-8",
    )
    nlp = spacy.blank("en")
    nlp.add_pipe("tifa", config={"glossary": ["builtin", str(csv)]})
    doc = nlp("stony bones in the nail case")
    assert [s.kb_id_ for s in doc.spans["tifa"]] == ["gu-tou-shi", "ding-zi-an"]
    db = DocBin(store_user_data=True)
    db.add(doc)
    (back,) = DocBin().from_bytes(db.to_bytes()).get_docs(nlp.vocab)
    spans = list(back.spans["tifa"])
    assert [(s.kb_id_, s._.tifa_en, s._.tifa_form) for s in spans] == [
        ("gu-tou-shi", "bone stone", "literal"),
        ("ding-zi-an", tifa.Glossary.builtin()["ding-zi-an"].en, "literal"),
    ]
    with pytest.raises(tifa.GlossaryError):
        spacy.blank("en").add_pipe("tifa", config={"glossary": str(tmp_path / "absent.csv")})


def test_extensions_are_registered():
    spacy.blank("en").add_pipe("tifa")
    for name in ("tifa_zh", "tifa_pinyin", "tifa_en", "tifa_form", "tifa_definition"):
        assert Span.has_extension(name)


def test_component_pickles_and_pipeline_saves_and_loads(tmp_path):
    import pickle

    csv = tmp_path / "mine.csv"
    csv.write_text(
        "id,zh,pinyin,en,literal,category,definition\n"
        "gu-tou-shi,骨头石,gǔ tou shí,bone stone,stony bones,idiom,A test term.\n",
        encoding="utf-8",
    )
    nlp = spacy.blank("en")
    comp = nlp.add_pipe("tifa", config={"glossary": str(csv), "spans_key": "t"})
    back = pickle.loads(pickle.dumps(comp))
    doc = back(nlp.make_doc("stony bones, nail case"))
    assert [s.kb_id_ for s in doc.spans["t"]] == ["gu-tou-shi"]
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    doc = loaded("stony bones, nail case")
    assert [(s.kb_id_, s._.tifa_en) for s in doc.spans["t"]] == [("gu-tou-shi", "bone stone")]
