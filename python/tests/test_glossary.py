"""tifa.Glossary: loading, entry lookup, errors."""

from pathlib import Path

import pytest

import tifa

HEADER = "id,zh,zh_alt,zh_hant,pinyin,en,en_alt,literal,category,definition,note,see_also,source\n"
ROW = "gu-tou-shi,骨头石,,,gǔ tou shí,bone stone,,stony bones|bony stone,idiom,A test term.,,,\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_builtin_lookup_len_iteration_contains():
    g = tifa.Glossary.builtin()
    e = g["bao-hu-san"]
    assert (e.id, e.zh, e.pinyin, e.category) == ("bao-hu-san", "保护伞", "bǎo hù sǎn", "campaign")
    assert e.en == "protective umbrella"
    assert ("zh", "保护伞") == e.forms()[0]
    assert ("en", "protective umbrella") in e.forms()
    assert "bao-hu-san" in g and "no-such-id" not in g and 3 not in g
    ids = [x.id for x in g]
    assert len(ids) == len(g) > 300
    assert ids == g.ids() and len(set(ids)) == len(ids)
    assert g.get("no-such-id") is None and g.get("no-such-id", 5) == 5
    assert g.get("bao-hu-san") == e
    with pytest.raises(KeyError):
        g["no-such-id"]
    with pytest.raises(TypeError):
        g[0]  # type: ignore[index]
    d = e.to_dict()
    assert d["id"] == "bao-hu-san" and d["literal"] == e.literal
    assert g.warnings == []


def test_load_a_file_a_folder_and_builtin(tmp_path):
    p = write(tmp_path, "mine.csv", HEADER + ROW)
    g = tifa.Glossary.load(p)
    assert len(g) == 1 and g["gu-tou-shi"].literal == ["stony bones", "bony stone"]
    assert [(s.text, s.form) for s in g.annotate("Stony bone and 骨头石")] == [
        ("Stony bone", "literal"),
        ("骨头石", "zh"),
    ]
    assert tifa.annotate("stony bones") == []  # not in the shipped glossary
    assert len(tifa.Glossary.load(tmp_path)) == 1  # a folder
    both = tifa.Glossary.load(["builtin", str(p)])
    assert len(both) == len(tifa.Glossary.builtin()) + 1
    assert [s.kb_id for s in tifa.annotate("stony bones, nail case", glossary=both)] == [
        "gu-tou-shi",
        "ding-zi-an",
    ]


def test_error_carries_file_line_column(tmp_path):
    bad = ROW.replace("gu-tou-shi", "Bad Id")
    p = write(tmp_path, "bad.csv", HEADER + ROW.replace("gu-tou-shi", "ok-one") + bad)
    with pytest.raises(tifa.GlossaryError) as info:
        tifa.Glossary.load(p)
    e = info.value
    assert isinstance(e, ValueError)
    assert (e.file, e.line, e.column) == (str(p), 3, 1)
    assert "id" in e.message
    assert str(e).startswith(f"{p}:3:1: error:")
    assert [(x.line, x.column, x.severity) for x in e.problems] == [(3, 1, "error")]


def test_every_problem_is_reported(tmp_path):
    rows = (
        ROW
        + ROW  # duplicate id
        + ROW.replace("gu-tou-shi", "other-one").replace("bone stone", "")  # no `en`
    )
    p = write(tmp_path, "many.csv", HEADER + rows)
    with pytest.raises(tifa.GlossaryError) as info:
        tifa.Glossary.load(p)
    problems = info.value.problems
    errors = [x for x in problems if x.severity == "error"]
    assert len(errors) >= 2
    assert {(x.line, x.column) for x in errors} == {(3, 1), (4, 6)}
    assert all(x.file == str(p) for x in errors)
    assert len(str(info.value).splitlines()) == len(problems)


def test_header_missing_file_and_empty_list(tmp_path):
    p = write(tmp_path, "nohead.csv", "id,zh\nx,y\n")
    with pytest.raises(tifa.GlossaryError) as info:
        tifa.Glossary.load(p)
    assert info.value.line == 1 and info.value.file == str(p)
    with pytest.raises(tifa.GlossaryError) as info:
        tifa.Glossary.load(tmp_path / "absent.csv")
    assert info.value.line == 0 and "absent.csv" in info.value.file
    with pytest.raises(ValueError):
        tifa.Glossary.load([])


def test_a_glossary_with_no_entries_finds_nothing(tmp_path):
    g = tifa.Glossary.load(write(tmp_path, "empty.csv", HEADER))
    assert len(g) == 0 and list(g) == [] and "bao-hu-san" not in g
    assert tifa.annotate("nail case 保护伞", glossary=g) == []
    assert tifa.check_pairs([("打击保护伞。", "nail case 保护伞")], glossary=g)[0].kind == "untranslated"


def test_a_form_claimed_by_two_entries_is_an_error_at_its_place(tmp_path):
    p = write(
        tmp_path,
        "dup.csv",
        "id,zh,pinyin,en,literal,category,definition\n"
        "a-one,骨头石,gǔ tou shí,bone stone,stony bones,idiom,A test term.\n"
        "b-two,石骨头,shí gǔ tou,stone bone,Stony-Bones,idiom,Another test term.\n",
    )
    with pytest.raises(tifa.GlossaryError) as info:
        tifa.Glossary.load(p)
    e = info.value
    assert (e.file, e.line, e.column) == (str(p), 3, 5)
    assert "Stony-Bones" in e.message and "a-one" in e.message
