"""Places said another way in the Russian: a lowercase leading adjective, «столичный» for a capital."""

from __future__ import annotations

import pytest

from bilingual.checks.drift import check_pairs
from bilingual.glossary.countries import is_capital
from bilingual.model import Glossary, Term

GLOSSARY = Glossary((Term("North Yorkshire", "Северный Йоркшир", "region"), Term("Moscow", "Москва", "city"),
                     Term("Kyiv", "Киев", "city"), Term("Salford", "Солфорд", "city"),
                     Term("New Zealand", "Новая Зеландия", "country")))
# a country named like its capital ("Mexico" / "Mexico City"), typed and untyped
CAPITALS = Glossary((Term("Mexico", "Мексика", "country"), Term("Kuwait", "Кувейт", ""),
                     Term("Mexico City", "Мехико", "city")))


@pytest.mark.parametrize("en, ru, expected", [
    ("The plant near Harrogate, North Yorkshire.", "Завод под Харрогейтом, в северном Йоркшире.", []),
    ("The plant near Harrogate, North Yorkshire.", "Завод под Харрогейтом, в Англии.",
     [("missing_term", "North Yorkshire")]),
    ("He came to New Zealand.", "Он приехал в Новую Зеландию.", []),
    # «столичный» stands for a capital, not for any city, and not when nothing says it
    ("The Moscow premiere of the play.", "Столичная премьера спектакля.", []),
    ("The Moscow premiere of the play.", "Премьера спектакля.", [("missing_term", "Moscow")]),
    ("The Salford premiere of the play.", "Столичная премьера спектакля.", [("missing_term", "Salford")]),
    ("He left Kyiv.", "Он уехал из столицы.", [("missing_term", "Kyiv")]),
])
def test_place_said_another_way(en, ru, expected):
    assert [(f.kind, f.term) for f in check_pairs([en], [ru], GLOSSARY)] == expected


def test_capitals_come_from_the_country_data():
    assert is_capital("Moscow") and is_capital("Kyiv") and not is_capital("Salford")


@pytest.mark.parametrize("en, ru, expected", [
    # a capital's adjective stands for the capital (a city term) only
    ("Traffic in Mexico City is slow.", "Движение в столичном районе медленное.", []),
    ("Mexico City raised rents.", "Столичные власти подняли аренду.", []),
    ("Farmers in Mexico are worried.", "Фермеры в столичный район обеспокоены.", [("missing_term", "Mexico")]),
    ("Prices in Kuwait went up.", "Цены в столичный район выросли.", [("missing_term", "Kuwait")]),
    ("Farmers in Mexico are worried.", "Фермеры в Мексике обеспокоены.", []),
])
def test_capital_adjective_stands_for_a_capital_only(en, ru, expected):
    assert [(f.kind, f.term) for f in check_pairs([en], [ru], CAPITALS)] == expected


def test_a_capital_is_matched_by_its_exact_name():
    for name in ("Mexico City", "Kuwait City", "Panama City", "Washington", "Washington D.C.",
                 "Luxembourg"):  # a city-state: its capital bears its name
        assert is_capital(name), name
    for name in ("Mexico", "Kuwait", "Panama", "Guatemala", "Vatican", "New", "Port"):
        assert not is_capital(name), name
