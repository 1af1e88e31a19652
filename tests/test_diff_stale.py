"""Stale translations on literal EN/RU lists: which Russian sentences an
English change leaves out of date."""

from __future__ import annotations

import pytest

from bilingual.diff import stale_translations
from bilingual.model import Link

EN = [
    "Russian drones struck Kharkiv overnight, killing 3 people.",
    "Fires broke out in two districts.",
    "NATO condemned the attack.",
    "Repair crews restored power by morning.",
]
RU = [
    "Российские беспилотники ночью атаковали Харьков, погибли 3 человека.",
    "Пожары вспыхнули в двух районах.",
    "НАТО осудило атаку.",
    "Ремонтные бригады к утру восстановили электроснабжение.",
]
ONE_TO_ONE = [Link((k,), (k,)) for k in range(len(EN))]


@pytest.mark.parametrize("new_en, stale", [
    # nothing changed: nothing to redo
    (EN, []),
    # a number changed: the Russian with the old number is stale
    ([EN[0].replace("3 people", "5 people"), *EN[1:]], [("reworded", (0,), (0,), (0,))]),
    # an English sentence dropped: its Russian must go
    ([EN[0], EN[1], EN[3]], [("removed", (2,), (2,), ())]),
    # a new English sentence: nothing to reuse
    ([*EN[:2], "Rescuers are still searching the rubble.", *EN[2:]], [("added", (), (), (2,))]),
    # moved without a change in wording: the translation still holds
    ([EN[1], EN[2], EN[3], EN[0]], []),
    # moved and reworded: stale
    ([EN[1], EN[2], EN[3], EN[0].replace("overnight", "early on Tuesday")], [("moved", (0,), (0,), (3,))]),
    # split: the Russian of the whole sentence is stale
    (["Russian drones struck Kharkiv overnight.", "They killed 3 people.", *EN[1:]],
     [("split", (0,), (0,), (0, 1))]),
    # merged: the Russian of both parts
    ([EN[0], "Fires broke out in two districts, and NATO condemned the attack.", EN[3]],
     [("merged", (1, 2), (1, 2), (1,))]),
])
def test_stale_with_given_links(new_en, stale):
    found = stale_translations(EN, new_en, RU, links=ONE_TO_ONE)
    assert [(s.reason, s.ru_indexes, s.old_en_indexes, s.new_en_indexes) for s in found] == stale
    for s in found:
        assert s.ru_text == " ".join(RU[r] for r in s.ru_indexes)


def test_a_russian_sentence_already_carrying_the_new_number_is_not_stale():
    new_en = [EN[0].replace("3 people", "5 people"), *EN[1:]]
    ru = [RU[0].replace("3 человека", "5 человек"), *RU[1:]]
    assert stale_translations(EN, new_en, ru, links=ONE_TO_ONE) == []


def test_links_through_a_merged_russian_sentence():
    # the Russian joined EN 1 and 2 into one sentence: a change in EN 2 makes it stale
    ru = [RU[0], "Пожары вспыхнули в двух районах, НАТО осудило атаку.", RU[3]]
    links = [Link((0,), (0,)), Link((1, 2), (1,)), Link((3,), (2,))]
    new_en = [EN[0], EN[1], "NATO strongly condemned the attack.", EN[3]]
    found = stale_translations(EN, new_en, ru, links=links)
    assert [(s.reason, s.ru_indexes) for s in found] == [("reworded", (1,))]


def test_with_the_real_aligner():
    new_en = [EN[0].replace("3 people", "5 people"), EN[1], EN[3]]
    found = stale_translations(EN, new_en, RU)
    assert [(s.reason, s.ru_indexes) for s in found] == [("reworded", (0,)), ("removed", (2,))]
    assert found[1].ru_text == "НАТО осудило атаку."
