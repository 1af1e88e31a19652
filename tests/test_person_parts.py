"""A person named by a part of the name, and foreign names in every case.

An article names a person in full once and by the surname (or the first name) after; a foreign
surname the dictionary does not know still declines by its ending. Each row is an article of a
few sentences: the flags the name rules should raise on it.
"""

from __future__ import annotations

import pytest

from bilingual.checks.drift import check_pairs
from bilingual.glossary import matcher_for
from bilingual.glossary.hits import find_hits
from bilingual.model import Glossary, Term
from bilingual.russian.declension import person_case_forms, person_gender, word_case

GLOSSARY = Glossary((
    Term("John Travolta", "Джон Траволта", "person"),
    Term("Michael Bay", "Майкл Бэй", "person"),
    Term("Jules Verne", "Жюль Верн", "person"),
    Term("Anna Popova", "Анна Попова", "person"),
    Term("Vladimir Putin", "Владимир Путин", "person"),
    Term("Dmitry Medvedev", "Дмитрий Медведев", "person"),
    Term("Hillary Clinton", "Хиллари Клинтон", "person"),
    Term("Bill Clinton", "Билл Клинтон", "person"),
    Term("Theresa May", "Тереза Мэй", "person"),
))


def name_flags(en, ru):
    return [(f.kind, f.term, f.en_index) for f in check_pairs(en, ru, GLOSSARY)
            if f.kind in ("missing_term", "term_substitution", "extra_term")]


CASES = [
    # the surname alone, in a case form, after the full name
    (["John Travolta starred.", "Gru dances like John Travolta."],
     ["Джон Траволта снялся.", "Грю танцует партию Траволты."], []),
    (["Michael Bay produced it.", "The script was sent to producer Michael Bay."],
     ["Майкл Бэй спродюсировал его.", "Сценарий отправили продюсеру Бэю."], []),
    # the full name of a foreign person the dictionary cannot decline
    (["A boy raised on Jules Verne."], ["Мальчишка, начитавшийся Жюля Верна."], []),
    (["The reviewer compared Michael Bay to Napoleon."], ["Рецензент сравнил Майкла Бэя с Наполеоном."], []),
    # a later surname alone is the person: dropped, it is missing; swapped, it is a substitution
    (["Vladimir Putin spoke.", "Putin said it was fine."],
     ["Владимир Путин выступил.", "Президент сказал, что всё в порядке."],
     [("missing_term", "Vladimir Putin", 1)]),
    # a pronoun for the name, once the Russian has named the person
    (["Vladimir Putin spoke.", "Putin said it was fine."],
     ["Владимир Путин выступил.", "Он сказал, что всё в порядке."], []),
    (["Anna Popova spoke.", "We thanked Popova."], ["Анна Попова выступила.", "Мы поблагодарили её."], []),
    # ... not a pronoun of the other gender, nor one the English has as well beside the name
    (["Anna Popova spoke.", "We thanked Popova."], ["Анна Попова выступила.", "Мы поблагодарили его."],
     [("missing_term", "Anna Popova", 1)]),
    (["Vladimir Putin spoke.", "Putin said he was fine."],
     ["Владимир Путин выступил.", "Президент сказал, что он в порядке."], [("missing_term", "Vladimir Putin", 1)]),
    # ... nor before the Russian has named the person at all
    (["Putin's aide spoke.", "Vladimir Putin said it was fine."],
     ["Выступил помощник.", "Он сказал, что всё в порядке."],
     [("missing_term", "Vladimir Putin", 0), ("missing_term", "Vladimir Putin", 1)]),
    (["Vladimir Putin and Dmitry Medvedev spoke.", "Putin said it was fine."],
     ["Владимир Путин и Дмитрий Медведев выступили.", "Медведев сказал, что всё в порядке."],
     [("term_substitution", "Vladimir Putin", 1)]),
    # the first name alone, when nobody else in the article has it
    (["Anna Popova spoke.", "Then Anna left."], ["Анна Попова выступила.", "Затем Анна ушла."], []),
    (["Anna Popova spoke.", "Then Anna left."], ["Анна Попова выступила.", "Затем она ушла к Анне."], []),
    # ... but not when another Anna is in the article: then "Anna" names nobody of the glossary
    (["Anna Popova spoke.", "Anna Smith came.", "Then Anna left."],
     ["Анна Попова выступила.", "Пришла Анна Смит.", "Затем ушла Мария."], []),
    # a first name before a misspelt surname is no mention of the person: the misspelling shows
    (["Anna Popova spoke.", "We thanked Anna Popova."], ["Анна Попова выступила.", "Мы поблагодарили Анну Попеву."],
     [("missing_term", "Anna Popova", 1)]),
    (["Anna Popova spoke.", "We thanked Anna Popova."], ["Анна Попова выступила.", "Мы поблагодарили Ану Попову."],
     [("missing_term", "Anna Popova", 1)]),
    # a surname that is a month names nobody alone
    (["Theresa May spoke.", "The vote is in May."], ["Выступила Тереза Мэй.", "Голосование пройдет весной."], []),
    # a surname two persons of the article share names neither
    (["Bill Clinton and Hillary Clinton came.", "Clinton spoke first."],
     ["Билл Клинтон и Хиллари Клинтон пришли.", "Первым выступил Клинтон."], []),
]


@pytest.mark.parametrize("en, ru, expected", CASES)
def test_person_by_part_of_the_name(en, ru, expected):
    assert name_flags(en, ru) == expected


def test_part_hits_point_at_the_words():
    hits = find_hits(["Michael Bay came.", "Bay left."], ["Майкл Бэй пришёл.", "Бэя не было."],
                     matcher_for(GLOSSARY))
    (en_hit,) = hits.en.sentences[1]
    (ru_hit,) = hits.ru.sentences[1]
    assert (en_hit.term.en, en_hit.form) == ("Michael Bay", "Bay")
    assert (ru_hit.term.en, ru_hit.form) == ("Michael Bay", "Бэя")


def test_a_part_alone_in_an_article_without_the_full_name_is_no_hit():
    hits = find_hits(["Bay left."], ["Бэя не было."], matcher_for(GLOSSARY))
    assert hits.en.sentences == ((),) and hits.ru.sentences == ((),)


@pytest.mark.parametrize("name, en, forms", [
    ("Майкл Бэй", "Michael Bay", ("Майкла Бэя", "Майклу Бэю", "Майклом Бэем", "Майкле Бэе")),
    ("Жюль Верн", "Jules Verne", ("Жюля Верна", "Жюлю Верну", "Жюлем Верном", "Жюле Верне")),
    ("Джон Траволта", "John Travolta",
     ("Джона Траволты", "Джону Траволте", "Джона Траволту", "Джоном Траволтой", "Джоне Траволте")),
    ("Анна Попова", "Anna Popova", ("Анны Поповой", "Анне Поповой", "Анну Попову", "Анной Поповой")),
    ("Владимир Путин", "Vladimir Putin", ("Владимира Путина", "Владимиру Путину", "Владимиром Путиным",
                                          "Владимире Путине")),
    ("Мерил Стрип", "Meryl Streep", ()),  # a woman's name ending in a consonant stays as written
    ("Шарлиз Терон", "Charlize Theron", ()),
])
def test_case_forms_by_the_ending(name, en, forms):
    assert person_case_forms(name, en) == forms


@pytest.mark.parametrize("en", ["", "   ", " \t\n"])
def test_a_blank_english_name_falls_back_to_the_russian_ending(en):
    assert person_gender("Ирина Лаптева", en) == "femn" and person_gender("Олег Лаптев", en) == "masc"
    assert person_case_forms("Олег Лаптев", en) == ("Олега Лаптева", "Олегу Лаптеву", "Олегом Лаптевым",
                                                    "Олеге Лаптеве")


@pytest.mark.parametrize("word, case, gender, form", [
    ("Гёте", "gent", "masc", "Гёте"),  # a final -е does not decline
    ("Мария", "datv", "femn", "Марии"),
    ("Лука", "gent", "masc", "Луки"),
    ("Гарсия", "ablt", "masc", "Гарсией"),
    ("Бенуа", "gent", "masc", "Бенуа"),  # a vowel before the -а: French, does not decline
])
def test_word_case(word, case, gender, form):
    assert word_case(word, case, gender) == form


def test_a_name_kept_in_latin_letters_in_the_russian():
    glossary = Glossary((Term("Armenia", "Армения", "country"),))
    flags = check_pairs(["Business Radio of Armenia reports it."], ["Как сообщает Business Radio of Armenia, это так."],
                        glossary)
    assert [f.kind for f in flags if f.kind == "missing_term"] == []
    flags = check_pairs(["Business Radio of Armenia reports it."], ["Как сообщает одно радио, это так."],
                        glossary)
    assert [f.term for f in flags if f.kind == "missing_term"] == ["Armenia"]
