"""Number extraction: English and Russian spellings normalised to one form."""

from __future__ import annotations

import pytest

from bilingual.numbers.reader import extract_numbers

RU_CASES = [
    ("В 2024-м году", ("2024",)),
    ("с 2019-го по 2021-й год", ("2019", "2021")),
    ("весной 2014 года", ("2014",)),
    ("рост на 1,5%", ("1.5%",)),
    ("инфляция 7,40 %", ("7.4%",)),
    ("70%", ("70%",)),
    ("70 процентов голосов", ("70%",)),
    ("около 10 000 человек", ("10000",)),
    ("около 10\u00a0000 человек", ("10000",)),
    ("около 10\u202f000 человек", ("10000",)),
    ("1 234 567 рублей", ("1234567",)),
    ("в 2014 году 300 человек", ("2014", "300")),
    ("2,5 млрд долларов", ("2.5",)),
    ("в 10:50 по местному времени", ("10:50",)),
    ("в 2019–2020 годах", ("2019", "2020")),
    ("5-й раз", ("5",)),
    ("за последние два дня", ()),
    ("COVID-19", ("19",)),
    ("0,5 балла", ("0.5",)),
    ("", ()),
]

EN_CASES = [
    ("In 2024 prices rose", ("2024",)),
    ("up 1.5%", ("1.5%",)),
    ("70 percent of voters", ("70%",)),
    ("70 per cent of voters", ("70%",)),
    ("about 10,000 people", ("10000",)),
    ("about 10\u202f000 people", ("10000",)),
    ("1,234,567 dollars", ("1234567",)),
    ("In 2014, 300 people", ("2014", "300")),
    ("$1.5bn deal", ("1.5",)),
    ("the 5th time", ("5",)),
    ("his 21st birthday and 2nd term", ("21", "2")),
    ("at 10:50 a.m.", ("10:50",)),
    ("2019-2020 season", ("2019", "2020")),
    ("scores 1,5 and 7", ("1", "5", "7")),
    ("1.50 dollars", ("1.5",)),
    ("two people", ()),
    ("on 25.11.2026", ("25.11", "2026")),
    ("007", ("7",)),
]


@pytest.mark.parametrize("text,expected", RU_CASES)
def test_russian(text, expected):
    assert extract_numbers(text, "ru") == expected


@pytest.mark.parametrize("text,expected", EN_CASES)
def test_english(text, expected):
    assert extract_numbers(text, "en") == expected


@pytest.mark.parametrize(
    "en,ru",
    [
        ("Turnout was 41.5%.", "Явка составила 41,5%."),
        ("It employs 12,000 people.", "На нем работают 12 000 человек."),
        ("It happened in 2019.", "Это случилось в 2019-м."),
        ("Prices rose 7 percent in 2023.", "В 2023 году цены выросли на 7%."),
    ],
)
def test_translations_agree(en, ru):
    assert sorted(extract_numbers(en, "en")) == sorted(extract_numbers(ru, "ru"))


@pytest.mark.parametrize("text, lang, expected", [
    ("by the December 10 deadline", "en", ((10, 12),)),
    ("on 3rd of May", "en", ((3, 5),)),
    ("on December 26 and 27", "en", ((26, 12), (27, 12))),
    ("к 10 ноября", "ru", ((10, 11),)),
    ("26 и 27 декабря", "ru", ((26, 12), (27, 12))),
    ("1 мая и 2 марта", "ru", ((1, 5), (2, 3))),
    ("в 2021 году", "ru", ()),
])
def test_dates(text, lang, expected):
    from bilingual.numbers.reader import dates

    assert dates(text, lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    ("восемнадцати лет", "ru", [("18", {"18"})]),
    ("более двух миллионов", "ru", [("2000000", {"2000000"})]),
    ("двадцать пять человек", "ru", [("25", {"25"})]),
    ("к девяти часам вечера", "ru", [("9", {"9", "21", "21:00"})]),
    ("церковь XVII века", "ru", [("17", {"17"})]),
    ("eighteen people", "en", [("18", {"18"})]),
    ("twenty-five", "en", [("25", {"25"})]),
    ("не было", "ru", []),
])
def test_number_words(text, lang, expected):
    from bilingual.numbers.words import word_mentions

    assert [(m.value, set(m.alts)) for m in word_mentions(text, lang)] == expected


@pytest.mark.parametrize("text, expected", [
    ("at 5.30pm", [("17:30", {"17:30"})]),
    ("from 9pm", [("21:00", {"21:00", "21"})]),
    ("3 million", [("3", {"3", "3000000"})]),
    ("the G7 and B9", []),
])
def test_digit_mentions_en(text, expected):
    from bilingual.numbers.reader import number_mentions

    assert [(m.value, set(m.alts)) for m in number_mentions(text, "en") if not m.soft] == expected
