"""Matching never crashes on arbitrary Unicode and its hits are always well-formed."""

from hypothesis import given, settings
from hypothesis import strategies as st

from bilingual.glossary import Matcher
from bilingual.model import Term

M = Matcher([
    Term("Kyiv", "Киев", "city", (), ("Київ", "Кыив")),
    Term("Vladimir Putin", "Владимир Путин", "person"),
    Term("Putin", "Путин", "person"),
    Term("NATO", "НАТО", "organization", ("Североатлантический альянс",)),
    Term("Reuters", "Reuters", "organization", ("Рейтер",)),
    Term("Kharkiv", "Харьков", "city", ("Харьковская область",), ("Харкив", "Харків")),
    Term("Côte d'Ivoire", "Кот-д’Ивуар", "country"),
])

# Pieces that stress tokenizers and case folding, mixed with glossary words.
TRICKY = ["\u200f", "\u200e", "\u200d", "\u200b", "\u0301", "\u0306", "\ufeff", "👨\u200d👩\u200d👧",
          "İ", "ß", "ﬁ", "\u00a0", "’", "-", "\u2011", "«", "»", "\n", "\r\n", "\t", "ё", "Ё",
          "Kyiv", "Putin", "Vladimir", "NATO", "Reuters", "Путина", "Киеве", "Харкиві", "НАТО",
          "Владимир", "Харківська", "d'Ivoire", "Côte", " ", "'s"]

texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(TRICKY), st.text(max_size=5)), max_size=40).map("".join),
)


def well_formed(text, found):
    prev_stop = 0
    for h in found:
        assert 0 <= h.start < h.stop <= len(text)
        assert text[h.start:h.stop] == h.form
        assert h.start >= prev_stop  # in order, no overlaps
        prev_stop = h.stop
        assert h.kind in ("allowed", "variant", "forbidden")


@settings(max_examples=300, deadline=None)
@given(texts)
def test_find_en_never_crashes(text):
    well_formed(text, M.find_en(text))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_find_ru_never_crashes(text):
    well_formed(text, M.find_ru(text))


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["\u200d", "\u200f", "\u0301", "👍"]), st.sampled_from(["Путина", "Киеве", "Харкиві"]))
def test_marks_next_to_a_name_do_not_hide_it(mark, word):
    text = f"{mark} {word} {mark}"
    assert [h.form for h in M.find_ru(text)] == [word]


class FullAnalysis(Matcher):
    """The same matcher without the lowercase shortcut: every word through pymorphy3."""

    def _text_token(self, token):
        from bilingual.glossary.match import _text_token

        return _text_token(token)


LOWER_TERMS = [
    Term("Donetsk region", "Донецкая область", "region"),
    Term("NATO", "НАТО", "organization", ("Североатлантический альянс", "альянс")),
    Term("Kharkiv", "Харьков", "city", (), ("Харкив",)),
    Term("Charles de Gaulle", "Шарль де Голль", "person"),
]
WORDS = ["области", "областью", "областей", "альянсу", "альянсе", "альянсами", "Донецкой", "донецкой",
         "харкивский", "де", "Шарль", "Голля", "и", "в", "Харкове", "аль", "обл", ",", "ё"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join))
def test_lowercase_shortcut_changes_no_result(text):
    def key(found):
        return [(h.term.en, h.start, h.stop, h.kind) for h in found]
    assert key(Matcher(LOWER_TERMS).find_ru(text)) == key(FullAnalysis(LOWER_TERMS).find_ru(text))
