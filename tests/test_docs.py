"""Docs are part of the product: every command has help text and a place in the README, the
generated reference pages are current, the site builds, and every example in the README and the
docs runs and prints what the page shows (tests/docs_examples.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from bilingual.cli import app
from tests import docs_examples

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
# the README and the pages of docs/ (the documentation site) together
DOCS = README + "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md")))
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
        "python3 -m venv .venv && .venv/bin/pip install -U pip && .venv/bin/pip install -e . && .venv/bin/bilingual check",
        "bash .ci/run",
    ]


def test_the_readme_is_a_front_door():
    assert len(README.splitlines()) <= 300


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_command_has_help_and_is_in_the_docs(path):
    res = runner.invoke(app, [*path, "--help"])
    assert res.exit_code == 0, res.output
    assert "Usage:" in res.output
    assert f"bilingual {' '.join(path)}" in DOCS


def test_all_top_level_commands_are_listed():
    assert {p[0] for p in COMMANDS} >= {"check", "align", "fix", "translate", "models", "glossary", "diff"}


def test_every_top_level_command_has_a_docs_page_in_the_nav():
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for name in {p[0] for p in COMMANDS}:
        heading = re.compile(rf"^#+ .*\bbilingual {name}\b", re.M)
        pages = [p for p in (ROOT / "docs").glob("*.md") if p.name not in docs_examples.GENERATED
                 and heading.search(p.read_text(encoding="utf-8"))]
        assert pages, f"no docs page has a heading naming 'bilingual {name}'"
        assert any(p.name in nav for p in pages), f"the page for 'bilingual {name}' is not in mkdocs.yml"


def test_the_generated_reference_pages_are_current():
    proc = subprocess.run([sys.executable, str(ROOT / "docs" / "gen_reference.py"), "--check"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr


def test_the_docs_site_builds_strictly(tmp_path):
    pytest.importorskip("mkdocs")
    pytest.importorskip("material")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir",
                           str(tmp_path / "site")], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "site" / "cli-reference" / "index.html").exists()


# --- every example runs -------------------------------------------------------------------

def test_the_example_parser_reads_commands_outputs_and_markers():
    text = ("Intro\n\n<!-- example: needs=translate -->\n```console\n$ echo one \\\n  two\none two\n"
            "$ true\n```\n\n```console\n$ printf 'a\\nb\\n'\na\nb\n```\n")
    blocks = docs_examples.parse(text)
    assert [b.needs for b in blocks] == [["translate"], []]
    assert [(c.text, c.expected) for c in blocks[0].commands] == [("echo one \\\n  two", ["one two"]), ("true", [])]
    assert blocks[1].commands[0].line == 12


@pytest.mark.parametrize("expected, actual, ok", [
    (["a", "b"], ["a", "b  "], True),            # trailing spaces don't count
    (["a", "...", "z"], ["a", "b", "c", "z"], True),
    (["a", "...", "z"], ["a", "z"], True),
    (["a", "..."], ["b"], False),
    (["a"], ["a", "b"], False),
    (["12.5 segments/s"], ["3.1 segments/s"], True),  # speeds are normalised
    (["12 flags"], ["13 flags"], False),               # other numbers are not
])
def test_the_example_comparison(expected, actual, ok):
    assert docs_examples.matches(expected, actual) is ok


def test_every_doc_file_has_examples_or_none_broken():
    for path in docs_examples.doc_files():
        docs_examples.parse(path.read_text(encoding="utf-8"))  # a malformed block raises


@pytest.mark.slow
@pytest.mark.parametrize("path", docs_examples.doc_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_example_runs_and_prints_what_the_page_shows(path):
    skipped = []
    problems = docs_examples.check_file(path, skipped=skipped)
    assert not problems, "\n\n".join(problems)
    if skipped:  # everything else ran and matched; say what could not run here
        pytest.skip("; ".join(skipped))


def test_examples_leave_the_repository_alone(tmp_path):
    before = subprocess.run(["git", "status", "--porcelain", "corpus", "examples", "glossary.csv"], cwd=ROOT,
                            capture_output=True, text=True).stdout
    page = tmp_path / "page.md"
    page.write_text("```console\n$ bilingual fix corpus/moldova-georgia-nato/ru.md --in-place --no-backup > /dev/null\n"
                    "1 form in 1 of 1 file changed\n"
                    "$ grep -c Молдавии corpus/moldova-georgia-nato/ru.md\n0\n```\n", encoding="utf-8")
    assert docs_examples.check_file(page) == []
    after = subprocess.run(["git", "status", "--porcelain", "corpus", "examples", "glossary.csv"], cwd=ROOT,
                           capture_output=True, text=True).stdout
    assert after == before
    assert "Молдавии" in (ROOT / "corpus" / "moldova-georgia-nato" / "ru.md").read_text(encoding="utf-8")


def test_the_shipped_examples_are_what_make_examples_writes(tmp_path):
    """examples/ follows the corpus: written again, every file is the same (a .docx by its text)."""
    import importlib.util

    from docx import Document

    spec = importlib.util.spec_from_file_location("make_examples", ROOT / "examples" / "make_examples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = module.make(tmp_path)
    shipped = sorted(p for p in (ROOT / "examples").rglob("*") if p.is_file() and p.name not in module.KEEP
                     and "__pycache__" not in p.parts)
    assert [p.relative_to(tmp_path) for p in written] == [p.relative_to(ROOT / "examples") for p in shipped]
    for new, old in zip(written, shipped):
        if new.suffix == ".docx":  # a Word file carries its creation time: compare the text
            text = lambda p: [para.text for para in Document(str(p)).paragraphs]  # noqa: E731
            assert text(new) == text(old), old
        else:
            assert new.read_bytes() == old.read_bytes(), f"{old} is stale: run python examples/make_examples.py"
