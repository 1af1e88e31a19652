"""Mining's evidence beyond a name written the same way on both sides: a country named by its
demonym or an alias, a place named by its relative adjective, a run cut to the part the Russian
renders, an acronym and its initials, another English spelling, a given name from elsewhere.

The articles below are written for these tests; each row says what mining must propose.
"""

from __future__ import annotations

import pytest

from bilingual.glossary.countries import country_of, russian_names
from bilingual.glossary.names import capital_runs, names_in_run, title_case
from bilingual.glossary.render import initialism
from bilingual.mining.mine import mine
from bilingual.russian.derived import places_of

ARTICLES = {
    "port": (
        "A Spanish court fined the Maersk Lisbon crew on Monday.\n\n"
        "The Spanish coast guard escorted the ship to Valencia.\n\n"
        "UK officials said the UK would send inspectors.\n",
        "Суд Испании в понедельник оштрафовал экипаж судна Maersk Lisbon.\n\n"
        "Береговая охрана Испании сопроводила судно в Валенсию.\n\n"
        "Представители Великобритании заявили, что Великобритания направит инспекторов.\n",
    ),
    "region": (
        "Floods hit Tula region on Tuesday.\n\n"
        "The Tula regional government opened shelters for 300 people.\n\n"
        "The Texas Republican voted against the bill.\n",
        "Наводнение накрыло Тульскую область во вторник.\n\n"
        "Правительство Тульской области открыло пункты временного размещения для 300 человек.\n\n"
        "Республиканец из Техаса проголосовал против законопроекта.\n",
    ),
    "launch": (
        "The rocket lifted off from Plesetsk on Friday.\n\n"
        "Engineers at Pleseck checked the fuel lines twice.\n\n"
        "The next launch from Plesetsk is due in May.\n",
        "Ракета стартовала с Плесецка в пятницу.\n\n"
        "Инженеры в Плесецке дважды проверили топливные магистрали.\n\n"
        "Следующий запуск с Плесецка намечен на май.\n",
    ),
    "football": (
        "The SFA fined the club on Thursday.\n\n"
        "The club will appeal, but the SFA rarely changes its rulings.\n",
        "Шотландская футбольная ассоциация в четверг оштрафовала клуб.\n\n"
        "Клуб подаст апелляцию, но Шотландская футбольная ассоциация редко меняет свои решения.\n",
    ),
    "parliament": (
        "Members of the Unity Caucus voted against the budget.\n\n"
        "The Unity Caucus will meet again on Monday.\n",
        "Члены Фракции Единства проголосовали против бюджета.\n\n"
        "Фракция Единства соберется снова в понедельник.\n",
    ),
    "film": (
        "John Malkovich and John Goodman star in the film.\n\n"
        "Critics compared the lead to John Cusack.\n\n"
        "Barrister Amaka Okafor filed the appeal.\n",
        "В фильме снимаются Джон Малкович и Джон Гудман.\n\n"
        "Критики сравнили главного героя с Кьюсаком.\n\n"
        "Юрист Амака Окафор подала апелляцию.\n",
    ),
}


@pytest.fixture(scope="module")
def proposals(tmp_path_factory):
    root = tmp_path_factory.mktemp("c") / "corpus"
    for slug, (en, ru) in ARTICLES.items():
        (root / slug).mkdir(parents=True)
        (root / slug / "en.md").write_text(en, "utf-8")
        (root / slug / "ru.md").write_text(ru, "utf-8")
    return {p.en: p for p in mine([root]).proposals}


@pytest.mark.parametrize("en, ru", [
    ("Spain", "Испания"),  # only ever "Spanish" in the English
    ("United Kingdom", "Великобритания"),  # written "UK"
    ("Tula", "Тула"),  # «Тульская область», «Тульской области»
    ("Texas", "Техас"),  # "Texas Republican": the run without its last word
    ("Plesetsk", "Плесецк"),  # "Pleseck" is listed as its other English spelling
    ("John Cusack", "Джон Кьюсак"),  # the given name as «Джон Малкович», «Джон Гудман» have it
    ("Amaka Okafor", "Амака Окафор"),
    ("SFA", "Шотландская футбольная ассоциация"),
    ("Unity Caucus", "Фракция Единства"),  # translated: the whole phrase, its head in the singular  # an acronym spelt out, one word a letter, every time  # "Barrister" has no rendering: not part of the name
])
def test_proposed(proposals, en, ru):
    assert en in proposals, sorted(proposals)
    assert proposals[en].ru == ru


def test_a_part_of_a_run_must_be_seen_as_often_as_any_candidate(proposals, tmp_path):
    """"Texas" is only ever part of "Texas Republican", once: with --min-count 2 it is not proposed,
    while "Plesetsk" (twice, and once more as "Pleseck") still is."""
    root = tmp_path / "corpus"
    for slug, (en, ru) in ARTICLES.items():
        (root / slug).mkdir(parents=True)
        (root / slug / "en.md").write_text(en, "utf-8")
        (root / slug / "ru.md").write_text(ru, "utf-8")
    twice = {p.en for p in mine([root], min_count=2).proposals}
    assert "Texas" in proposals and "Texas" not in twice
    assert "Plesetsk" in twice


def test_aliases_and_other_spellings_are_english_variants(proposals):
    assert proposals["United Kingdom"].en_variants == ("UK",)
    assert proposals["Plesetsk"].en_variants == ("Pleseck",)
    assert "Spanish" not in proposals and "UK" not in proposals and "Pleseck" not in proposals


@pytest.mark.parametrize("adjective, places", [
    ("рязанской", ("Рязань",)),
    ("киевский", ("Киев",)),
    ("испанский", ("Испания",)),
    ("марокканский", ("Марокко",)),
    ("американский", ("США", "Соединенные Штаты", "Америка")),  # the irregular table alone
    ("экономический", ()),  # an adjective of no place
    ("западном", ()),
])
def test_places_of_an_adjective(adjective, places):
    assert places_of(adjective) == places


@pytest.mark.parametrize("written, name, russian", [
    ("U.S.", "United States", "США"),
    ("UK", "United Kingdom", "Великобритания"),
    ("Spanish", "Spain", "Испания"),
    ("Germans", "Germany", "Германия"),
])
def test_country_of(written, name, russian):
    c = country_of(written)
    assert c is not None and c.name == name
    assert russian in russian_names(name)


def test_country_of_a_common_word():
    assert country_of("Republican") is None


@pytest.mark.parametrize("sentence, runs", [
    ("It breaks Nigeria's Financial Regulations now", [["It"], ["Nigeria's"], ["Financial", "Regulations"]]),
    ("The Airbus A320 landed", [["The", "Airbus"]]),  # "A320" is a designation's
    ("Bank of England rates", [["Bank", "of", "England"]]),
    ("The Party for Freedom lost seats", [["The", "Party", "for", "Freedom"]]),
])
def test_capital_runs(sentence, runs):
    assert [[w for _, _, w in r] for r in capital_runs(sentence, [])] == runs


@pytest.mark.parametrize("run, names", [
    # one word before a person's name is a title or an attribute, not a name of its own
    (["Barrister", "Jane", "Okafor"], [("Jane", "Okafor")]),
    (["Archpriest", "John", "Smith"], [("John", "Smith")]),
    (["Kenyan", "Mary", "Wanjiru"], [("Mary", "Wanjiru")]),  # a nationality word
    # an acronym before it is an organisation's, a name no dictionary has in lowercase a name of its own
    (["NATO", "John", "Smith"], [("NATO",), ("John", "Smith")]),
    (["Microsoft", "Bill", "Gates"], [("Microsoft",), ("Bill", "Gates")]),
    (["Nvidia", "Anna", "Petrova"], [("Nvidia",), ("Anna", "Petrova")]),
])
def test_names_in_a_run_with_a_person(run, names):
    spans = [(0, 0, w) for w in run]
    assert names_in_run(spans, False, set()) == names


@pytest.mark.parametrize("words, acronym, spells", [
    (("Khanty-Mansi", "Autonomous", "Okrug"), "ХМАО", True),
    (("Ust-Orda", "Buryat", "Okrug"), "УОБО", True),
    (("Ultimate", "Fighting", "Championship"), "UFC", True),
    (("Central", "Intelligence", "Agency"), "ЦРУ", False),  # a translation's initials
    (("Khanty-Mansi", "Autonomous", "Okrug"), "ХМА", False),
])
def test_initialism(words, acronym, spells):
    assert initialism(words, acronym) is spells


COMMON = {"talks", "between", "resume", "cast", "and"}  # words the corpus also writes in lowercase


@pytest.mark.parametrize("sentence, headline", [
    ("Talks Between Warsaw and Vilnius Resume", True),  # Title Case: gives no candidates
    ("Talks between Warsaw and Vilnius resume", False),  # sentence case: read like any sentence
    ("Cast: Anna Petrova, Ivan Smirnov, Oleg Popov", False),  # a list of names is no headline
])
def test_title_case_headlines(sentence, headline):
    assert title_case(sentence, COMMON) is headline
