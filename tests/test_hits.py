"""Term hits as one stage: each document matched once, read by the aligner, rules and reports."""

import pytest

from bilingual.align import align_documents
from bilingual.checks.drift import _doc_from_texts, check_alignment
from bilingual.glossary import Matcher, find_hits
from bilingual.model import Glossary, Term

G = Glossary((
    Term("Kyiv", "Киев", "city", forbidden=("Київ",)),
    Term("Putin", "Путин", "person"),
))
M = Matcher(G)

EN = ["Putin spoke.", "Kyiv was quiet.", "Nothing else."]
RU = ["Путин выступил.", "В Київі было тихо.", "Больше ничего."]


@pytest.mark.parametrize("indices, side, expected", [
    # a link's text is its sentences joined by one space; offsets follow
    ((0,), "en", [("Putin", 0, 5, "allowed")]),
    ((0, 1), "en", [("Putin", 0, 5, "allowed"), ("Kyiv", 13, 17, "allowed")]),
    ((1,), "ru", [("Kyiv", 2, 7, "forbidden")]),
    ((0, 1), "ru", [("Putin", 0, 5, "allowed"), ("Kyiv", 18, 23, "forbidden")]),
    ((2,), "ru", []),
])
def test_side_hits_of_joined_sentences(indices, side, expected):
    hits = find_hits(EN, RU, M)
    found = getattr(hits, side).of(indices)
    texts = EN if side == "en" else RU
    joined = " ".join(texts[i] for i in indices)
    assert [(h.term.en, h.start, h.stop, h.kind) for h in found] == expected
    assert all(joined[h.start:h.stop] == h.form for h in found)


def test_alignment_carries_the_hits_the_rules_read():
    en, ru = _doc_from_texts(EN, "en"), _doc_from_texts(RU, "ru")
    alignment = align_documents(en, ru, glossary=G)
    assert alignment.hits is not None
    assert [len(s) for s in alignment.hits.en.sentences] == [1, 1, 0]
    kinds = [f.kind for f in check_alignment(alignment, None)]  # no glossary: the alignment's hits
    assert "forbidden_variant" in kinds
