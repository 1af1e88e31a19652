"""Glossary lint: one problem per line with file:line and the check's name."""

import pytest

from bilingual.glossary.lint import lint_glossary

HEADER = "en,ru,type,variants,forbidden,note\n"
CLEAN = HEADER + "Kyiv,Киев,city,,Київ;Кыив,\nNATO,НАТО,organization,Североатлантический альянс,,\n"


def lint(tmp_path, text, corpus=None):
    p = tmp_path / "glossary.csv"
    p.write_text(text, "utf-8")
    return [(q.line, q.code) for q in lint_glossary(p, corpus)], p


def test_a_clean_glossary_has_no_problems(tmp_path):
    assert lint(tmp_path, CLEAN)[0] == []


@pytest.mark.parametrize("rows, expected", [
    ("Kyiv,Киев,city,,,\nKyiv,Киев,city,,,\n", [(3, "duplicate-en")]),
    ("Kyiv,Киев,city,,,\nKiev,Киев,city,,,\n", [(3, "shared-ru")]),
    ("Kyiv,Киев,city,,Киев,\n", [(2, "forbidden-allowed")]),
    ("Kyiv,Киев,city,,Кыив,\nKyyiv,Кыив,city,,,\n", [(2, "forbidden-allowed")]),
    ("Kyiv,Киеu,city,,,\n", [(2, "mixed-script")]),  # Latin u
    ("Moldova,Мoлдова,country,,,\n", [(2, "mixed-script")]),  # Latin o
    ("WНO,ВОЗ,organization,,,\n", [(2, "mixed-script")]),  # Cyrillic Н in English
    ("Moldova,Молдова,country,,Мол\u00adдавия,\n", [(2, "hidden-char")]),  # soft hyphen
    ("Moldova,Молдова\u200b,country,,,\n", [(2, "hidden-char")]),  # zero-width space
    ("Moldova,Мол\u2060дова,country,,,\n", [(2, "hidden-char")]),  # word joiner
    ("Moldova,Молдова,country,Молдо\u0301ва,,\n", [(2, "hidden-char")]),  # stress mark
    ("Moldova,Молд\ufeffова,country,,,\n", [(2, "hidden-char")]),  # a BOM inside the text
    ("Kyiv,Київ,city,,,\n", [(2, "unparsed-ru")]),  # Ukrainian letters
    ("Kyiv,Киева,city,,,\n", [(2, "unparsed-ru")]),  # genitive, not the dictionary form
    ("Sandu,Санду,person,,,indeclinable\n", []),
    ("Kyiv,Киев,town,,,\n", [(2, "unknown-type")]),
    ("Kyiv,Киев,,,,\n", [(2, "unknown-type")]),
    ('" Kyiv",Киев,city,,,\n', [(2, "stray-spaces")]),
    ("Kyiv,Киев,city,,,capital  city\n", [(2, "stray-spaces")]),
    ("Kyiv,Киев\u00a0,city,,,\n", [(2, "stray-spaces")]),
    ("Côte d’Ivoire,Кот-д'Ивуар,country,,,\n", [(2, "smart-quotes")]),
    # schema errors of single rows: all reported, the rest still linted
    ("Kyiv,,city,,,\nKiev,Киев,city,,,\n=1+1,Путин,person,,,\n",
     [(2, "schema"), (4, "schema")]),
])
def test_problems(tmp_path, rows, expected):
    assert lint(tmp_path, HEADER + rows)[0] == expected


HEADER7 = "en,ru,type,variants,forbidden,note,en_variants\n"


@pytest.mark.parametrize("rows, expected", [
    # another term's en, in any case or punctuation variant the matcher folds
    ("Georgia,Грузия,country,,,,\nAtlanta,Атланта,city,,,,Georgia\n", [(3, "en-variant-collision")]),
    ("Georgia,Грузия,country,,,,\nAtlanta,Атланта,city,,,,GEORGIA\n", [(3, "en-variant-collision")]),
    ("Atlanta,Атланта,city,,,,Georgia\nGeorgia,Грузия,country,,,,\n", [(2, "en-variant-collision")]),
    # another term's English variant
    ("Congo,Конго,country,,,,DRC;Zaire\nKinshasa,Киншаса,city,,,,Zaire\n", [(3, "en-variant-collision")]),
    # variants of one term, and one spelt the way the term itself is: no problem
    ("United States,США,country,,,,U.S.;US;USA\n", []),
    ("Kyiv,Киев,city,,,,Kyiv;Kiev\n", []),
    ("Congo,Конго,country,,,,DRC\nDR Congo,ДР Конго,country,,,,Congo-Kinshasa\n", []),
])
def test_en_variant_collision(tmp_path, rows, expected):
    assert lint(tmp_path, HEADER7 + rows)[0] == expected


def test_en_variant_collision_names_the_other_term(tmp_path):
    p = tmp_path / "glossary.csv"
    p.write_text(HEADER7 + "Georgia,Грузия,country,,,,\nAtlanta,Атланта,city,,,,Georgia\n", "utf-8")
    assert [q.message for q in lint_glossary(p)] == ["en variant 'Georgia' is the en of 'Georgia' (line 2)"]


def test_header_problem_is_one_line(tmp_path):
    assert lint(tmp_path, "en;ru;type\n")[0] == [(1, "schema")]


def test_problem_text_names_file_and_line(tmp_path):
    problems = lint_glossary(_write(tmp_path, HEADER + "Kyiv,Киев,city,,,\nKiev,Киев,city,,,\n"))
    assert str(problems[0]) == f"{tmp_path / 'glossary.csv'}:3: shared-ru: ru 'Киев' is also the ru of 'Kyiv' (line 2)"


def _write(tmp_path, text):
    p = tmp_path / "glossary.csv"
    p.write_text(text, "utf-8")
    return p


def test_terms_nowhere_in_the_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "a").mkdir(parents=True)
    (corpus / "a" / "en.md").write_text("NATO leaders met in Kyiv on Monday to discuss the war.\n", "utf-8")
    (corpus / "a" / "ru.md").write_text("Лидеры НАТО встретились в Киеве в понедельник, чтобы обсудить войну.\n", "utf-8")
    text = CLEAN + "Moldova,Молдова,country,,Молдавия,\n"
    assert lint(tmp_path, text, corpus)[0] == [(4, "unused")]


def test_an_unused_term_is_a_note_that_fails_nothing(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from bilingual.cli import app

    corpus = tmp_path / "corpus"
    (corpus / "a").mkdir(parents=True)
    (corpus / "a" / "en.md").write_text("NATO leaders met in Kyiv on Monday to discuss the war.\n", "utf-8")
    (corpus / "a" / "ru.md").write_text("Лидеры НАТО встретились в Киеве в понедельник, чтобы обсудить войну.\n", "utf-8")
    p = _write(tmp_path, CLEAN + "Moldova,Молдова,country,,Молдавия,\n")
    (problem,) = [q for q in lint_glossary(p, corpus) if q.code == "unused"]
    assert problem.level == "info" and str(problem).startswith(f"{p}:4: unused (info): ")
    res = CliRunner().invoke(app, ["glossary", "lint", str(p), "-c", str(corpus)])
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith(f"{p}:4: unused (info): ")
    assert res.stderr == f"{p}: no problems (1 note)\n"
    res = CliRunner().invoke(app, ["glossary", "lint", str(_write(tmp_path, CLEAN)), "--no-corpus"])
    assert res.exit_code == 0 and res.stdout == "" and res.stderr == f"{tmp_path / 'glossary.csv'}: no problems\n"
