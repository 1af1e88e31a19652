"""Finding glossary terms in English text."""

import pytest

from bilingual.glossary import Matcher, matcher_for
from bilingual.model import Glossary, Term

TERMS = (
    Term("Vladimir Putin", "Владимир Путин", "person"),
    Term("Putin", "Путин", "person"),
    Term("NATO", "НАТО", "organization"),
    Term("US", "США", "country"),
    Term("Reuters", "Reuters", "organization"),
    Term("William J. Burns", "Уильям Бёрнс", "person"),
    Term("Kyiv", "Киев", "city"),
    Term("Turkey", "Турция", "country"),
    Term("Ivano-Frankivsk", "Ивано-Франковск", "city"),
    Term("Côte d'Ivoire", "Кот-д’Ивуар", "country"),
    Term("Bank of England", "Банк Англии", "organization"),
    Term("Donald Trump", "Дональд Трамп", "person"),
    Term("Trump", "Трамп", "person"),
    Term("U.S.", "США", "country"),
    Term("St. Petersburg", "Санкт-Петербург", "city"),
)
M = Matcher(Glossary(TERMS))


def hits(text):
    return [(h.term.en, h.form) for h in M.find_en(text)]


@pytest.mark.parametrize("text, expected", [
    # multiword before its parts, longest first
    ("Vladimir Putin spoke.", [("Vladimir Putin", "Vladimir Putin")]),
    ("Putin spoke to Vladimir Putin.", [("Putin", "Putin"), ("Vladimir Putin", "Vladimir Putin")]),
    ("Donald Trump and Trump", [("Donald Trump", "Donald Trump"), ("Trump", "Trump")]),
    ("William J. Burns said", [("William J. Burns", "William J. Burns")]),
    # possessives, both apostrophes
    ("Putin's aides", [("Putin", "Putin")]),
    ("Putin’s aides", [("Putin", "Putin")]),
    ("Reuters’ report", [("Reuters", "Reuters")]),
    ("Reuters' report", [("Reuters", "Reuters")]),
    # case rules per term
    ("NATO allies", [("NATO", "NATO")]),
    ("nato allies", []),
    ("the US and us", [("US", "US")]),
    ("tell us more", []),
    ("Turkey and turkey", [("Turkey", "Turkey")]),
    ("PUTIN SAYS", [("Putin", "PUTIN")]),  # a headline in capitals
    ("putin", []),
    ("Bank of England", [("Bank of England", "Bank of England")]),
    ("Bank Of England", [("Bank of England", "Bank Of England")]),
    # hyphen and apostrophe variants
    ("Ivano-Frankivsk", [("Ivano-Frankivsk", "Ivano-Frankivsk")]),
    ("Ivano\u2011Frankivsk", [("Ivano-Frankivsk", "Ivano\u2011Frankivsk")]),
    ("Ivano Frankivsk", [("Ivano-Frankivsk", "Ivano Frankivsk")]),
    ("Côte d’Ivoire", [("Côte d'Ivoire", "Côte d’Ivoire")]),
    ("Vladimir\u00a0Putin", [("Vladimir Putin", "Vladimir\u00a0Putin")]),
    ("Vladimir\nPutin", [("Vladimir Putin", "Vladimir\nPutin")]),
    # word boundaries
    ("Putinism", []),
    ("Kyivstar", []),
    ("USAID", []),
    # dotted and dotless spellings
    ("the U.S. and the US", [("U.S.", "U.S."), ("US", "US")]),  # "US" is a term of its own here
    ("St. Petersburg or St Petersburg", [("St. Petersburg", "St. Petersburg"), ("St. Petersburg", "St Petersburg")]),
    ("Kyiv-based", [("Kyiv", "Kyiv")]),
    ("US-led", [("US", "US")]),
    ("(Kyiv)", [("Kyiv", "Kyiv")]),
])
def test_find_en(text, expected):
    assert hits(text) == expected


def test_offsets_point_into_the_text():
    text = "In Kyiv, Putin’s envoy met William J. Burns."
    for h in M.find_en(text):
        assert text[h.start:h.stop] == h.form
        assert h.kind == "allowed"


def test_offsets_survive_case_folding_that_changes_length():
    text = "İstanbul and Kyiv"  # "İ".lower() is two characters
    (h,) = M.find_en(text)
    assert text[h.start:h.stop] == "Kyiv"


def test_duplicate_en_terms_hit_once():
    m = Matcher([Term("Kyiv", "Киев"), Term("Kyiv", "Киев")])
    assert len(m.find_en("Kyiv")) == 1


def test_empty_glossary_and_text():
    assert Matcher([]).find_en("Kyiv") == []
    assert M.find_en("") == []


def test_matcher_for_is_cached_per_glossary():
    g = Glossary(TERMS)
    assert matcher_for(g) is matcher_for(g)
    assert matcher_for(Glossary(TERMS[:2])) is not matcher_for(g)


def test_scales_to_many_terms():
    many = [Term(f"Name{i} Surname{i}", f"Имя{i}") for i in range(10_000)] + list(TERMS)
    m = Matcher(many)
    assert [(h.term.en, h.form) for h in m.find_en("Name9999 Surname9999 met Putin")] == \
        [("Name9999 Surname9999", "Name9999 Surname9999"), ("Putin", "Putin")]


def test_matcher_cache_lets_glossaries_go():
    import gc
    import weakref

    from bilingual.glossary import match

    g = Glossary(TERMS)
    matcher_for(g)
    ref = weakref.ref(g)
    del g
    gc.collect()
    assert ref() is None
    assert all(r() is not None for r, _ in match._matchers.values())


@pytest.mark.parametrize("text, expected", [
    ("the US and the U.S.", ["US", "U.S."]),
    ("us", []),
    ("USA", []),
])
def test_dotless_spelling_of_a_dotted_term(text, expected):
    m = Matcher([Term("U.S.", "США", "country")])
    assert [h.form for h in m.find_en(text)] == expected
