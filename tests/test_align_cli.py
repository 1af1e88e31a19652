"""`bilingual align` end to end: reading, output formats, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilingual.report.links import parse_links
from bilingual.cli import app
from bilingual.report.tmx import read_tmx

runner = CliRunner()

EN_LINES = [
    "Russia said on Monday it would send 1,500 troops to the border.",
    "President Putin met Masoud Pezeshkian in Moscow.",
    "The talks lasted three hours. Both sides called them useful.",
    "What comes next?",
]
RU_LINES = [
    "В понедельник Россия заявила, что направит к границе 1500 военных.",
    "Президент Путин встретился с Масудом Пезешкианом в Москве.",
    "Переговоры длились три часа.",
    "Обе стороны назвали их полезными.",
    "Что дальше?",
]
EXPECTED = "[0]:[0]:{}\n[1]:[1]:{}\n[2]:[2,3]:{}\n[3]:[4]:{}\n"

EN_MD = """---
title: Talks in Moscow
---
# Putin meets Pezeshkian

President Putin met Masoud Pezeshkian in Moscow on Friday. The talks lasted three hours.

Both sides called them useful. A joint statement mentioned 12 agreements.

What comes next?
"""
RU_MD = """---
title: Переговоры в Москве
---
# Путин встретился с Пезешкианом

Президент Путин в пятницу встретился в Москве с Масудом Пезешкианом. Переговоры длились три часа.

Обе стороны назвали их полезными. В совместном заявлении упоминаются 12 соглашений.

Что дальше?
"""


@pytest.fixture
def lines(tmp_path: Path) -> tuple[Path, Path]:
    en, ru = tmp_path / "en.txt", tmp_path / "ru.txt"
    en.write_text("\n".join(EN_LINES) + "\n", encoding="utf-8")
    ru.write_text("\n\n".join(RU_LINES) + "\n", encoding="utf-8")  # blank lines are skipped
    return en, ru


@pytest.fixture
def articles(tmp_path: Path) -> tuple[Path, Path]:
    en, ru = tmp_path / "en.md", tmp_path / "ru.md"
    en.write_text(EN_MD, encoding="utf-8")
    ru.write_text(RU_MD, encoding="utf-8")
    return en, ru


def run(*args):
    return runner.invoke(app, ["align", *map(str, args)])


def test_default_format_one_link_a_line(lines):
    res = run(*lines, "--split", "lines")
    assert res.exit_code == 0, res.output
    links = parse_links(res.stdout)
    assert [(link.en, link.ru) for link in links] == [((0,), (0,)), ((1,), (1,)), ((2,), (2, 3)), ((3,), (4,))]
    assert res.stdout == EXPECTED.format(*(f"{link.score:.2f}" for link in links))


def test_jsonl_carries_texts(lines):
    res = run(*lines, "--split", "lines", "--format", "jsonl")
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows[2]["en"] == [2] and rows[2]["ru"] == [2, 3]
    assert rows[2]["ru_text"] == "Переговоры длились три часа. Обе стороны назвали их полезными."
    assert rows[1]["en_text"] == EN_LINES[1]
    assert all(0.0 <= r["score"] <= 1.0 and isinstance(r["uncertain"], bool) for r in rows)


def test_tsv_has_header_and_one_row_per_link(lines):
    res = run(*lines, "--split", "lines", "-f", "tsv")
    assert res.exit_code == 0, res.output
    rows = [line.split("\t") for line in res.stdout.splitlines()]
    assert rows[0] == ["en", "ru", "score", "uncertain", "en_text", "ru_text"]
    assert [(r[0], r[1]) for r in rows[1:]] == [("0", "0"), ("1", "1"), ("2", "2,3"), ("3", "4")]
    assert rows[4][4:] == ["What comes next?", "Что дальше?"]


def test_tmx_to_file_round_trips(lines, tmp_path):
    out = tmp_path / "out.tmx"
    res = run(*lines, "--split", "lines", "-f", "tmx", "-o", out)
    assert res.exit_code == 0, res.output
    assert res.stdout == ""
    units = read_tmx(out.read_bytes())
    assert [(src, tgt) for src, tgt, _ in units] == [
        (EN_LINES[0], RU_LINES[0]),
        (EN_LINES[1], RU_LINES[1]),
        (EN_LINES[2], RU_LINES[2] + " " + RU_LINES[3]),
        (EN_LINES[3], RU_LINES[4]),
    ]
    assert units[2][2].ru == (2, 3)


def test_articles_are_segmented_and_aligned_by_paragraph(articles):
    res = run(*articles, "-f", "jsonl")
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [(r["en"], r["ru"]) for r in rows] == [([i], [i]) for i in range(6)]
    assert rows[0]["ru_text"] == "Путин встретился с Пезешкианом"


def test_glossary_option(articles):
    glossary = Path(articles[0]).parent / "glossary.csv"
    glossary.write_text("en,ru,type,variants,forbidden,note\nPezeshkian,Пезешкиан,person,,,\n", encoding="utf-8")
    res = run(*articles, "--glossary", glossary)
    assert res.exit_code == 0, res.output
    assert [(link.en, link.ru) for link in parse_links(res.stdout)] == [((i,), (i,)) for i in range(6)]


def test_output_file_is_written(lines, tmp_path):
    out = tmp_path / "links.txt"
    res = run(*lines, "--split", "lines", "-o", out)
    assert res.exit_code == 0, res.output
    assert out.read_text(encoding="utf-8").startswith("[0]:[0]:")


@pytest.mark.parametrize(
    "args_of, message",
    [
        (lambda en, ru, tmp: [tmp / "missing.txt", ru, "--split", "lines"], "missing.txt"),
        (lambda en, ru, tmp: [en, ru, "--split", "lines", "-g", tmp / "nope.csv"], "nope.csv"),
        (lambda en, ru, tmp: [en, ru, "--split", "lines", "-o", tmp / "no" / "dir" / "x.txt"], "x.txt"),
    ],
    ids=["missing input", "missing glossary", "unwritable output"],
)
def test_bad_input_is_one_line_and_exit_2(lines, tmp_path, args_of, message):
    res = run(*args_of(*lines, tmp_path))
    assert res.exit_code == 2
    assert res.stdout == ""
    err = res.stderr.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and message in err[0]
    assert "Traceback" not in res.output


def test_bad_option_value_is_rejected(lines):
    res = run(*lines, "--mode", "fast")
    assert res.exit_code == 2
