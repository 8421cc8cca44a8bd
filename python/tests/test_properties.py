"""Property tests: offsets index the Python string, for any text."""

from hypothesis import given, settings
from hypothesis import strategies as st

import tifa
from tifa import _tifa

FORMS = sorted({f for e in tifa.Glossary.builtin() for _, f in e.forms()})

pieces = st.one_of(
    st.text(max_size=20),
    st.sampled_from(FORMS),
    st.sampled_from(FORMS).map(str.upper),
    st.sampled_from(FORMS).map(lambda f: f.replace(" ", "-\n")),
    st.sampled_from(["😀", "\r\n", "e\u0301", "“", "’", "、", "𠀀", "\u3000", "Ｎａｉｌ"]),
)
texts = st.lists(pieces, max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts, st.booleans())
def test_offsets_index_the_python_string(text, overlapping):
    data = text.encode("utf-8")
    spans = tifa.annotate(text, overlapping=overlapping)
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert data[s.byte_start : s.byte_end] == s.text.encode("utf-8")
        assert len(text[: s.start].encode("utf-8")) == s.byte_start
    starts = [s.start for s in spans]
    assert starts == sorted(starts)
    if not overlapping:
        assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


@settings(max_examples=100, deadline=None)
@given(st.lists(texts, max_size=8), st.sampled_from([None, 1, 2, -1]))
def test_annotate_many_equals_annotate(batch, n_jobs):
    assert tifa.annotate_many(batch, n_jobs=n_jobs) == [tifa.annotate(t) for t in batch]


def test_every_form_alone_is_found_as_its_entry():
    g = tifa.Glossary.builtin()
    for e in g:
        for kind, form in e.forms():
            # A gated form counts only beside a cue, and `{id}` stands for other names.
            if form in e.gated or "{" in form:
                continue
            spans = tifa.annotate(form)
            if not spans and e.gated:
                continue  # another spelling of a gated form (巡視 for 巡视)
            # (The kind may be another of the entry's kinds when two of its forms fold
            # to the same key, as 不放过、不凑数 and 不放过不凑数 do; a leading article is not
            # part of the span.)
            assert [s.kb_id for s in spans] == [e.id], (e.id, kind, form)
            assert spans[0].end - spans[0].start >= len(form) // 2, (e.id, kind, form)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(pieces, max_size=40).map("".join), min_size=1, max_size=6), st.booleans())
def test_windows_equal_one_pass(parts, overlapping):
    # Stretches of any text, each repeated to a few kilobytes, so that the smallest windows
    # (about 7.5 KB with the shipped glossary) cut through every kind of stretch.
    text = "".join(p * (1 + 4000 // max(1, len(p.encode("utf-8")))) for p in parts)
    one = tifa.annotate(text, overlapping=overlapping)
    assert _tifa._annotate_in_windows(text, overlapping=overlapping) == one
