"""Name lemmas with gender agreement (``bilingual.russian.names``): literal rows."""

from __future__ import annotations

import pytest

from bilingual.russian.names import lemmatize_name, same_name


@pytest.mark.parametrize("found, nominative", [
    ("Александра Сокурова", "Александр Сокуров"),
    ("Анналеной Бербок", "Анналена Бербок"),  # the indeclinable surname agrees with the feminine first name
    ("Берлина", "Берлин"),
    ("Алихана Смаилова", "Алихан Смаилов"),
    ("Андрея Геласимова", "Андрей Геласимов"),
    ("Марии Захаровой", "Мария Захарова"),
    ("Юлии Тимошенко", "Юлия Тимошенко"),
    ("Нельсона Манделы", "Нельсон Мандела"),
    ("Джо Байдену", "Джо Байден"),
    ("Сумах", "Сумы"),
    ("Киевом", "Киев"),
    ("Сергея Рябкова", "Сергей Рябков"),  # a person's name: the surname is not read as a place
    ("Лавров", "Лавров"),  # a known surname, not the plural genitive of «Лавр»
    ("Ирины Ярцевой", "Ирина Ярцева"),
    ("Ирина Ярцева", "Ирина Ярцева"),
    ("Филип Петри", "Филип Петри"),  # an indeclinable surname is not a case of «Петря»
])
def test_lemmatize_name(found, nominative):
    assert lemmatize_name(found) == nominative


@pytest.mark.parametrize("a, b, same", [
    ("Манделу", "Манделой", True),  # unknown to pymorphy3: the same stem once case endings are cut
    ("Сокурова", "Сокуровым", True),
    ("Рябков", "Рябкова", True),  # an unknown surname in -ов: the suffix is cut from both
    ("Рябковым", "Рябкову", True),
    ("Путин", "Путина", True),
    ("Ардерн", "Арден", False),  # a real misspelling stays two renderings
    ("Рябков", "Рябинин", False),
    ("Киеве", "Киеву", True),
    ("Москва", "Москвич", False),
    ("Манделу", "Мандельштам", False),
])
def test_same_name(a, b, same):
    assert same_name(a, b) is same
