"""tifa.check_pairs, against `tifa check` on the shipped aligned pairs."""

import json

import pytest

import tifa
from conftest import CORPUS


def pairs():
    lines = (CORPUS / "aligned" / "pairs.tsv").read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")[1:3]) for line in lines[1:] if line.strip()]


def test_literal_missing_untranslated_extra():
    got = tifa.check_pairs(
        [
            ("严格落实打财断血。", "Implement breaking money and breaking blood."),
            ("打击保护伞。", "Fight crime."),
            ("打击保护伞。", "Fight 保护伞."),
            ("好。", "Handle the nail case."),
        ]
    )
    kinds = [(f.segment, f.kind, f.kb_id) for f in got]
    assert kinds == [
        (1, "literal", "da-cai-duan-xue"),
        (2, "missing", "bao-hu-san"),
        (3, "untranslated", "bao-hu-san"),
        (4, "literal", "ding-zi-an"),
    ]
    f = got[0]
    assert f.severity == "error" and f.side == "target"
    assert "Implement breaking money and breaking blood."[f.start : f.end] == f.found
    assert f.suggestion == tifa.Glossary.builtin()["da-cai-duan-xue"].en
    assert got[1].side == "source" and got[1].severity == "warning"
    assert f.to_dict()["message"] == f.message != ""


def test_check_pairs_rejects_non_pairs():
    with pytest.raises(TypeError):
        tifa.check_pairs(["just a string"])
    with pytest.raises(TypeError):
        tifa.check_pairs([("a", "b", "c")])
    assert tifa.check_pairs([]) == []
    assert tifa.check_pairs([["打击保护伞。", "Fight 保护伞."]])[0].kind == "untranslated"


def test_same_findings_as_the_cli(cli, tmp_path):
    ps = pairs()
    assert len(ps) > 40
    src, tgt = tmp_path / "src.txt", tmp_path / "tgt.txt"
    src.write_text("".join(s + "\n" for s, _ in ps), encoding="utf-8")
    tgt.write_text("".join(t + "\n" for _, t in ps), encoding="utf-8")
    out = cli("check", "--source", src, "--target", tgt, "--format", "jsonl", ok=(0, 1))
    want = [json.loads(line) for line in out.splitlines() if line.strip()]
    keys = ["segment", "kind", "severity", "kb_id", "zh", "en", "found", "side", "start",
            "end", "suggestion", "message"]
    got = [f.to_dict() for f in tifa.check_pairs(ps)]
    assert len(want) > 30
    assert got == [{k: w[k] for k in keys} for w in want]
