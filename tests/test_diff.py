"""Version diff on literal sentence lists: which kind each change is, and what
the word diff shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual.diff import compare_flags, diff_versions
from bilingual.diff.words import side, word_diff
from bilingual.model import Flag

A = "Путин прибыл в Минск с рабочим визитом."
B = "Генсек НАТО назвал учения в Балтийском море плановыми."
C = "В Харькове ночью объявили воздушную тревогу."
D = "Мэр Киева пообещал восстановить подачу тепла к пятнице."
X = "Цены на бензин в Молдове выросли второй месяц подряд."


@pytest.mark.parametrize("old, new, kinds", [
    # nothing changed
    ([A, B, C], [A, B, C], ["unchanged", "unchanged", "unchanged"]),
    # one word replaced
    ([A, "Он встретился с генсеком НАТО в Москве."],
     [A, "Он встретился с генеральным секретарём НАТО в Москве."],
     ["unchanged", "reworded"]),
    # a number changed
    (["В Харькове погибли 12 человек, ранены 30."], ["В Харькове погибли 15 человек, ранены 30."],
     ["reworded"]),
    # a freer retranslation is still the same sentence
    (["Зеленский заявил, что Украина не пойдёт на уступки."],
     ["По словам Зеленского, Украина не намерена идти на уступки."], ["reworded"]),
    # split at the comma
    (["Переговоры продолжатся в Киеве, где в среду соберутся министры обороны.", B],
     ["Переговоры продолжатся в Киеве.", "Там в среду соберутся министры обороны.", B],
     ["split", "unchanged"]),
    # a short tail split off a long sentence is still a split
    (["Министр иностранных дел России Сергей Лавров заявил в пятницу, что Москва готова к переговорам с Киевом "
      "без предварительных условий, как указал источник."],
     ["Министр иностранных дел России Сергей Лавров заявил в пятницу, что Москва готова к переговорам с Киевом "
      "без предварительных условий.", "Как указал источник."],
     ["split"]),
    # a short sentence added next to a reworded one is an addition, not a split
    (["Лавров заявил, что Москва готова к переговорам с Киевом."],
     ["Лавров сообщил, что Москва готова к переговорам с Киевом.", "Он добавил это в пятницу."],
     ["reworded", "added"]),
    (["Лавров заявил, что Москва готова к переговорам с Киевом."],
     ["Лавров заявил, что Москва готова к переговорам с Киевом.", "Об этом заявил Лавров."],
     ["unchanged", "added"]),
    # two sentences merged
    ([A, "Саммит НАТО пройдёт в Гааге.", "На нём обсудят помощь Украине."],
     [A, "Саммит НАТО пройдёт в Гааге, на нём обсудят помощь Украине."],
     ["unchanged", "merged"]),
    # moved to the end: reported once, where it now stands
    ([A, B, C, D], [B, C, D, A], ["unchanged", "unchanged", "unchanged", "moved"]),
    # moved and reworded
    ([A, B, C], [B, C, "Путин прибыл в Минск с официальным визитом."], ["unchanged", "unchanged", "moved"]),
    # moved and split on the way
    ([A, "Министры стран НАТО встретятся в Брюсселе, где обсудят оборону Украины.", B, C],
     [A, B, C, "Министры стран НАТО встретятся в Брюсселе.", "Они обсудят оборону Украины."],
     ["unchanged", "unchanged", "unchanged", "moved"]),
    # moved and merged on the way
    ([A, "Саммит НАТО пройдёт в Гааге.", "На нём обсудят помощь Украине.", B, C],
     [A, B, C, "Саммит НАТО пройдёт в Гааге, на нём обсудят помощь Украине."],
     ["unchanged", "unchanged", "unchanged", "moved"]),
    # added in the middle, removed at the end
    ([A, B, C], [A, X, B], ["unchanged", "added", "unchanged", "removed"]),
    # a sentence replaced by an unrelated one is a removal and an addition, not a rewording
    ([A, B, D], [A, X, D], ["unchanged", "removed", "added", "unchanged"]),
    # empty sides
    ([], [A, B], ["added", "added"]),
    ([A, B], [], ["removed", "removed"]),
    ([], [], []),
])
def test_change_kinds(old, new, kinds):
    result = diff_versions(old, new)
    assert [c.kind for c in result.changes] == kinds
    assert sorted(i for c in result.changes for i in c.old_indexes) == list(range(len(old)))
    assert sorted(j for c in result.changes for j in c.new_indexes) == list(range(len(new)))
    assert result.summary == {k: kinds.count(k) for k in result.summary}


@pytest.mark.parametrize("old, new, deleted, inserted", [
    ("Он встретился с генсеком НАТО в Москве.", "Он встретился с генеральным секретарём НАТО в Москве.",
     ["генсеком"], ["генеральным секретарём"]),
    ("В Харькове погибли 12 человек.", "В Харькове погибли 15 человек.", ["12"], ["15"]),
    ("Мэр Київа выступил с заявлением.", "Мэр Киева выступил с заявлением.", ["Київа"], ["Киева"]),
    ("Обстрел Харьковской области продолжался всю ночь.", "Обстрел Харкивской области продолжался всю ночь.",
     ["Харьковской"], ["Харкивской"]),
    ("Переговоры продолжатся в Киеве, где соберутся министры.", "Переговоры продолжатся в Киеве. Там соберутся министры.",
     [", где"], [". Там"]),
    ("Цены выросли на 1,5%.", "Цены выросли на 2%.", ["1,5"], ["2"]),
])
def test_word_diff_shows_just_the_changed_words(old, new, deleted, inserted):
    pieces = word_diff(old, new)
    assert [t for op, t in pieces if op == "delete"] == deleted
    assert [t for op, t in pieces if op == "insert"] == inserted
    assert side(pieces, "old") == old
    assert side(pieces, "new") == new


def test_reworded_change_carries_its_word_diff_and_json_shape():
    result = diff_versions([A, "В Харькове погибли 12 человек."], [A, "В Харькове погибли 15 человек."])
    d = result.to_dict()
    assert set(d) >= {"changes", "terms", "summary"}
    change = d["changes"][1]
    # the library keeps 0-based positions; its dict, like every output, counts sentences from 1
    assert (change["kind"], result.changes[1].old_index, result.changes[1].new_index) == ("reworded", 1, 1)
    assert {k: change[k] for k in ("kind", "en_sentence", "old_sentence", "new_sentence", "old_text", "new_text")} == {
        "kind": "reworded", "en_sentence": None, "old_sentence": 2, "new_sentence": 2,
        "old_text": "В Харькове погибли 12 человек.", "new_text": "В Харькове погибли 15 человек.",
    }
    assert {"op": "delete", "text": "12"} in change["word_diff"]
    assert {"op": "insert", "text": "15"} in change["word_diff"]
    assert d["terms"] == {"fixed": [], "introduced": []}
    assert d["summary"]["reworded"] == 1 and d["summary"]["unchanged"] == 1


def _doc(paragraphs: list[list[str]], lang: str = "ru"):
    from bilingual.model import Document, Sentence

    sentences, k = [], 0
    for p, sents in enumerate(paragraphs):
        for s in sents:
            sentences.append(Sentence(idx=k, para=p, start=0, stop=len(s), text=s))
            k += 1
    return Document(path="<test>", lang=lang, text="", sentences=tuple(sentences))


@pytest.mark.parametrize("old, new, expected", [
    ([[A, B, C]], [[A], [B, C]], [("split", (0,), (0, 1))]),
    ([[A], [B, C]], [[A, B, C]], [("joined", (0, 1), (0,))]),
    ([[A, B], [C, D]], [[A], [B, C], [D]], [("regrouped", (0, 1), (0, 1, 2))]),
    ([[A, B], [C]], [[A, B], [C]], []),
    # a reworded sentence still ties its paragraphs together
    ([[A, "В Харькове погибли 12 человек."]], [[A], ["В Харькове погибли 15 человек."]],
     [("split", (0,), (0, 1))]),
])
def test_paragraph_splits_and_joins(old, new, expected):
    result = diff_versions(_doc(old), _doc(new))
    assert [(p.kind, p.old_paras, p.new_paras) for p in result.paragraphs] == expected


def _flag(kind, term, en_index, found):
    return Flag(kind=kind, en_index=en_index, term=term, found=found)


@pytest.mark.parametrize("old, new, fixed, introduced", [
    ([_flag("forbidden_variant", "Kyiv", 0, "Київ")], [], ["Київ"], []),
    ([], [_flag("forbidden_variant", "Kharkiv", 2, "Харкивской")], [], ["Харкивской"]),
    ([_flag("forbidden_variant", "Kyiv", 0, "Київ")], [_flag("forbidden_variant", "Kyiv", 0, "Київ")], [], []),
    # the same slip in another English sentence is a new one
    ([_flag("forbidden_variant", "Kyiv", 0, "Київ")],
     [_flag("forbidden_variant", "Kyiv", 0, "Київ"), _flag("forbidden_variant", "Kyiv", 3, "Київ")], [], ["Київ"]),
    # repeated flags are counted, not merged
    ([_flag("number_mismatch", None, 1, "12")] * 2, [_flag("number_mismatch", None, 1, "12")], ["12"], []),
])
def test_compare_flags(old, new, fixed, introduced):
    out = compare_flags(old, new)
    assert [f.found for f in out["fixed"]] == fixed
    assert [f.found for f in out["introduced"]] == introduced


def test_glossary_without_english_is_a_usage_error():
    from bilingual.errors import UsageError
    from bilingual.model import Glossary

    with pytest.raises(UsageError):
        diff_versions([A], [A], glossary=Glossary(terms=()))


GLOSSARY = Path(__file__).parent / "data" / "diff" / "glossary.csv"
EN = ["Talks with Kyiv could resume in June.", "Shelling in the Kharkiv region killed 12 people."]


@pytest.mark.parametrize("old, new, fixed, introduced", [
    # a forbidden spelling corrected
    (["Переговоры с Київом могут возобновиться в июне.", "Обстрелы Харьковской области унесли жизни 12 человек."],
     ["Переговоры с Киевом могут возобновиться в июне.", "Обстрелы Харьковской области унесли жизни 12 человек."],
     [("forbidden_variant", "Kyiv", "Київом")], []),
    # a forbidden spelling introduced
    (["Переговоры с Киевом могут возобновиться в июне.", "Обстрелы Харьковской области унесли жизни 12 человек."],
     ["Переговоры с Киевом могут возобновиться в июне.", "Обстрелы Харкивской области унесли жизни 12 человек."],
     [], [("forbidden_variant", "Kharkiv", "Харкивской")]),
    # a wrong number corrected
    (["Переговоры с Киевом могут возобновиться в июне.", "Обстрелы Харьковской области унесли жизни 21 человека."],
     ["Переговоры с Киевом могут возобновиться в июне.", "Обстрелы Харьковской области унесли жизни 12 человек."],
     [("number_mismatch", None, "21")], []),
    # a reworded sentence with the same terms: nothing fixed or introduced
    (["Переговоры с Киевом могут возобновиться в июне.", "Обстрелы Харьковской области унесли жизни 12 человек."],
     ["Переговоры с Киевом могут начаться вновь в июне.", "Обстрелы Харьковской области унесли жизни 12 человек."],
     [], []),
])
def test_terms_fixed_and_introduced_through_the_english(old, new, fixed, introduced):
    from bilingual.glossary import load_glossary

    result = diff_versions(old, new, en=EN, glossary=load_glossary(GLOSSARY))
    assert [(f.kind, f.term, f.found) for f in result.terms["fixed"]] == fixed
    assert [(f.kind, f.term, f.found) for f in result.terms["introduced"]] == introduced
    assert [c.en_indexes for c in result.changes] == [(0,), (1,)]
