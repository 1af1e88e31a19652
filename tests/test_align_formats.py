"""Alignment formats and TMX: what is written reads back the same."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingual.report.links import format_links, parse_links
from bilingual.errors import InputError
from bilingual.model import Link
from bilingual.report.tmx import read_tmx, to_tmx

# XML can't carry control characters; sentences never contain them after reading.
sentence = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    min_size=1, max_size=40,
).map(lambda s: " ".join(s.split()) or "x")


@st.composite
def alignments(draw):
    """Sentences on both sides and monotone links covering each exactly once."""
    en = draw(st.lists(sentence, max_size=8))
    ru = draw(st.lists(sentence, max_size=8))
    links, i, j = [], 0, 0
    while i < len(en) or j < len(ru):
        de = draw(st.integers(0, min(2, len(en) - i)))
        dr = draw(st.integers(0 if de else 1, min(2, len(ru) - j))) if j < len(ru) else 0
        if de == 0 and dr == 0:
            de = 1
        score = draw(st.floats(0, 1, allow_nan=False))
        links.append(Link(tuple(range(i, i + de)), tuple(range(j, j + dr)), score, score < 0.5))
        i, j = i + de, j + dr
    return en, ru, links


@settings(max_examples=150, deadline=None)
@given(alignments(), st.sampled_from(["jsonl", "tsv"]))
def test_jsonl_and_tsv_round_trip(case, fmt):
    en, ru, links = case
    back = parse_links(format_links(links, fmt, en, ru), fmt)
    assert [(b.en, b.ru, b.uncertain) for b in back] == [(a.en, a.ru, a.uncertain) for a in links]
    assert all(abs(a.score - b.score) < 1e-4 for a, b in zip(links, back))


@settings(max_examples=150, deadline=None)
@given(alignments())
def test_default_format_round_trips_indices_and_rounded_score(case):
    _, _, links = case
    back = parse_links(format_links(links))
    assert [(b.en, b.ru) for b in back] == [(a.en, a.ru) for a in links]
    assert all(abs(a.score - b.score) <= 0.005 + 1e-9 for a, b in zip(links, back))


@settings(max_examples=60, deadline=None)
@given(alignments())
def test_tmx_round_trip(case):
    en, ru, links = case
    units = read_tmx(to_tmx(en, ru, links))
    full = [link for link in links if link.en and link.ru]
    assert [u[2].en for u in units] == [link.en for link in full]
    assert [u[2].ru for u in units] == [link.ru for link in full]
    assert [(u[0], u[1]) for u in units] == [
        (" ".join(en[i] for i in link.en), " ".join(ru[j] for j in link.ru)) for link in full
    ]


@pytest.mark.parametrize(
    "line,link",
    [
        ("[0]:[0,1]:0.93", Link((0,), (0, 1), 0.93, False)),
        ("[]:[4]:0.10", Link((), (4,), 0.10, True)),
        ("[3,4]:[]:1.00", Link((3, 4), (), 1.0, False)),
    ],
)
def test_default_lines(line, link):
    assert parse_links(line) == [link]
    assert format_links([link]) == line + "\n"


@pytest.mark.parametrize("text", ["[0]:[0]", "[0]-[1]:0.5", "[a]:[1]:0.5"])
def test_bad_default_line_names_the_line(text):
    with pytest.raises(InputError) as err:
        parse_links("[0]:[0]:0.50\n" + text, path="links.txt")
    assert str(err.value).startswith("links.txt:2: ")


def test_tmx_escapes_markup():
    data = to_tmx(["Tom & <Jerry>"], ["Том и «Джерри»"], [Link((0,), (0,), 0.9)])
    assert b"&amp;" in data and b"<Jerry>" not in data
    assert read_tmx(data)[0][:2] == ("Tom & <Jerry>", "Том и «Джерри»")


def test_not_a_tmx_file():
    with pytest.raises(InputError):
        read_tmx(b"<html><body>nope", path="x.tmx")
