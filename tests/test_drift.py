"""Drift rules, one link at a time, as tables a reader can check by eye."""

from __future__ import annotations

import pytest

from bilingual.checks.drift import KIND_LEVEL, RULES, check_pairs
from bilingual.glossary import load_glossary
from bilingual.model import Link
from tests.helpers import write_glossary


@pytest.fixture(scope="module")
def glossary(tmp_path_factory):
    return load_glossary(write_glossary(tmp_path_factory.mktemp("g")))


def kinds(flags):
    """The drift rules' kinds among ``flags`` (the QA checks have their own tables)."""
    from bilingual.checks.kinds import DRIFT_LEVEL

    return sorted(f.kind for f in flags if f.kind in DRIFT_LEVEL)


# EN | RU | expected flag kinds (empty: clean — correct inflection, ё/е, number formats)
CASES = [
    ("Putin met Trump in Kyiv.", "Путин встретился с Трампом в Киеве.", []),
    ("Vladimir Putin spoke.", "Владимир Путин выступил.", []),
    ("They spoke with Vladimir Putin.", "Они поговорили с Владимиром Путиным.", []),
    ("Russia holds over 70% of Donetsk.", "Россия контролирует более 70% Донецка.", []),
    ("In 2019, Ukraine amended its constitution.", "В 2019-м Украина изменила конституцию.", []),
    ("It began in 2014.", "Это началось в 2014 году.", []),
    ("Growth was 1.5%.", "Рост составил 1,5%.", []),
    ("About 10,000 people left.", "Около 10 000 человек уехали.", []),
    ("Strikes hit Zaporizhzhia.", "Удары пришлись по Запорожской области.", []),
    ("NATO will not expand.", "НАТО не будет расширяться.", []),
    # drift
    ("Moldova wants to join.", "Молдавия хочет вступить.", ["forbidden_variant"]),
    ("Talks with Moldova.", "Переговоры с Молдавией.", ["forbidden_variant"]),
    ("Strikes hit Kharkiv.", "Удары пришлись по Харкиву.", ["forbidden_variant"]),
    ("Putin met Trump.", "Путин провёл встречу.", ["missing_term"]),
    ("The leader spoke.", "Путин выступил.", ["extra_term"]),
    ("Russia holds over 70% of the region.", "Россия контролирует более 60% региона.", ["number_mismatch"]),
    ("At the 2008 summit.", "На саммите 2009 года.", ["number_mismatch"]),
    ("Putin is ready to make peace, but not at any price.",
     "Putin is ready to make peace, but not at any price.", ["untranslated"]),
    # a link, an address or a tag is the same in any language: nothing was left untranslated
    ("@user40 https://example.org/@user41/112130028394563476", "@user40 https://example.org/@user41/112130028394563476",
     []),
    ("<div id=sec1></div>", "<div id=sec1></div>", []),
    ("Read it at https://example.com/full-text if the minister agrees.",
     "Read it at https://example.com/full-text if the minister agrees.", ["untranslated"]),
    # a name swapped for another while it survives elsewhere in the sentence (a dateline)
    ("KYIV: Putin said Kyiv would answer.", "КИЕВ: Путин заявил, что Харьков ответит.", ["term_substitution"]),
    ("KYIV: Putin said Kyiv would answer.", "КИЕВ: Путин заявил, что Киев ответит.", []),
    # a quotation left in English inside a Russian sentence; a title kept in English is no drift
    ('"We will be back," Putin said.', '"We will be back," – сказал Путин.', ["untranslated"]),
    ('"We will be back," Putin said.', '«Мы вернемся», – сказал Путин.', []),
    ('He sang "I Will Always Love You".', "Он спел «I Will Always Love You».", []),
    ("They watched Tron: Legacy.", "Они посмотрели «Tron: Legacy».", []),
    # a short Russian sentence without ы/э is still Russian (no Ukrainian letter in it)
    ("Since there is no money left to pay him, Kurt.", "Потому что денег платить ему у нас нет, Курт.", []),
    ("Kyiv has consistently stated that Russia must not be given a veto.",
     "Київ послідовно заявляє, що Росії не можна давати право вето над рішеннями України.",
     ["wrong_language"]),
    # few Ukrainian letters, but common words Russian doesn't know: not Russian
    ("Since then the land border has stayed closed.", "З тех пор сухопутная граніца закрита, кажуть місцеві.",
     ["wrong_language"]),
    # a Ukrainian place name in a Russian sentence is still Russian
    ("It was closed in Lviv long ago, they told us.", "Во Львові всё было закрыто уже давно, сказали нам.", []),
]


@pytest.mark.parametrize("en, ru, expected", CASES)
def test_rule_table(glossary, en, ru, expected):
    assert kinds(check_pairs([en], [ru], glossary)) == sorted(expected)


def test_null_links_are_omission_and_addition(glossary):
    en = ["Putin spoke.", "Trump answered."]
    ru = ["Путин выступил.", "Это вызвало споры."]
    links = [Link((0,), (0,)), Link((1,), ()), Link((), (1,))]
    flags = check_pairs(en, ru, glossary, links=links)
    assert [(f.kind, f.en_index, f.ru_index) for f in flags] == [("omission", 1, None), ("addition", None, 1)]


def test_uncertain_link_needs_its_neighbours_to_agree(glossary):
    # the link boundary may be off by one: Трамп sits in the next Russian sentence
    en = ["Putin met Trump.", "They talked."]
    ru = ["Путин провёл встречу.", "С Трампом они поговорили."]
    certain = [Link((0,), (0,), 0.9), Link((1,), (1,), 0.9)]
    unsure = [Link((0,), (0,), 0.2, uncertain=True), Link((1,), (1,), 0.2, uncertain=True)]
    assert kinds(check_pairs(en, ru, glossary, links=certain)) == ["extra_term", "missing_term"]
    assert check_pairs(en, ru, glossary, links=unsure) == []


def test_uncertain_link_flags_what_the_whole_neighbourhood_lacks(glossary):
    en = ["Putin met Trump.", "They talked."]
    ru = ["Путин провёл встречу.", "Они поговорили."]
    unsure = [Link((0,), (0,), 0.2, uncertain=True), Link((1,), (1,), 0.2, uncertain=True)]
    (flag,) = check_pairs(en, ru, glossary, links=unsure)
    assert flag.kind == "missing_term" and flag.term == "Trump"
    assert "alignment uncertain" in flag.message


def test_sentence_dropped_inside_an_uncertain_merge_is_an_omission(glossary):
    en = ["Putin spoke about NATO for two hours on Monday.", "Trump answered from Kyiv in 2025."]
    ru = ["Путин в понедельник два часа говорил о НАТО, подробно остановившись на всех спорных вопросах."]
    merged = [Link((0, 1), (0,), 0.05, uncertain=True)]
    flags = check_pairs(en, ru, glossary, links=merged)
    assert [(f.kind, f.en_index) for f in flags] == [("omission", 1)]
    assert "Trump" in flags[0].why and "Kyiv" in flags[0].why


def test_confident_merge_keeps_term_flags(glossary):
    en = ["Putin spoke about NATO for two hours on Monday.", "Trump answered from Kyiv in 2025."]
    ru = ["Путин в понедельник два часа говорил о НАТО, подробно остановившись на всех спорных вопросах."]
    flags = check_pairs(en, ru, glossary, links=[Link((0, 1), (0,), 0.9)])
    assert kinds(flags) == ["missing_term", "missing_term", "number_mismatch"]


def test_forbidden_flag_says_what_and_where(glossary):
    (flag,) = check_pairs(["Moldova wants to join."], ["Молдавия хочет вступить."], glossary)
    assert (flag.term, flag.expected, flag.found, flag.level) == ("Moldova", "Молдова", "Молдавия", "error")
    assert flag.rule == "forbidden_variant" and "Молдавия" in flag.why


def test_untranslated_sentence_gets_no_term_flags(glossary):
    en = "NATO Secretary General said Putin and Trump spoke in 2025."
    assert kinds(check_pairs([en], [en], glossary)) == ["untranslated"]


def test_every_rule_has_a_level_and_a_docstring():
    assert all(rule.__name__ in KIND_LEVEL and rule.__doc__ for rule in RULES)
