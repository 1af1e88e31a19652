"""Transliteration and name keys for matching names across languages."""

from __future__ import annotations

import pytest

from bilingual.russian.translit import latin_to_ru, name_key, ru_to_latin, skeleton


@pytest.mark.parametrize(
    "ru,latin",
    [
        ("Путин", "Putin"),
        ("Зеленский", "Zelenskiy"),
        ("Щукин", "Shchukin"),
        ("Хабаровск", "Khabarovsk"),
        ("Юлия Цой", "Yuliya Tsoy"),
        ("Reuters", "Reuters"),
    ],
)
def test_ru_to_latin(ru, latin):
    assert ru_to_latin(ru) == latin


@pytest.mark.parametrize(
    "latin,ru",
    [
        ("Putin", "Путин"),
        ("Pezeshkian", "Пезешкиан"),
        ("Macron", "Макрон"),
        ("NATO", "НАТО"),
        ("Shoigu", "Шоигу"),
    ],
)
def test_latin_to_ru(latin, ru):
    assert latin_to_ru(latin) == ru


@pytest.mark.parametrize(
    "en,ru",
    [
        ("Putin", "Путина"),
        ("Putin", "Путиным"),
        ("Pezeshkian", "Пезешкианом"),
        ("Trump", "Трампу"),
        ("Biden", "Байден"),
        ("Zelensky", "Зеленского"),
        ("Washington", "Вашингтоне"),
        ("Moscow", "Москве"),
        ("Seattle", "Сиэтл"),
        ("NATO", "НАТО"),
        ("Macron", "Макроном"),
        ("Kharkiv", "Харькове"),
        ("Reuters", "Reuters"),
    ],
)
def test_name_and_its_transliteration_share_a_key(en, ru):
    assert name_key(en) is not None
    assert name_key(en) == name_key(ru)


@pytest.mark.parametrize(
    "a,b",
    [("Putin", "Trump"), ("Biden", "Путин"), ("Moscow", "Минск"), ("London", "Лиссабон")],
)
def test_different_names_have_different_keys(a, b):
    assert name_key(a) != name_key(b)


@pytest.mark.parametrize("word", ["The", "a", "Ок", "I"])
def test_short_words_have_no_key(word):
    assert name_key(word) is None


def test_skeleton_folds_spelling_variants():
    assert skeleton("Washington") == skeleton("Vashington") == "vshngtn"
    assert skeleton("Philips") == skeleton("Филипс")
