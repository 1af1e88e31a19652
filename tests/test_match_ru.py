"""Finding glossary terms in Russian text: every case and number, variants, forbidden forms."""

import pytest
import razdel

from bilingual.glossary import Matcher
from bilingual.glossary.match import stems, tokenize
from bilingual.model import Term

TERMS = (
    Term("Kyiv", "Киев", "city", (), ("Київ", "Кыив")),
    Term("Zaporizhzhia", "Запорожье", "region", ("Запорожская область",), ("Запоріжжя", "Запорижжя")),
    Term("Moldova", "Молдова", "country", (), ("Молдавия",), "never Молдавия"),
    Term("Kharkiv", "Харьков", "city", ("Харьковская область",), ("Харкив", "Харків")),
    Term("NATO", "НАТО", "organization", ("Североатлантический альянс",)),
    Term("Reuters", "Reuters", "organization", ("Рейтер",)),
    Term("William J. Burns", "Уильям Бёрнс", "person", ("Уильям Бернс",)),
    Term("Burns", "Бёрнс", "person"),
    Term("Vladimir Putin", "Владимир Путин", "person"),
    Term("Putin", "Путин", "person"),
    Term("Donald Trump", "Дональд Трамп", "person"),
    Term("Trump", "Трамп", "person"),
    Term("Donetsk region", "Донецкая область", "region"),
    Term("Luhansk region", "Луганская область", "region"),
    Term("Sumy", "Сумы", "city"),
    Term("Mir", "Мир", "organization"),
    Term("United States", "Соединённые Штаты", "country", ("США",)),
    Term("New York", "Нью-Йорк", "city"),
)
M = Matcher(TERMS)


def hits(text):
    return [(h.term.en, h.form, h.kind) for h in M.find_ru(text)]


def one(term, kind="allowed"):
    return lambda form: [(term, form, kind)]


# name -> its six case forms, singular (and plural where the name has one)
PARADIGMS = [
    ("Putin", ["Путин", "Путина", "Путину", "Путина", "Путиным", "Путине"]),
    ("Putin", ["Путины", "Путиных", "Путиным", "Путиных", "Путиными", "Путиных"]),
    ("Kyiv", ["Киев", "Киева", "Киеву", "Киев", "Киевом", "Киеве"]),
    ("Zaporizhzhia", ["Запорожье", "Запорожья", "Запорожью", "Запорожье", "Запорожьем", "Запорожье"]),
    ("Moldova", ["Молдова", "Молдовы", "Молдове", "Молдову", "Молдовой", "Молдове"]),
    ("Trump", ["Трамп", "Трампа", "Трампу", "Трампа", "Трампом", "Трампе"]),
    ("Sumy", ["Сумы", "Сум", "Сумам", "Сумы", "Сумами", "Сумах"]),
    ("Vladimir Putin", ["Владимир Путин", "Владимира Путина", "Владимиру Путину", "Владимира Путина",
                        "Владимиром Путиным", "Владимире Путине"]),
    ("Donetsk region", ["Донецкая область", "Донецкой области", "Донецкой области", "Донецкую область",
                        "Донецкой областью", "Донецкой области"]),
    ("Donetsk region", ["Донецкие области", "Донецких областей", "Донецким областям", "Донецкие области",
                        "Донецкими областями", "Донецких областях"]),
    ("United States", ["Соединённые Штаты", "Соединённых Штатов", "Соединённым Штатам",
                       "Соединённые Штаты", "Соединёнными Штатами", "Соединённых Штатах"]),
    ("William J. Burns", ["Уильям Бёрнс", "Уильяма Бёрнса", "Уильяму Бёрнсу", "Уильяма Бёрнса",
                          "Уильямом Бёрнсом", "Уильяме Бёрнсе"]),
]


@pytest.mark.parametrize("term, form", [(t, f) for t, forms in PARADIGMS for f in forms])
def test_every_case_and_number(term, form):
    assert hits(f"Об этом говорили: {form}, сообщили источники.") == [(term, form, "allowed")]


@pytest.mark.parametrize("text, expected", [
    # multiword, longest first
    ("Встреча Владимира Путина с Дональдом Трампом", [
        ("Vladimir Putin", "Владимира Путина", "allowed"), ("Donald Trump", "Дональдом Трампом", "allowed")]),
    ("Путин позвонил Трампу", [("Putin", "Путин", "allowed"), ("Trump", "Трампу", "allowed")]),
    ("в Киеве и Запорожье", [("Kyiv", "Киеве", "allowed"), ("Zaporizhzhia", "Запорожье", "allowed")]),
    # indeclinables
    ("саммит НАТО в Вашингтоне", [("NATO", "НАТО", "allowed")]),
    ("генсек НАТО", [("NATO", "НАТО", "allowed")]),
    # adjectival variants
    ("в Запорожской области", [("Zaporizhzhia", "Запорожской области", "variant")]),
    ("удары по Луганской области", [("Luhansk region", "Луганской области", "allowed")]),
    ("в Харьковскую область", [("Kharkiv", "Харьковскую область", "variant")]),
    ("Североатлантическому альянсу", [("NATO", "Североатлантическому альянсу", "variant")]),
    # ё = е, both ways
    ("директор ЦРУ Уильям Бернс", [("William J. Burns", "Уильям Бернс", "allowed")]),
    ("сказал Бернсу", [("Burns", "Бернсу", "allowed")]),
    ("в Соединенных Штатах", [("United States", "Соединенных Штатах", "allowed")]),
    # Latin script inside Russian
    ("сообщает агентство Reuters", [("Reuters", "Reuters", "allowed")]),
    ("по данным REUTERS", [("Reuters", "REUTERS", "allowed")]),
    ("по данным агентства Рейтер", [("Reuters", "Рейтер", "variant")]),
    # hyphenated names
    ("в Нью-Йорке", [("New York", "Нью-Йорке", "allowed")]),
    # abbreviation variant
    ("власти США", [("United States", "США", "variant")]),
])
def test_find_ru(text, expected):
    assert hits(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a forbidden name in any of its forms
    ("в Молдавии", [("Moldova", "Молдавии", "forbidden")]),
    ("с Молдавией", [("Moldova", "Молдавией", "forbidden")]),
    ("Молдавия", [("Moldova", "Молдавия", "forbidden")]),
    # the standard adjective «молдавский» is not a form of «Молдавия»: it is Moldova's own adjective
    ("молдавский парламент", [("Moldova", "молдавский", "derived")]),
    ("молдавского вина", [("Moldova", "молдавского", "derived")]),
    # words pymorphy3 doesn't know: matched by stem, in any form
    ("в Харкиві", [("Kharkiv", "Харкиві", "forbidden")]),
    ("в Харкове", [("Kharkiv", "Харкове", "forbidden")]),  # Ukrainian і→о alternation
    ("харкивский губернатор", [("Kharkiv", "харкивский", "forbidden")]),
    ("Запоріжжя", [("Zaporizhzhia", "Запоріжжя", "forbidden")]),
    ("в Запоріжжі", [("Zaporizhzhia", "Запоріжжі", "forbidden")]),
    ("из Запорижжя", [("Zaporizhzhia", "Запорижжя", "forbidden")]),
    ("в Києві", [("Kyiv", "Києві", "forbidden")]),
    ("в Кыиве", [("Kyiv", "Кыиве", "forbidden")]),
    ("Київ", [("Kyiv", "Київ", "forbidden")]),
])
def test_forbidden_forms(text, expected):
    assert hits(text) == expected


@pytest.mark.parametrize("text", [
    "На Камчатке началась путина.",  # the fishing season, not the surname
    "Суммы выплат выросли.",  # «суммы», not «Сумы»
    "Он взял сумы с продуктами.",  # lowercase: bags
    "Весь мир следит за выборами.",  # «мир», not «Мир»
    "Прыжок с трамплина.",
    "нато",  # an acronym only in capitals
    "reuters",
])
def test_false_positive_traps(text):
    assert hits(text) == []


def test_capitalised_mir_is_a_hit():
    assert hits("станция «Мир»") == [("Mir", "Мир", "allowed")]


def test_allowed_wins_over_another_terms_forbidden_form():
    m = Matcher([Term("A", "Бета", forbidden=("Альфа",)), Term("B", "Альфа")])
    assert [(h.term.en, h.kind) for h in m.find_ru("Альфа")] == [("B", "allowed")]


def test_offsets_point_into_the_text():
    text = "Вчера в Киеве Владимир Путин и агентство Reuters, а также в Харкиві."
    found = M.find_ru(text)
    assert len(found) == 4
    for h in found:
        assert text[h.start:h.stop] == h.form


def test_stress_marks_are_ignored():
    assert hits("Пу\u0301тин") == [("Putin", "Пу\u0301тин", "allowed")]


@pytest.mark.parametrize("word, expected", [
    ("Молдавия", ("молдав", "молдави")),
    ("Харків", ("харків", "харков", "харкев")),
    ("Київ", ("київ", "києв")),
    ("Сумы", ("сумы",)),
    ("Рим", ()),
])
def test_stems(word, expected):
    assert stems(word) == expected


@pytest.mark.parametrize("text", [
    "Владимир Путин встретился с Дональдом Трампом в Нью-Йорке, сообщает Reuters.",
    "Генсек НАТО заявил: «Запорожская АЭС» — под контролем; т. е. всё спокойно!",
    "Уильям Бёрнс (ЦРУ) прибыл в Киев 12-го числа… Харків, Запоріжжя.",
])
def test_word_tokens_agree_with_razdel(text):
    def words(tokens):
        return [t for t in tokens if any(c.isalnum() for c in t)]
    assert words([t for _, _, t in tokenize(text)]) == words([t.text for t in razdel.tokenize(text)])
