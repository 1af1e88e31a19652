"""`bilingual fix`: forbidden renderings corrected in place, every other character kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilingual.cli import app
from bilingual.fix.apply import fix_file
from bilingual.glossary import load_glossary

GLOSSARY = """\
en,ru,type,variants,forbidden,note
Moldova,Молдова,country,,Молдавия,never Молдавия
Kharkiv,Харьков,city,,Харкив;Харків,
Volodymyr Zelensky,Владимир Зеленский,person,,Володимир Зеленський,
"""

RU = """\
---
title: Переговоры
date: 2025-06-01
---
# Переговоры с Молдавией

Делегация прилетела в Харкив в понедельник.  Встреча с Володимиром Зеленським прошла в Харкиве.

Молдова и Киев — без изменений; Молдавии обещали помощь.
"""

EN = """\
# Talks with Moldova

The delegation flew to Kharkiv on Monday. The meeting with Volodymyr Zelensky took place in Kharkiv.

Moldova and Kyiv are unchanged; Moldova was promised help.
"""

EXPECTED = RU.replace("с Молдавией", "с Молдовой").replace("в Харкив в", "в Харьков в") \
    .replace("с Володимиром Зеленським", "с Владимиром Зеленским").replace("в Харкиве", "в Харькове") \
    .replace("Молдавии обещали", "Молдове обещали")


@pytest.fixture
def article(tmp_path: Path) -> tuple[Path, Path, Path]:
    (tmp_path / "glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "ru.md").write_text(RU, encoding="utf-8")
    (tmp_path / "en.md").write_text(EN, encoding="utf-8")
    return tmp_path / "ru.md", tmp_path / "en.md", tmp_path / "glossary.csv"


def test_fix_file_changes_only_the_names(article):
    ru, en, gl = article
    result = fix_file(ru, load_glossary(gl), en_path=en)
    assert result.fixed == EXPECTED
    assert [(c.old, c.new) for c in result.changes] == [
        ("Молдавией", "Молдовой"), ("Харкив", "Харьков"), ("Володимиром Зеленським", "Владимиром Зеленским"),
        ("Харкиве", "Харькове"), ("Молдавии", "Молдове")]
    for c in result.changes:
        assert result.original[c.start:c.stop] == c.old


def test_cli_prints_a_unified_diff_and_leaves_the_file(article):
    ru, en, gl = article
    res = CliRunner().invoke(app, ["fix", str(ru), "--en", str(en), "--glossary", str(gl)])
    assert res.exit_code == 0, res.output
    assert "-# Переговоры с Молдавией\n+# Переговоры с Молдовой\n" in res.output
    assert ru.read_text(encoding="utf-8") == RU


def test_cli_json_lists_replacements(article):
    ru, en, gl = article
    res = CliRunner().invoke(app, ["fix", str(ru), "--glossary", str(gl), "--format", "json"])
    assert res.exit_code == 0, res.output
    changes = json.loads(res.stdout)["changes"]
    assert changes[0] == {"sentence": 1, "old": "Молдавией", "new": "Молдовой", "term": "Moldova", "case": "ablt",
                          "rule": "form", "cue": "«Молдавией»: ablt", "uncertain": False}
    assert {c["term"] for c in changes} == {"Moldova", "Kharkiv", "Volodymyr Zelensky"}


def test_cli_output_file_is_written(article, tmp_path):
    ru, en, gl = article
    out = tmp_path / "ru.fixed.md"
    res = CliRunner().invoke(app, ["fix", str(ru), "--glossary", str(gl), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert out.read_text(encoding="utf-8") == EXPECTED


@pytest.mark.parametrize("name, content, message", [
    ("ru.md", None, "No such file"),
    ("ru.md", b"\x00\x01binary\xff\xfe", ""),
    ("ru.html", "<html><body><p>Молдавия</p></body></html>", "Markdown or plain-text"),
])
def test_cli_bad_input_is_one_line_and_exit_2(tmp_path, name, content, message):
    (tmp_path / "glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif content is not None:
        path.write_bytes(content)
    res = CliRunner().invoke(app, ["fix", str(path), "--glossary", str(tmp_path / "glossary.csv"),
                                   "-o", str(tmp_path / "out.md")])
    assert res.exit_code == 2
    assert "Traceback" not in res.output
    assert res.output.startswith("error: ") and message in res.output
    assert not (tmp_path / "out.md").exists()


# (a paragraph of the Russian article, its language, whether fix may change it)
MIXED = [
    ("Власти Харкива объявили тревогу в понедельник, сообщили в городской администрации.", "ru", True),
    # Russian with nothing but the Ukrainian spelling of a name to go on: still Russian
    ("Встреча прошла в Харкові.", "ru", True),  # read as Ukrainian until the forbidden form is taken out
    ("«Міська влада Харкова повідомила, що в Харкові оголошено тривогу», — написал мэр в телеграме.",
     "uk", False),
    ("Міська влада повідомила, що в Харкові та області оголошено повітряну тривогу до ранку.", "uk", False),
    ("The city council of Kharkiv — Харкив in the original — met on Monday to discuss the alert.", "en", False),
]


def test_fix_leaves_paragraphs_in_other_languages_alone(tmp_path):
    (tmp_path / "glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    ru = tmp_path / "ru.md"
    ru.write_text("\n\n".join(p for p, _, _ in MIXED) + "\n", encoding="utf-8")
    result = fix_file(ru, load_glossary(tmp_path / "glossary.csv"))
    fixed = result.fixed.split("\n\n")
    for (before, _lang, changes), after in zip(MIXED, fixed):
        assert (after.strip() != before) is changes, after
    assert fixed[0].startswith("Власти Харькова объявили")
    langs = {lang for lang, _ in result.other_language}
    assert langs == {lang for _text, lang, changes in MIXED if not changes}
    assert all(c.old in ("Харкова", "Харкові", "Харкив") for _, c in result.other_language)
    report = result.to_dict()["skipped_other_language"]
    assert {r["language"] for r in report} == langs


def test_cli_says_what_it_left_in_other_languages(tmp_path):
    (tmp_path / "glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    ru = tmp_path / "ru.md"
    ru.write_text("\n\n".join(p for p, _, _ in MIXED) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["fix", str(ru), "-g", str(tmp_path / "glossary.csv")])
    assert result.exit_code == 0, result.output
    assert "left alone in paragraphs in Ukrainian, English" in result.output
