"""Hostile-but-ordinary input, files the tool writes: backups, caches, locks, baselines, stdout.

Each row is something a careful user (or someone sharing the machine) can leave in the way of a
write; the file behind it must come out as it was, and the command must say one line, not a
traceback.
"""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest

from .helpers import SMALL_GLOSSARY
from .hostile_kit import EN, RU, RU_BAD, article_pair, build, one_error_line, run, tree


# --- fix --in-place: what sits at RU.bak is replaced, never written through
def _bak_symlink_to_en(root: Path) -> None:
    os.symlink("en.md", root / "ru.md.bak")


def _bak_hardlink_to_en(root: Path) -> None:
    os.link(root / "en.md", root / "ru.md.bak")


def _bak_symlink_to_glossary(root: Path) -> None:
    os.symlink(root / "g.csv", root / "ru.md.bak")


def _bak_dangling_symlink(root: Path) -> None:
    os.symlink(root.parent / "planted.txt", root / "ru.md.bak")


BACKUPS = {
    "RU.bak a symlink to the English article": _bak_symlink_to_en,
    "RU.bak a hard link of the English article": _bak_hardlink_to_en,
    "RU.bak a symlink to the glossary": _bak_symlink_to_glossary,
    "RU.bak a dangling symlink out of the folder": _bak_dangling_symlink,
}


@pytest.mark.parametrize("kind", list(BACKUPS))
def test_the_backup_replaces_what_sits_at_its_name(kind, tmp_path):
    root = article_pair(tmp_path / "a")
    BACKUPS[kind](root)
    result = run(["fix", "ru.md", "-g", "g.csv", "--in-place"], root)
    assert result.returncode == 0, result.stderr
    assert (root / "en.md").read_text(encoding="utf-8") == EN
    assert (root / "g.csv").read_text(encoding="utf-8") == SMALL_GLOSSARY
    assert not (tmp_path / "planted.txt").exists()
    bak = root / "ru.md.bak"
    assert not bak.is_symlink() and os.stat(bak).st_nlink == 1
    assert bak.read_text(encoding="utf-8") == RU_BAD
    assert "Харькове" in (root / "ru.md").read_text(encoding="utf-8")


def test_the_backup_keeps_the_originals_permissions(tmp_path):
    root = article_pair(tmp_path / "a")
    os.chmod(root / "ru.md", 0o600)
    result = run(["fix", "ru.md", "-g", "g.csv", "--in-place"], root)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(os.stat(root / "ru.md.bak").st_mode) == 0o600
    assert stat.S_IMODE(os.stat(root / "ru.md").st_mode) == 0o600


# --- the check cache: a link at its path is not followed out of the corpus
def test_a_dangling_symlink_at_the_cache_path_is_not_followed(tmp_path):
    root = build(tmp_path / "w", {"corpus/a/en.md": EN, "corpus/a/ru.md": RU, "g.csv": SMALL_GLOSSARY})
    (root / "corpus/.bilingual").mkdir()
    outside = tmp_path / "elsewhere" / "made.sqlite"
    outside.parent.mkdir()
    os.symlink(outside, root / "corpus/.bilingual/check.sqlite")
    result = run(["check", "corpus", "-g", "g.csv", "-f", "json"], root)
    assert "Traceback" not in result.stderr
    assert not outside.exists()
    assert result.returncode in (0, 1), result.stderr
    warnings = [l for l in result.stderr.splitlines() if l.strip()]
    assert len(warnings) == 1 and "check.sqlite" in warnings[0] and "symlink" in warnings[0], warnings


# --- the glossary lock: a link planted at its name in the shared temporary folder
def _lock_path(glossary: Path, tmpdir: Path) -> Path:
    key = hashlib.sha256(os.path.realpath(glossary).encode()).hexdigest()[:24]
    return tmpdir / f"bilingual-glossary-{key}.lock"


@pytest.mark.parametrize("kind", ["a symlink to another file", "a symlink loop"])
def test_a_link_at_the_lock_path_is_never_written_through(kind, tmp_path):
    root = article_pair(tmp_path / "a")
    shared_tmp = tmp_path / "tmp"
    shared_tmp.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    lock = _lock_path(root / "g.csv", shared_tmp)
    os.symlink(victim if kind == "a symlink to another file" else lock, lock)
    result = run(["glossary", "add", "Odesa", "Одесса", "--type", "city", "-g", "g.csv"], root,
                 env={"TMPDIR": str(shared_tmp)})
    assert "Traceback" not in result.stderr, result.stderr
    assert victim.read_text() == "keep me\n"
    if result.returncode == 0:
        assert "Odesa,Одесса" in (root / "g.csv").read_text(encoding="utf-8")
    else:
        one_error_line(result, str(lock), "symlink")
        assert (root / "g.csv").read_text(encoding="utf-8") == SMALL_GLOSSARY


# --- two outputs of one run naming one file
def test_report_and_baseline_in_one_file_is_refused(tmp_path):
    root = article_pair(tmp_path / "a")
    result = run(["check", "en.md", "ru.md", "-g", "g.csv", "-f", "json", "-o", "x.json",
                  "--write-baseline", "x.json"], root)
    one_error_line(result, "x.json", "both")
    assert not (root / "x.json").exists()


def test_translate_refuses_an_english_output_name(tmp_path):
    root = build(tmp_path / "c", {"a/en.md": EN, "glossary.csv": SMALL_GLOSSARY})
    before = tree(root)
    result = run(["translate", "a/en.md", "--out-name", "en.txt"], root)
    one_error_line(result, "", "--out-name")
    assert tree(root) == before


# --- stdout on a full disk: one line, exit 2, whatever the command
FULL = {
    "check": ["check", "en.md", "ru.md", "-g", "g.csv"],
    "check json": ["check", "en.md", "ru.md", "-g", "g.csv", "-f", "json"],
    "align": ["align", "en.md", "ru.md"],
    "diff": ["diff", "ru.md", "ru2.md"],
    "schema": ["schema", "check"],
    "config": ["config"],
    "glossary export": ["glossary", "export", "-g", "g.csv", "--format", "tbx"],
    "pairs": ["pairs", "site"],
}


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("kind", list(FULL))
def test_a_full_disk_on_stdout_is_one_line(kind, tmp_path):
    root = article_pair(tmp_path / "a")
    build(root, {"ru2.md": RU.replace("в четверг", "в среду"),
                 "site/en/a.html": "<html lang=en><body><article><p>" + EN + "</p></article></body></html>",
                 "site/ru/a.html": "<html lang=ru><body><article><p>" + RU + "</p></article></body></html>"})
    with open("/dev/full", "w") as full:
        result = run(FULL[kind], root, stdout=full)
    one_error_line(result, "", "No space left on device")
