"""Mining names from an aligned corpus: candidates, Russian renderings, review CSV, accepting rows."""

import csv
import io

import pytest
from typer.testing import CliRunner

from bilingual.cli import app
from bilingual.glossary import load_glossary
from bilingual.mining.mine import accept, mine, proposals_csv
from bilingual.glossary.render import nominative, translit_similarity
from bilingual.model import Glossary, Term

ARTICLES = {
    "berlin-talks": (
        "# Scholz and Macron meet in Berlin\n\n"
        "On Monday in Berlin, German Chancellor Olaf Scholz held talks with the French leader Emmanuel Macron.\n\n"
        "The two leaders discussed aid to Kyiv. Analysts said the talks went well.\n\n"
        "Macron later flew to Warsaw, where he met Donald Tusk.\n",
        "# Шольц и Макрон встретились в Берлине\n\n"
        "В понедельник в Берлине канцлер Германии Олаф Шольц провёл переговоры с французским лидером Эммануэлем Макроном.\n\n"
        "Два лидера обсудили помощь Киеву. Аналитики отметили, что переговоры прошли успешно.\n\n"
        "Позже Макрон вылетел в Варшаву, где встретился с Дональдом Туском.\n",
    ),
    "warsaw-summit": (
        "# Tusk hosts summit in Warsaw\n\n"
        "Polish Prime Minister Donald Tusk hosted a summit in Warsaw on Friday.\n\n"
        "Olaf Scholz and Emmanuel Macron attended, and the leaders spoke about Kyiv.\n\n"
        "German officials praised the meeting.\n",
        "# Туск провёл саммит в Варшаве\n\n"
        "Премьер-министр Польши Дональд Туск провёл саммит в Варшаве в пятницу.\n\n"
        "В нём приняли участие Олаф Шольц и Эммануэль Макрон, лидеры говорили о Кийве.\n\n"
        "Немецкие чиновники высоко оценили встречу.\n",
    ),
}
GLOSSARY = Glossary((Term("Kyiv", "Киев", "city", (), ("Київ",)),))


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "corpus"
    for slug, (en, ru) in ARTICLES.items():
        (root / slug).mkdir(parents=True)
        (root / slug / "en.md").write_text(en, "utf-8")
        (root / slug / "ru.md").write_text(ru, "utf-8")
    return root


@pytest.fixture
def result(corpus):
    return mine([corpus], GLOSSARY)


def test_names_come_with_their_russian_nominative(result):
    got = {p.en: p.ru for p in result.proposals}
    assert got == {
        "Olaf Scholz": "Олаф Шольц",
        "Emmanuel Macron": "Эммануэль Макрон",
        "Berlin": "Берлин",
        "Warsaw": "Варшава",
        "Donald Tusk": "Дональд Туск",
        "Macron": "Макрон",  # alone in a body sentence
        "Scholz": "Шольц",  # alone only in a headline, which is in sentence case: read like a sentence
        "Tusk": "Туск",
        # countries the English names by their demonyms ("German Chancellor" / «Канцлер Германии»)
        "Germany": "Германия",
        "France": "Франция",
        "Poland": "Польша",
    }


def test_counts_confidence_and_examples(result):
    scholz = next(p for p in result.proposals if p.en == "Olaf Scholz")
    assert scholz.count == 2
    assert 0.45 <= scholz.confidence <= 1
    assert "Olaf Scholz" in scholz.example_en and "Олаф Шольц" in scholz.example_ru
    assert scholz.status == "proposed"


@pytest.mark.parametrize("not_a_name", ["German", "French", "Polish", "The", "Analysts", "Monday", "Kyiv",
                                         "German Chancellor Olaf Scholz", "President"])
def test_titles_demonyms_sentence_starts_and_listed_terms_are_not_proposed(result, not_a_name):
    assert not_a_name not in {p.en for p in result.proposals}


def test_unlisted_renderings_of_existing_terms(result):
    (v,) = result.variations
    assert (v.en, v.ru, v.forbidden) == ("Kyiv", "Киев", ("Кийв",))
    assert "Кийв" in v.example_ru


def test_review_csv_and_accept(tmp_path, result):
    text = proposals_csv(result.proposals + result.variations)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ["en", "ru", "type", "variants", "forbidden", "note", "en_variants", "confidence", "count",
                             "evidence", "example_en", "example_ru", "status"]
    # what the mining saw is evidence for the reviewer, not a note for the glossary
    assert all(row["note"] == "" and row["evidence"] for row in rows)
    for row in rows:
        if row["en"] in ("Olaf Scholz", "Kyiv"):
            row["status"] = "accepted"
    reviewed = tmp_path / "reviewed.csv"
    with reviewed.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    gp = tmp_path / "glossary.csv"
    gp.write_text("en,ru,type,variants,forbidden,note\nKyiv,Киев,city,,Київ,\n", "utf-8")
    report = accept(gp, reviewed)
    assert [t.en for t in report.added] == ["Olaf Scholz"]
    assert [t.en for t in report.merged] == ["Kyiv"]
    g = load_glossary(gp)
    assert [(t.en, t.ru, t.forbidden) for t in g] == [("Kyiv", "Киев", ("Київ", "Кийв")),
                                                       ("Olaf Scholz", "Олаф Шольц", ())]
    assert [t.note for t in g] == ["", ""]  # --accept writes no mining statistics into the note column


@pytest.mark.parametrize("en, ru, at_least", [
    (("Pezeshkian",), ("Пезешкиан",), 0.8),
    (("Olaf", "Scholz"), ("Олаф", "Шольц"), 0.8),
    (("Reuters",), ("Reuters",), 1.0),
    (("Washington",), ("Вашингтон",), 0.8),
])
def test_transliteration_similarity(en, ru, at_least):
    assert translit_similarity(en, ru) >= at_least


def test_unrelated_words_do_not_sound_alike():
    assert translit_similarity(("Berlin",), ("Варшава",)) < 0.5


@pytest.mark.parametrize("words, expected", [
    (("Эммануэлем", "Макроном"), "Эммануэль Макрон"),
    (("Варшаве",), "Варшава"),
    (("Грузинской", "мечты"), "Грузинская мечта"),
    (("Reuters",), "Reuters"),
])
def test_nominative(words, expected):
    assert nominative(words) == expected


def test_cli_mine_writes_csv_and_accepts(tmp_path, corpus, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "glossary.csv").write_text("en,ru,type,variants,forbidden,note\nKyiv,Киев,city,,,\n", "utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["glossary", "mine", "-o", "proposals.csv"])
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith("11 new names, 1 terms with unlisted renderings → proposals.csv")
    text = (tmp_path / "proposals.csv").read_text("utf-8").replace(",proposed\n", ",accepted\n", 1)
    (tmp_path / "proposals.csv").write_text(text, "utf-8")
    res = runner.invoke(app, ["glossary", "mine", "--accept", "proposals.csv"])
    assert res.exit_code == 0 and res.stdout.startswith("added: ")
    assert len(load_glossary(tmp_path / "glossary.csv")) == 2


def test_cli_accept_needs_a_status_column(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "glossary.csv").write_text("en,ru,type,variants,forbidden,note\n", "utf-8")
    (tmp_path / "p.csv").write_text("en,ru,type,variants,forbidden,note\nBerlin,Берлин,city,,,\n", "utf-8")
    res = CliRunner().invoke(app, ["glossary", "mine", "--accept", "p.csv"])
    assert res.exit_code == 2
    assert res.stderr == "error: p.csv:1: no 'status' column: mark the rows to add as status=accepted\n"


@pytest.mark.parametrize("forms, expected", [
    ({("Олафа", "Шольца"): 1, ("Олаф", "Шольц"): 1}, "Олаф Шольц"),  # the shortest form of unknown names
    ({("Шольцем",): 1, ("Шольц",): 1}, "Шольц"),
    ({("Пандоры",): 1}, "Пандора"),  # a guessed lemma that only changes the ending
    ({("Кийве",): 1}, "Кийв"),
    ({("Варшаву",): 2, ("Варшаве",): 1}, "Варшава"),  # dictionary words are inflected
    ({("Ближнем", "Востоке"): 3}, "Ближний Восток"),
])
def test_citation_form(forms, expected):
    from collections import Counter

    from bilingual.glossary.render import citation_form

    assert citation_form(Counter(forms)) == expected


@pytest.mark.parametrize("ru, expected", [
    ("Олаф Шольц", "person"),
    ("Варшава", "place"),
    ("НАТО", "organization"),
    ("Ближний Восток", ""),
])
def test_guess_type(ru, expected):
    from bilingual.mining.mine import guess_type

    assert guess_type(ru) == expected


def test_top_keeps_the_best_ranked_proposals(corpus, result):
    top = mine([corpus], GLOSSARY, top=2).proposals
    assert [p.en for p in top] == [p.en for p in result.proposals[:2]]
    assert all(a.confidence >= b.confidence for a, b in zip(result.proposals, result.proposals[1:]))


def test_cli_mine_top(tmp_path, corpus, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "glossary.csv").write_text("en,ru,type,variants,forbidden,note\nKyiv,Киев,city,,,\n", "utf-8")
    res = CliRunner().invoke(app, ["glossary", "mine", "--top", "2", "-o", "proposals.csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO((tmp_path / "proposals.csv").read_text("utf-8"))))
    assert len([r for r in rows if r["evidence"].startswith("with this rendering")]) == 2


def test_proposal_types_come_from_the_names_engine(result):
    got = {p.en: p.type for p in result.proposals}
    assert got["Olaf Scholz"] == "person"
    assert got["Berlin"] == "place"


def test_a_word_glued_to_a_number_is_no_name(tmp_path):
    root = tmp_path / "corpus"
    (root / "planes").mkdir(parents=True)
    (root / "planes" / "en.md").write_text(
        "On Monday an An-24 landed in Kazan.\n\nFormula 1 returns to Kazan next year.\n", "utf-8")
    (root / "planes" / "ru.md").write_text(
        "В понедельник Ан-24 приземлился в Казани.\n\nФормула-1 вернётся в Казань в следующем году.\n",
        "utf-8")
    got = {p.en: p.ru for p in mine([root]).proposals}
    assert got.get("Kazan") == "Казань"
    assert "An" not in got and "Formula" not in got
