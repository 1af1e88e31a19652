"""fix corrects prose only: Markdown structure around a name stays byte for byte.

Each row is a Markdown article with the forbidden «Київ» (and «Молдавии») in one
structural place; the expected output corrects the prose and nothing else.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from bilingual.cli import app
from bilingual.sources.markup import markdown_prose

from .helpers import SMALL_GLOSSARY

PROSE = "Министр прибыл из Молдавии во вторник."
PROSE_FIXED = "Министр прибыл из Молдовы во вторник."

# id: (the structural line, what it must become)
CASES = {
    "link target": ("Встреча прошла в [столице](https://uk.wikipedia.org/wiki/Київ).",
                    "Встреча прошла в [столице](https://uk.wikipedia.org/wiki/Київ)."),
    "link text is prose, its target is not": ("Встреча прошла в [Київі](https://uk.wikipedia.org/wiki/Київ).",
                                              "Встреча прошла в [Киеве](https://uk.wikipedia.org/wiki/Київ)."),
    "image path, alt text fixed": ("![Вид на Київ](photos/Київ-2024.jpg)", "![Вид на Киев](photos/Київ-2024.jpg)"),
    "inline code": ("Тег `Київ` остаётся в шаблоне.", "Тег `Київ` остаётся в шаблоне."),
    "autolink": ("Источник: <https://kyiv.example/Київ>.", "Источник: <https://kyiv.example/Київ>."),
    "bare URL": ("Источник: https://kyiv.example/Київ сегодня.", "Источник: https://kyiv.example/Київ сегодня."),
    "reference label and definition": ("Смотрите [отчёт][Київ].\n\n[Київ]: https://kyiv.example/report",
                                       "Смотрите [отчёт][Київ].\n\n[Київ]: https://kyiv.example/report"),
    "HTML comment in a paragraph": ("Текст <!-- старое: Київ --> дальше.", "Текст <!-- старое: Київ --> дальше."),
    "HTML comment block": ("<!--\nКиїв: проверить\n-->", "<!--\nКиїв: проверить\n-->"),
    "inline HTML attribute": ('Город <span title="Київ">Київ</span> бомбили.',
                              'Город <span title="Київ">Киев</span> бомбили.'),
    "fenced code block": ("```\nКиїв = 1\n```", "```\nКиїв = 1\n```"),
    "indented code block": ("    Київ в коде", "    Київ в коде"),
    "table cell is prose": ("| город | статус |\n|---|---|\n| Київ | столица |",
                            "| город | статус |\n|---|---|\n| Киев | столица |"),
    "quote is prose": ("> Мы в Київі, сказал он.", "> Мы в Киеве, сказал он."),
}


def article(line: str, prose: str) -> str:
    return f"---\ntitle: Київ\nurl: https://site.example/Київ\n---\n# Визит\n\n{line}\n\n{prose}\n"


@pytest.mark.parametrize("kind", list(CASES))
def test_fix_changes_prose_only(kind, tmp_path, monkeypatch):
    line, want = CASES[kind]
    (tmp_path / "g.csv").write_text(SMALL_GLOSSARY, encoding="utf-8")
    (tmp_path / "ru.md").write_text(article(line, PROSE), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["fix", "ru.md", "-g", "g.csv", "-o", "out.md"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out.md").read_text(encoding="utf-8") == article(want, PROSE_FIXED)


# Markdown -> its prose, pieces joined by "|"
PROSE_OF = {
    "[a](b) c": "[a| c",
    "x `y` z": "x | z",
    "a <b>c</b> d": "a |c| d",
    "```\ncode\n```\n\ntext": "text",
    "# Head\n\npara one\npara two": "Head|para one\npara two",
}


@pytest.mark.parametrize("text", list(PROSE_OF))
def test_markdown_prose_ranges(text):
    assert "|".join(text[a:b] for a, b in markdown_prose(text).ranges) == PROSE_OF[text]
