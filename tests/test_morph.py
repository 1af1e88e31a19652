"""Russian morphology through pymorphy3: lemmas, ё = е, inflection of names."""

import pytest

from bilingual.russian import morph


@pytest.mark.parametrize("word, expected", [
    ("Путина", "путин"),
    ("Киеве", "киев"),
    ("Запорожья", "запорожье"),
    ("Бёрнса", "бернс"),  # ё written е
    ("Молдавией", "молдавия"),
    ("НАТО", "нато"),
    ("Reuters", "reuters"),
    ("областях", "область"),
])
def test_lemma(word, expected):
    assert morph.lemma(word) == expected


@pytest.mark.parametrize("word, contains", [
    ("Путина", {"путин", "путина"}),  # the surname's genitive and the fishing season
    ("Сумах", {"сумы"}),
    ("Трампом", {"трамп"}),
])
def test_lemmas_keep_every_reading(word, contains):
    assert contains <= morph.lemmas(word)


@pytest.mark.parametrize("word, expected", [
    ("Сумы", {"сумы"}),  # the city, not the noun «сума»
    ("область", {"область"}),
])
def test_proper_lemmas_prefer_names(word, expected):
    assert morph.proper_lemmas(word) == frozenset(expected)


@pytest.mark.parametrize("word, grammemes, expected", [
    ("Путин", {"datv"}, "Путину"),
    ("Киев", {"loct"}, "Киеве"),
    ("Запорожье", {"gent"}, "Запорожья"),
    ("Нью-Йорк", {"loct"}, "Нью-Йорке"),
    ("НАТО", {"gent"}, "НАТО"),  # indeclinable
    ("Молдова", {"ablt"}, "Молдовой"),
    ("Reuters", {"gent"}, None),  # Latin script: not ours to inflect
])
def test_inflect(word, grammemes, expected):
    assert morph.inflect(word, grammemes) == expected


@pytest.mark.parametrize("phrase, grammemes, expected", [
    ("Владимир Путин", {"datv"}, "Владимиру Путину"),
    ("Дональд Трамп", {"ablt"}, "Дональдом Трампом"),
    ("Донецкая область", {"gent"}, "Донецкой области"),
    ("Луганская область", {"accs"}, "Луганскую область"),
    ("Уильям Бёрнс", {"gent"}, "Уильяма Бёрнса"),
    ("Организация Объединённых Наций", {"ablt"}, "Организацией Объединённых Наций"),
    ("Североатлантический альянс", {"loct"}, "Североатлантическом альянсе"),
    ("агентство Reuters", {"gent"}, "агентства Reuters"),
    ("Сумы", {"loct"}, "Сумах"),
])
def test_inflect_phrase(phrase, grammemes, expected):
    assert morph.inflect_phrase(phrase, grammemes) == expected


@pytest.mark.parametrize("word, case, number", [
    ("Киеве", "loct", "sing"),
    ("Путину", "datv", "sing"),
    ("областях", "loct", "plur"),
])
def test_case_and_number(word, case, number):
    assert morph.case_of(word) == case
    assert morph.number_of(word) == number


@pytest.mark.parametrize("template, word, expected", [
    ("Киев", "киеве", "Киеве"),
    ("НАТО", "нато", "НАТО"),
    ("Нью-Йорк", "нью-йорке", "Нью-Йорке"),
    ("область", "области", "области"),
])
def test_match_case(template, word, expected):
    assert morph.match_case(template, word) == expected


def test_known_words():
    assert morph.is_known("Путина")
    assert not morph.is_known("Харкиві")


def test_parse_is_cached_per_form():
    morph.parse.cache_clear()
    morph.parse("Киеве")
    morph.parse("Киеве")
    assert morph.parse.cache_info().hits == 1


def test_letters_pymorphy3_cannot_name_do_not_crash():
    assert morph.parse("\U00017000") == ()
    assert morph.lemma("\U00017000") == "\U00017000"
    assert morph.inflect("\U00017000", {"gent"}) is None
