"""Names said another way: a place's relative adjective, a brand used as a lowercase common noun.

Each row: English, Russian, the flags `check` raises. Its own small glossary.
"""

from __future__ import annotations

import pytest

from bilingual.checks.drift import check_pairs
from bilingual.glossary import load_glossary
from bilingual.russian.derived import adjectives

GLOSSARY = """en,ru,type,variants,forbidden,note,en_variants
Khomutovo,Хомутово,city,,,,
Bakhmut,Бахмут,city,,,,
Twitter,Твиттер,organization,,,,
Boeing,Боинг,organization,,,,
Kremlin,Кремль,organization,,,,
YouTube,YouTube,organization,,,,
Serbia,Сербия,country,,,,
Smith,Смит,person,,,,
"""


@pytest.fixture(scope="module")
def glossary(tmp_path_factory):
    path = tmp_path_factory.mktemp("g") / "glossary.csv"
    path.write_text(GLOSSARY, encoding="utf-8")
    return load_glossary(path)


CASES = [
    # a village's adjective the dictionary doesn't know, made by the productive -ский rule
    ("The Khomutovo school No. 2 reopened.", "Хомутовская школа № 2 открылась снова.", []),
    ("Pupils went to Khomutovo school No. 1.", "Учеников распределили в Хомутовскую школу № 1.", []),
    ("Fighting near Bakhmut went on.", "Бои на бахмутском направлении продолжались.", []),
    ("Fighting near Bakhmut went on.", "Бои продолжались.", ["missing_term"]),
    # a brand as a common noun, in lowercase
    ("Smith wrote on his Twitter page.", "Смит написал на своей странице в твиттере.", []),
    ("Have you ever flown on a Boeing 747?", "Ты когда-нибудь летал на боинге 747?", []),
    ("Smith wrote on his Twitter page.", "Смит написал на своей странице.", ["missing_term"]),
    # a brand the glossary keeps in Latin, spelt in Cyrillic by its sound
    ("Subscribe to our YouTube channel.", "Подпишитесь на наш ютьюб канал.", []),
    ("News on sites like YouTube.", "Новости на сайтах вроде Ютьюба.", []),
    ("Subscribe to our YouTube channel.", "Подпишитесь на наш канал.", ["missing_term"]),
    # only brands: a person or a country in lowercase is not the name
    ("Serbia spoke.", "Он говорил по-сербски.", ["missing_term"]),
]


@pytest.mark.parametrize("en, ru, expected", CASES)
def test_derived_and_lowercase_forms(glossary, en, ru, expected):
    assert sorted(f.kind for f in check_pairs([en], [ru], glossary)) == expected


@pytest.mark.parametrize("name, expected", [
    ("Хомутово", ("хомутовский",)),  # not in the dictionary: the productive rule
    ("Бахмут", ("бахмутский",)),
    ("Сербия", ("сербский",)),  # the dictionary's adjective, not the first rule's «сербийский»
    ("Куба", ("кубинский",)),
])
def test_place_adjectives(name, expected):
    assert adjectives(name)[:1] == expected
