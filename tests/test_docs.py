"""Docs are part of the product: every command has help text and a place in the README."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from bilingual.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
# the README and the pages of docs/ (the documentation site) together
DOCS = README + "".join(p.read_text(encoding="utf-8") for p in sorted(
    (Path(__file__).resolve().parents[1] / "docs").glob("*.md")))
runner = CliRunner()


def _commands():
    click_app = typer.main.get_command(app)
    for name, cmd in click_app.commands.items():
        yield (name,)
        for sub in getattr(cmd, "commands", {}) or {}:
            yield (name, sub)


COMMANDS = list(_commands())


def test_the_readme_opens_with_the_two_commands():
    first_block = README.split("```")[1]
    lines = [l for l in first_block.splitlines() if l.strip() and not l.startswith("sh")]
    assert lines == [
        "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/bilingual check",
        "bash .ci/run",
    ]


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_command_has_help_and_is_in_the_docs(path):
    res = runner.invoke(app, [*path, "--help"])
    assert res.exit_code == 0, res.output
    assert "Usage:" in res.output
    assert f"bilingual {' '.join(path)}" in DOCS


def test_all_top_level_commands_are_listed():
    assert {p[0] for p in COMMANDS} >= {"check", "align", "fix", "translate", "models", "glossary", "diff"}
