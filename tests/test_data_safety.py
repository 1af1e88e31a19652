"""The smaller data-safety guarantees, one table each: terminal output, error lines, language of a
short article, placeholder tokens, model archives, TBX entities, housekeeping.
"""

from __future__ import annotations

import json

import ast
import os
import stat
import subprocess
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

import bilingual
from bilingual.cli import app
from bilingual.glossary import parse_glossary
from bilingual.io import write_text_atomic
from bilingual.translate.enforce import Enforcer

from .helpers import SMALL_GLOSSARY
from .test_bad_input import EN, RU, assert_one_error_line, build, corpus, pair, snapshot

ESC = "\x1b]0;owned\x07\x1b[2J\x9b31m"  # set the window title, clear the screen, a one-byte CSI


def invoke(args, cwd, monkeypatch):
    monkeypatch.chdir(cwd)
    return CliRunner().invoke(app, [str(a) for a in args])


# --- terminal output: id -> (files, command); the payload must show escaped, never raw
RU_ESC = RU.replace("в Киеве", f"в Київі {ESC}")
G_ESC = (SMALL_GLOSSARY + f"Odesa,Одесса,city,,,note {ESC}\n").encode()
TERMINAL = {
    "check table, article text": (pair(ru_md=RU_ESC.encode()), ["check", "en.md", "ru.md", "-g", "g.csv"]),
    "check table -o file": (pair(ru_md=RU_ESC.encode()), ["check", "en.md", "ru.md", "-g", "g.csv", "-o", "r.txt"]),
    "diff table": (pair(new_md=RU_ESC.encode()), ["diff", "ru.md", "new.md"]),
    "glossary list": (pair(g_csv=G_ESC), ["glossary", "list", "-g", "g.csv"]),
    "glossary add echo": (pair(), ["glossary", "add", "Odesa", f"Одесса{ESC}", "-g", "g.csv"]),
    "error line naming a file": (pair(), ["check", "en.md", f"ru{ESC}.md", "--no-glossary"]),
}


@pytest.mark.parametrize("kind", list(TERMINAL))
def test_control_characters_reach_no_terminal(kind, tmp_path, monkeypatch):
    files, args = TERMINAL[kind]
    root = tmp_path / "work"
    build(root, files)
    result = invoke(args, root, monkeypatch)
    shown = result.stdout + result.stderr
    if "-o" in args:
        shown += (root / args[args.index("-o") + 1]).read_text(encoding="utf-8")
    assert not [ch for ch in shown if ch in "\x1b\x07\x9b"], repr(shown)
    assert "\\x1b" in shown


# --- smaller ones: id -> (files, command, where the one error line points, words in it)
ONE_LINE = {
    "several ru files names the folder": (corpus({"en.md": EN.encode(), "ru.md": RU.encode(),
                                                  "ru.txt": RU.encode()}),
                                          ["check", "corpus", "-g", "g.csv", "--no-cache"],
                                          "corpus/bad: several ru files",
                                          "keep one"),
    "versions in different languages names the file": (pair(), ["diff", "en.md", "ru.md"], "ru.md",
                                                       "different languages (en, ru)"),
    "bad --format is one line": (pair(), ["check", "en.md", "ru.md", "-f", "xml"], "unknown format 'xml'",
                                 "(choose from table, json, csv, xlsx, html)"),
    "--beam 0 is one line": (pair(), ["translate", "en.md", "--beam", "0"], "bilingual translate", "--beam"),
    "--workers -1 is one line": (pair(), ["translate", "en.md", "--workers", "-1"], "bilingual translate",
                                 "--workers"),
    "an unknown option is one line": (pair(), ["align", "en.md", "ru.md", "--fast"], "bilingual align",
                                      "No such option: --fast"),
    "XML entity in an imported TBX": (
        pair(t_tbx=b'<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY k "Kyiv">]>\n<martif><text><body>'
                   b'<termEntry><langSet xml:lang="en"><tig><term>&k;</term></tig></langSet>'
                   b'<langSet xml:lang="ru"><tig><term>Kiev</term></tig></langSet></termEntry>'
                   b'</body></text></martif>\n'),
        ["glossary", "import", "t.tbx", "-g", "g.csv"], "t.tbx:1", "XML entity declaration 'k' refused"),
}


@pytest.mark.parametrize("kind", list(ONE_LINE))
def test_error_is_one_line_naming_its_file(kind, tmp_path, monkeypatch):
    files, args, where, words = ONE_LINE[kind]
    root = tmp_path / "work"
    build(root, files)
    before = snapshot(root)
    result = invoke(args, root, monkeypatch)
    if args[0] == "check" and "corpus" in args:  # the other article is still checked and reported
        errors = [l for l in result.stderr.splitlines() if l.startswith("error: ")]
        assert result.exit_code == 2 and len(errors) == 1 and errors[0].startswith(f"error: {where}"), errors
        assert words in errors[0]
    else:
        assert_one_error_line(result, where, words)
    assert snapshot(root) == before


def test_check_o_with_an_unreadable_article_writes_the_report_listing_it(tmp_path, monkeypatch):
    root = tmp_path / "work"
    build(root, corpus({"en.md": EN.encode(), "ru.md": b""}))
    result = invoke(["check", "corpus", "-g", "g.csv", "-f", "json", "-o", "out.json"], root, monkeypatch)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == "error: corpus/bad/ru.md: file is empty (not checked)"
    assert result.stderr.splitlines()[1].startswith("wrote out.json: ")
    report = json.loads((root / "out.json").read_text(encoding="utf-8"))
    assert report["not_checked"] == [{"slug": "bad", "kind": "unreadable", "level": "error",
                                      "reason": "corpus/bad/ru.md: file is empty"}]
    assert [a["slug"] for a in report["articles"] if "error" not in a] == ["good"]


# --- a one-sentence article is not judged by langdetect's 55 languages
ONE_SENTENCE = {
    "Estonian to langdetect": ("Kaja Kallas said Kyiv needs air defence.\n",
                               "Кая Каллас заявила, что Киеву нужна ПВО.\n"),
    "Norwegian to langdetect": ("Zelensky visited Kharkiv.\n", "Зеленский посетил Харьков.\n"),
    "Finnish to langdetect": ("Kaja Kallas meets Volodymyr Zelensky.\n", "Кая Каллас встречается с Зеленским.\n"),
}


@pytest.mark.parametrize("kind", list(ONE_SENTENCE))
def test_a_one_sentence_article_is_checked(kind, tmp_path, monkeypatch):
    en, ru = ONE_SENTENCE[kind]
    root = tmp_path / "work"
    build(root, pair(en_md=en.encode(), ru_md=ru.encode()))
    result = invoke(["check", "en.md", "ru.md", "-g", "g.csv", "-f", "json"], root, monkeypatch)
    assert result.exit_code in (0, 1), result.stderr
    assert result.stderr == ""


# --- a literal placeholder-like token in the source: protection still on, the token kept
GLOSSARY = parse_glossary(SMALL_GLOSSARY.encode(), "g.csv")
LITERAL = {
    "ZX1 in the text": ("ZX1 drones were shot down over Kyiv.", "ZX1", "Kyiv"),
    "ZX1 and ZX2 in the text": ("The ZX1 and ZX2 rockets hit Kharkiv and Kyiv.", "ZX2", "Kharkiv"),
}


@pytest.mark.parametrize("kind", list(LITERAL))
def test_a_literal_placeholder_token_leaves_protection_on(kind):
    source, literal, term = LITERAL[kind]
    enforcer = Enforcer(GLOSSARY)
    protected = enforcer.protect(source)
    assert protected.slots, "protection switched off"
    assert term not in protected.text and literal in protected.text
    restored = enforcer.restore(protected, protected.text)  # a model that copies its input
    assert restored is not None and restored.method == "placeholders"
    assert literal in restored.text and term not in restored.text


# --- model archives: a zip bomb is refused before anything is extracted
def _archive(path: Path, payload_bytes: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("pkg/metadata.json", '{"from_code": "en", "to_code": "ru"}')
        zf.writestr("pkg/model/model.bin", b"\0" * payload_bytes)
    return path


ARCHIVES = {
    "compression ratio over 100": (20_000_000, None, "times its size"),
    "more than the size limit": (3_000_000, 2_000_000, "models are limited to"),
}


@pytest.mark.parametrize("kind", list(ARCHIVES))
def test_an_oversized_model_archive_is_refused(kind, tmp_path, monkeypatch):
    from bilingual.errors import ModelError
    from bilingual.translate import models

    size, limit, words = ARCHIVES[kind]
    if limit is not None:
        monkeypatch.setattr(models, "MAX_MODEL_BYTES", limit)
        monkeypatch.setattr(models, "MAX_COMPRESSION_RATIO", 10 ** 9)
    archive = _archive(tmp_path / "bomb.argosmodel", size)
    with pytest.raises(ModelError, match=words):
        models.check_archive(archive)


# --- housekeeping
PACKAGE = Path(bilingual.__file__).parent


def test_no_module_uses_fcntl():
    """fcntl doesn't exist on Windows; locks go through the filelock package."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, (ast.Import, ast.ImportFrom)) else []
            if "fcntl" in names or (isinstance(node, ast.ImportFrom) and node.module == "fcntl"):
                found.append(path.name)
    assert found == []


def test_egg_info_is_not_tracked():
    root = PACKAGE.parent
    if not (root / ".git").exists():
        pytest.skip("not a git checkout")
    tracked = subprocess.run(["git", "ls-files", "bilingual.egg-info"], cwd=root, capture_output=True, text=True)
    assert tracked.returncode == 0 and tracked.stdout == ""


def test_the_folder_is_fsynced_after_the_rename(tmp_path, monkeypatch):
    synced = []
    real = os.fsync

    def record(fd):
        synced.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        return real(fd)

    monkeypatch.setattr(os, "fsync", record)
    write_text_atomic(tmp_path / "out.txt", "text\n")
    assert synced == [False, True]  # the file's data, then the folder's entry
