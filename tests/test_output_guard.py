"""The output-path guard: no ``-o`` may destroy an input, and special or linked files are handled.

Each refusal row must give exit code 2, exactly one line on stderr naming the
``-o`` path, no traceback, and leave every file (and the link structure) as it
was. The guard runs before any work: a row whose article is also unreadable
still gets the ``-o`` refusal.
"""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from bilingual.cli import app

from .helpers import SMALL_GLOSSARY
from .test_bad_input import EN, RU, RU_OLD, assert_one_error_line, corpus, pair

FIFO = object()  # marks a FIFO
FOLDER = object()  # an empty folder


def link(target: str) -> tuple:
    return ("symlink", target)


def hard(target: str) -> tuple:
    return ("hardlink", target)


def build(root, files: dict) -> None:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if data is FIFO:
            os.mkfifo(path)
        elif data is FOLDER:
            path.mkdir()
        elif isinstance(data, tuple):
            kind, target = data
            (os.symlink if kind == "symlink" else os.link)(target if kind == "symlink" else root / target, path)
        else:
            path.write_bytes(data)


def snapshot(root) -> dict:
    """Every path under root: its kind, bytes, inode and link target."""
    out = {}
    for p in sorted(root.rglob("*")):
        st = os.lstat(p)
        data = p.read_bytes() if p.is_file() and not p.is_symlink() else None
        out[str(p)] = (st.st_mode, st.st_ino, data, os.readlink(p) if p.is_symlink() else None)
    return out


def invoke(args, cwd, monkeypatch):
    monkeypatch.chdir(cwd)
    return CliRunner().invoke(app, [str(a) for a in args])


G = ["-g", "g.csv"]
# id: (files, command, where the one error line points, words in it)
REFUSED = {
    "check -f json -o an article of the corpus": (
        corpus({"en.md": EN.encode(), "ru.md": RU.encode()}),
        ["check", "corpus", *G, "-f", "json", "-o", "corpus/bad/ru.md"], "corpus/bad/ru.md", "inside the corpus"),
    "check -o a new file inside the corpus": (
        corpus({"en.md": EN.encode(), "ru.md": RU.encode()}),
        ["check", "corpus", *G, "-o", "corpus/report.txt"], "corpus/report.txt", "inside the corpus"),
    "check -f csv -o the glossary": (pair(), ["check", "en.md", "ru.md", *G, "-f", "csv", "-o", "g.csv"],
                                     "g.csv", "also an input of this command (g.csv)"),
    "check -o the default glossary.csv": (
        {**pair(), "glossary.csv": SMALL_GLOSSARY.encode()}, ["check", "en.md", "ru.md", "-o", "glossary.csv"],
        "glossary.csv", "also an input"),
    "check -o a symlink to the RU file": (pair(out_md=link("ru.md")), ["check", "en.md", "ru.md", *G, "-o", "out.md"],
                                          "out.md", "also an input of this command (ru.md)"),
    "check -o a hard link to the EN file": (pair(out_md=hard("en.md")), ["check", "en.md", "ru.md", *G, "-o", "out.md"],
                                            "out.md", "also an input of this command (en.md)"),
    "check -o the EN file, RU unreadable (guard first)": (
        pair(ru_md=b""), ["check", "en.md", "ru.md", *G, "-o", "en.md"], "en.md", "also an input"),
    "align -o the RU file": (pair(), ["align", "en.md", "ru.md", "-o", "ru.md"], "ru.md", "also an input"),
    "align -o the glossary": (pair(), ["align", "en.md", "ru.md", *G, "-o", "g.csv"], "g.csv", "also an input"),
    "diff -o the old version": (pair(old_md=RU_OLD.encode()), ["diff", "old.md", "ru.md", "-o", "old.md"],
                                "old.md", "also an input"),
    "diff --en -o the English": (pair(old_md=RU_OLD.encode()),
                                 ["diff", "old.md", "ru.md", "--en", "en.md", "-f", "json", "-o", "./en.md"],
                                 "en.md", "also an input"),
    "fix -o the RU file without --in-place": (pair(), ["fix", "ru.md", *G, "-o", "ru.md"], "ru.md",
                                              "also an input"),
    "fix -o the glossary": (pair(), ["fix", "ru.md", *G, "-o", "g.csv"], "g.csv", "also an input"),
    "glossary export -o the glossary": (pair(), ["glossary", "export", *G, "-f", "csv", "-o", "g.csv"],
                                        "g.csv", "also an input"),
    "glossary mine -o the glossary": (corpus({"en.md": EN.encode(), "ru.md": RU.encode()}),
                                      ["glossary", "mine", "corpus", *G, "-o", "g.csv"], "g.csv", "also an input"),
    "glossary mine -o inside the corpus": (corpus({"en.md": EN.encode(), "ru.md": RU.encode()}),
                                           ["glossary", "mine", "corpus", *G, "-o", "corpus/p.csv"],
                                           "corpus/p.csv", "inside the corpus"),
    "pairs -o a page of the mirror": ({"site/en/a.html": b"<html lang=en><body><p>Hi.</p></body></html>"},
                                     ["pairs", "site", "-o", "site/en/a.html"], "site/en/a.html", "inside the corpus"),
    "check --write-baseline the glossary": (pair(), ["check", "en.md", "ru.md", *G, "--write-baseline", "g.csv"],
                                            "g.csv", "also an input"),
    "check --write-baseline inside the corpus": (
        corpus({"en.md": EN.encode(), "ru.md": RU.encode()}),
        ["check", "corpus", *G, "--write-baseline", "corpus/bad/ru.md"], "corpus/bad/ru.md", "inside the corpus"),
    "-o a FIFO": (pair(pipe=FIFO), ["check", "en.md", "ru.md", *G, "-f", "json", "-o", "pipe"], "pipe",
                  "is a FIFO, not a regular file"),
    "-o a folder": (pair(reports=FOLDER), ["align", "en.md", "ru.md", "-o", "reports"], "reports",
                    "is a folder, not a regular file"),
    "-o a symlink to a folder": (pair(reports=FOLDER, out=link("reports")), ["diff", "ru.md", "ru.md", "-o", "out"],
                                 "out", "is a folder"),
    "fix --in-place -o another file": (pair(), ["fix", "ru.md", *G, "--in-place", "-o", "other.md"], "other.md",
                                       "--in-place writes RU itself"),
}


@pytest.mark.parametrize("kind", list(REFUSED))
def test_output_over_an_input_or_special_file_is_refused(kind, tmp_path, monkeypatch):
    files, args, where, words = REFUSED[kind]
    root = tmp_path / "work"
    build(root, files)
    before = snapshot(root)
    result = invoke(args, root, monkeypatch)
    assert_one_error_line(result, where, words)
    assert result.stdout == ""
    assert snapshot(root) == before


RU_BAD = RU.replace("Киеве", "Київі")

# Writes through links: (files, command, the file that must change, paths that must stay symlinks)
THROUGH_LINKS = {
    "glossary add -g a symlink": ({"real/g.csv": SMALL_GLOSSARY.encode(), "g.csv": link("real/g.csv")},
                                  ["glossary", "add", "Odesa", "Одесса", "-g", "g.csv"], "real/g.csv", ["g.csv"]),
    "fix -o a symlink": ({**pair(ru_md=RU_BAD.encode()), "real/out.md": b"old\n", "out.md": link("real/out.md")},
                         ["fix", "ru.md", *G, "-o", "out.md"], "real/out.md", ["out.md"]),
    "check -o a symlink": ({**pair(), "real/r.json": b"{}\n", "r.json": link("real/r.json")},
                           ["check", "en.md", "ru.md", *G, "-f", "json", "-o", "r.json"], "real/r.json", ["r.json"]),
}


@pytest.mark.parametrize("kind", list(THROUGH_LINKS))
def test_writing_through_a_symlink_updates_the_target_and_keeps_the_link(kind, tmp_path, monkeypatch):
    files, args, target, links = THROUGH_LINKS[kind]
    root = tmp_path / "work"
    build(root, files)
    old = (root / target).read_bytes()
    result = invoke(args, root, monkeypatch)
    assert result.exit_code in (0, 1), result.output
    assert (root / target).read_bytes() != old
    for name in links:
        assert (root / name).is_symlink(), name
    assert not [p for p in root.rglob(".*.tmp")]


def test_a_hard_linked_glossary_is_updated_in_place(tmp_path, monkeypatch):
    """Both names of a hard-linked glossary see the edit: the file's inode is updated, not replaced."""
    root = tmp_path / "work"
    build(root, {"shared/g.csv": SMALL_GLOSSARY.encode(), "g.csv": hard("shared/g.csv")})
    inode = os.stat(root / "g.csv").st_ino
    result = invoke(["glossary", "add", "Odesa", "Одесса", "-g", "g.csv"], root, monkeypatch)
    assert result.exit_code == 0, result.output
    assert os.stat(root / "g.csv").st_ino == inode
    assert (root / "shared/g.csv").read_bytes() == (root / "g.csv").read_bytes()
    assert "Odesa,Одесса" in (root / "shared/g.csv").read_text(encoding="utf-8")
    assert not [p for p in root.rglob(".*.tmp")]


# fix in place: (extra options, .bak expected)
IN_PLACE = {
    "--in-place keeps ru.md.bak": (["--in-place"], True),
    "--in-place -o RU itself keeps ru.md.bak": (["--in-place", "-o", "ru.md"], True),
    "--in-place --no-backup": (["--in-place", "--no-backup"], False),
}


@pytest.mark.parametrize("kind", list(IN_PLACE))
def test_fix_in_place_only_when_asked_and_with_a_backup(kind, tmp_path, monkeypatch):
    extra, backup = IN_PLACE[kind]
    root = tmp_path / "work"
    build(root, pair(ru_md=RU_BAD.encode()))
    result = invoke(["fix", "ru.md", *G, *extra], root, monkeypatch)
    assert result.exit_code == 0, result.output
    assert (root / "ru.md").read_text(encoding="utf-8") == RU
    assert (root / "ru.md.bak").exists() == backup
    if backup:
        assert (root / "ru.md.bak").read_text(encoding="utf-8") == RU_BAD


def test_no_backup_without_in_place_is_a_usage_error(tmp_path, monkeypatch):
    root = tmp_path / "work"
    build(root, pair(ru_md=RU_BAD.encode()))
    before = snapshot(root)
    result = invoke(["fix", "ru.md", *G, "--no-backup"], root, monkeypatch)
    assert_one_error_line(result, "--no-backup goes with --in-place", "")
    assert snapshot(root) == before
