"""A sentence with no counterpart that the programme merged into its neighbour's link is split off."""

from __future__ import annotations

import pytest

from bilingual.align.gaps import split_merges
from bilingual.align.scorers import DEFAULT_PARAMS, features
from bilingual.glossary.hits import hits_for
from bilingual.model import Glossary, Link, Term

CITIES = Glossary(tuple(Term(en=en, ru=ru, type="city") for en, ru in (
    ("Paris", "Париж"), ("Berlin", "Берлин"), ("Rome", "Рим"), ("Madrid", "Мадрид"), ("Vienna", "Вена"))), sha="cities")

OPEN_EN = "Paris, Berlin and Rome will open the line to passengers in 2030 if the tunnels are built on time."
OPEN_RU = ("Париж, Берлин и Рим планируют открыть эту линию для пассажиров уже в 2030 году, если строительство "
           "тоннелей в горах пойдет по графику.")
PUSH_EN = "Madrid, Paris and Berlin had pushed for the line for years."
HEAD_EN = "The capitals agreed on a new rail line on Monday."
HEAD_RU = "В понедельник столицы договорились о новой железнодорожной линии."


def split(en, ru, links):
    hits = hits_for(en, ru, CITIES)
    fe, fr = features(en, "en", hits=hits.en.sentences), features(ru, "ru", hits=hits.ru.sentences)
    return [(l.en, l.ru) for l in split_merges([Link(e, r, 0.6, False) for e, r in links], fe, fr, DEFAULT_PARAMS)]


@pytest.mark.parametrize("en, ru, links, expected", [
    # the dropped sentence's names are all the kept one's, but Madrid: split off, before or after
    ([HEAD_EN, PUSH_EN, OPEN_EN], [HEAD_RU, OPEN_RU], [((0,), (0,)), ((1, 2), (1,))],
     [((0,), (0,)), ((1,), ()), ((2,), (1,))]),
    ([HEAD_EN, OPEN_EN, PUSH_EN], [HEAD_RU, OPEN_RU], [((0,), (0,)), ((1, 2), (1,))],
     [((0,), (0,)), ((1,), (1,)), ((2,), ())]),
    # a Russian sentence added next to its neighbour's translation
    ([HEAD_EN, OPEN_EN], [HEAD_RU, "Мадрид, Париж и Берлин добивались этой линии много лет.", OPEN_RU],
     [((0,), (0,)), ((1,), (1, 2))], [((0,), (0,)), ((), (1,)), ((1,), (2,))]),
    # a real merge: the Russian joins both sentences, names and numbers of each
    (["Paris and Vienna signed the deal on Monday.", "Rome will join it in 2030."],
     ["Париж и Вена подписали соглашение в понедельник, а Рим присоединится к нему в 2030 году."],
     [((0, 1), (0,))], [((0, 1), (0,))]),
    # one link, one sentence each side: nothing to split
    ([OPEN_EN], [OPEN_RU], [((0,), (0,))], [((0,), (0,))]),
])
def test_split_merges(en, ru, links, expected):
    assert split(en, ru, links) == expected
