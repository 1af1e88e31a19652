"""The bad-input catalogue: every kind of input the site's CMS can hand over, through the CLI.

Each error row must give exit code 2, exactly one line on stderr naming the file
(and line where there is one), no traceback, and leave every file as it was —
also when asked to write a report with ``-o out.json``. Legacy encodings are
read with a warning and checked like any other article.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilingual.cli import app

from .helpers import SMALL_GLOSSARY

EN = ("Putin met officials in Kyiv on Monday. "
      "NATO ministers will meet in Brussels on Thursday.\n\n"
      "Officials said 21 people were killed in Kharkiv.")
RU = ("Путин встретился с чиновниками в Киеве в понедельник. "
      "Министры стран НАТО встретятся в Брюсселе в четверг.\n\n"
      "По словам чиновников, в Харькове погиб 21 человек.")
RU_OLD = RU.replace("в четверг", "в среду")

HTML_NO_BODY = """<html><head><script>alert("x")</script><style>p{color:red}</style></head>
<body><nav><p>Home</p><p>About</p></nav><iframe src="https://ads.example.org"></iframe>
<!-- <p>commented out</p> --><footer><p>(c) 2025</p></footer></body></html>"""

HEADER = "en,ru,type,variants,forbidden,note\n"
GOOD_FILES = {"en.md": EN.encode(), "ru.md": RU.encode(), "g.csv": SMALL_GLOSSARY.encode()}
SYMLINK = object()  # marks a file entry that is a symlink to a folder outside the tmp corpus
FILE_SYMLINK = object()  # ... a symlink to a file outside it


def corpus(bad_files: dict) -> dict:
    """A corpus/ with one good article and one article ``bad`` built from ``bad_files``."""
    files = {"corpus/good/en.md": EN.encode(), "corpus/good/ru.md": RU.encode(),
             "g.csv": SMALL_GLOSSARY.encode()}
    files.update({f"corpus/bad/{name}": data for name, data in bad_files.items()})
    return files


def pair(**over) -> dict:
    return {**GOOD_FILES, **{k.replace("_", "."): v for k, v in over.items()}}


# id: (files, command, where the one error line points, words in it)
# ``where`` is the start of the line after "error: ".
ERRORS = {
    "empty file / check": (pair(ru_md=b""), ["check", "en.md", "ru.md", "-g", "g.csv"],
                           "ru.md", "file is empty"),
    "empty file / diff": (pair(old_md=b""), ["diff", "old.md", "ru.md"], "old.md", "file is empty"),
    "whitespace only / align": (pair(ru_md=b"  \n\t\r\n   \n"), ["align", "en.md", "ru.md"],
                                "ru.md", "file has only whitespace"),
    "whitespace only / fix": (pair(ru_md=b" \n\n  \n"), ["fix", "ru.md", "-g", "g.csv"],
                              "ru.md", "file has only whitespace"),
    "PDF renamed .md / check": (pair(ru_md=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n"),
                                ["check", "en.md", "ru.md", "-g", "g.csv"], "ru.md", "is a PDF document"),
    "binary / fix": (pair(ru_md=b"\x00\x01\x02\x03binary\x00\xff" * 20), ["fix", "ru.md", "-g", "g.csv"],
                     "ru.md", "binary data, not text"),
    "invalid UTF-8 / align": (pair(ru_md=RU.encode()[:60] + b"\xd0\x20" + RU.encode()[62:]),
                              ["align", "en.md", "ru.md"], "ru.md", "invalid UTF-8"),
    "undetectable encoding / diff": (pair(new_md=bytes(range(128, 256)) * 8), ["diff", "ru.md", "new.md"],
                                     "new.md", "no known encoding fits"),
    "UTF-16 without BOM / check": (pair(ru_md=RU.encode("utf-16-le")), ["check", "en.md", "ru.md", "--no-glossary"],
                                   "ru.md", "UTF-16 without a byte-order mark"),
    "EN and RU swapped / check": (pair(en_md=RU.encode(), ru_md=EN.encode()), ["check", "en.md", "ru.md", "--no-glossary"],
                                  "ru.md", "files swapped?"),
    "EN and RU swapped / align": (pair(en_md=RU.encode(), ru_md=EN.encode()), ["align", "en.md", "ru.md"],
                                  "ru.md", "files swapped?"),
    "both English / check": (pair(ru_md=EN.encode()), ["check", "en.md", "ru.md", "--no-glossary"],
                             "ru.md", "both files are in English"),
    "both Russian / diff --en": (pair(en_md=RU.encode(), old_md=RU_OLD.encode()),
                                 ["diff", "old.md", "ru.md", "--en", "en.md"], "en.md", "detected Russian"),
    "HTML without article body / align": (pair(ru_html=HTML_NO_BODY.encode()), ["align", "en.md", "ru.html"],
                                          "ru.html", "HTML page has no article text"),
    "10 MB single paragraph / check": (pair(ru_md=("слово " * 910_000).encode()),
                                       ["check", "en.md", "ru.md", "--no-glossary"], "ru.md", "articles are limited to 2 MB"),
    "corpus path is a file / check": (corpus({"en.md": EN.encode(), "ru.md": RU.encode()}),
                                      ["check", "corpus/bad/en.md", "--no-glossary"], "corpus/bad/en.md", "is a file"),
    "symlink out of the corpus / check": ({**corpus({}), "corpus/escape": SYMLINK},
                                          ["check", "corpus", "-g", "g.csv"], "corpus/escape",
                                          "symlink to outside the corpus"),
    "ru.md a symlink out of the corpus / check": (corpus({"en.md": EN.encode(), "ru.md": FILE_SYMLINK}),
                                                  ["check", "corpus", "-g", "g.csv"], "corpus/bad/ru.md",
                                                  "symlink to outside the corpus"),
    "slug with .. / check": (corpus({}) | {"corpus/bad..slug/en.md": EN.encode(),
                                            "corpus/bad..slug/ru.md": RU.encode()},
                             ["check", "corpus", "-g", "g.csv"], "corpus/bad..slug", "slug contains '..'"),
    "glossary missing column / check": (pair(g_csv=b"en,ru,type\nKyiv,\xd0\x9a\xd0\xb8\xd0\xb5\xd0\xb2,city\n"),
                                        ["check", "en.md", "ru.md", "-g", "g.csv"], "g.csv:1",
                                        "missing columns variants, forbidden, note"),
    "glossary wrong delimiter / fix": (pair(g_csv="en;ru;type;variants;forbidden;note\nKyiv;Киев;city;;;\n"
                                            .encode()), ["fix", "ru.md", "-g", "g.csv"], "g.csv:1",
                                       "separated by ';'"),
    "glossary duplicate term / check": (pair(g_csv=(HEADER + "Kyiv,Киев,city,,,\nKyiv,Кыев,city,,,\n").encode()),
                                        ["check", "en.md", "ru.md", "-g", "g.csv"], "g.csv:3",
                                        "duplicate en 'Kyiv' with another ru"),
    "glossary empty row / align": (pair(g_csv=(HEADER + "Kyiv,Киев,city,,,\n,,,,,\n").encode()),
                                   ["align", "en.md", "ru.md", "-g", "g.csv"], "g.csv:3", "empty"),
    "glossary formula in a cell / check": (
        pair(g_csv=(HEADER + 'Kyiv,Киев,city,,,"=HYPERLINK(""http://evil.example"",""x"")"\n').encode()),
        ["check", "en.md", "ru.md", "-g", "g.csv"], "g.csv:2", "formula-like cell"),
    "glossary formula in a cell / diff --glossary": (
        pair(old_md=RU_OLD.encode(), g_csv=(HEADER + "Kyiv,Киев,city,=HYPERLINK(\"x\"),,\n").encode()),
        ["diff", "old.md", "ru.md", "--en", "en.md", "-g", "g.csv"], "g.csv:2", "formula-like cell"),
    "missing glossary file / fix": (pair(), ["fix", "ru.md", "-g", "nowhere.csv"], "nowhere.csv", ""),
}

# Commands whose report can go to a file: the same run with -o must not create it.
WRITES = {"check", "align", "diff", "fix"}


def build(root: Path, files: dict) -> None:
    outside = root.parent / (root.name + "-outside")
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if data is FILE_SYMLINK:
            (outside / "secret").mkdir(parents=True, exist_ok=True)
            (outside / "secret" / "ru.md").write_bytes(RU.encode())
            os.symlink(outside / "secret" / "ru.md", path)
        elif data is SYMLINK:
            (outside / "secret").mkdir(parents=True, exist_ok=True)
            (outside / "secret" / "en.md").write_bytes(EN.encode())
            (outside / "secret" / "ru.md").write_bytes(RU.encode())
            os.symlink(outside / "secret", path)
        else:
            path.write_bytes(data)


def snapshot(root: Path) -> dict:
    """Every path under root (and the symlink's target folder) with its bytes and mtime.

    The check cache (``.bilingual/``) is left out: it keeps the results of the articles
    that could be checked, which stay valid when another article fails.
    """
    out = {}
    for base in (root, root.parent / (root.name + "-outside")):
        for p in sorted(base.rglob("*")) if base.exists() else ():
            if ".bilingual" in p.relative_to(base).parts:
                continue
            st = os.lstat(p)
            data = p.read_bytes() if p.is_file() and not p.is_symlink() else None
            out[str(p)] = (data, st.st_mtime_ns)
    return out


def unchanged(before: dict, root: Path) -> bool:
    """``snapshot(root)`` equals ``before``, but for the mtime of a folder the check cache was added to."""
    after = snapshot(root)
    holders = {str(p.parent) for p in root.rglob(".bilingual")}
    def strip(snap):
        return {k: (v[0], None) if k in holders else v for k, v in snap.items()}
    return strip(after) == strip(before)


def invoke(args, cwd: Path, monkeypatch):
    monkeypatch.chdir(cwd)
    return CliRunner().invoke(app, [str(a) for a in args])


def assert_one_error_line(result, where: str, words: str) -> None:
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    # an exception other than the exit itself would be a traceback in a real run
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {where}"), lines[0]
    assert words in lines[0]
    assert "Traceback" not in result.stdout + result.stderr


# check runs the other articles and writes its report; these are listed in it as not checked
NOT_CHECKED = {"empty file / check", "PDF renamed .md / check", "UTF-16 without BOM / check", "EN and RU swapped / check",
               "both English / check", "10 MB single paragraph / check", "symlink out of the corpus / check",
               "ru.md a symlink out of the corpus / check", "slug with .. / check"}


def test_not_checked_kinds_are_check_cases():
    assert NOT_CHECKED <= set(ERRORS)


def test_missing_translation_is_a_warning_and_the_report_is_written(tmp_path, monkeypatch):
    root = tmp_path / "work"
    build(root, corpus({"en.md": EN.encode()}))
    result = invoke(["check", "corpus", "-g", "g.csv", "-o", "out.json"], root, monkeypatch)
    lines = result.stderr.splitlines()
    assert lines[0] == "warning: corpus/bad/en.md: no ru counterpart for 'bad' (not checked)"
    report = json.loads((root / "out.json").read_text(encoding="utf-8"))
    assert report["not_checked"] == [{"slug": "bad", "kind": "no_translation", "level": "warning",
                                      "reason": "corpus/bad/en.md: no ru counterpart for 'bad'"}]
    assert [a["slug"] for a in report["articles"] if "error" not in a] == ["good"]
    assert result.exit_code == 1  # the warning fails the default --fail-on info
    errors = [f for a in report["articles"] for f in a["flags"] if f["level"] == "error"]
    assert errors == []  # the good article is clean: only the missing translation decides below
    assert invoke(["check", "corpus", "-g", "g.csv", "--fail-on", "error", "-f", "json"], root,
                  monkeypatch).exit_code == 0
    (root / "bilingual.toml").write_text('no_translation = "error"\n', encoding="utf-8")
    result = invoke(["check", "corpus", "-g", "g.csv", "--fail-on", "error", "-f", "json"], root, monkeypatch)
    assert result.exit_code == 1 and result.stderr.startswith("error: corpus/bad/en.md: no ru counterpart")


@pytest.mark.parametrize("kind", list(ERRORS))
def test_error_kind_is_one_line_exit_2_and_nothing_written(kind, tmp_path, monkeypatch):
    files, args, where, words = ERRORS[kind]
    root = tmp_path / "work"
    build(root, files)
    before = snapshot(root)
    result = invoke(args, root, monkeypatch)
    assert_one_error_line(result, where, words)
    assert unchanged(before, root)
    if kind in NOT_CHECKED:  # the report is written all the same: the article is in its not-checked list
        result = invoke([*args, "-o", "out.json"], root, monkeypatch)
        assert result.exit_code == 2
        lines = result.stderr.splitlines()
        assert lines[0].startswith(f"error: {where}") and words in lines[0] and lines[0].endswith("(not checked)")
        assert lines[1].startswith("wrote out.json: ") and "1 not checked (unreadable 1)" in lines[1]
        (item,) = json.loads((root / "out.json").read_text(encoding="utf-8"))["not_checked"]
        assert (item["kind"], item["level"]) == ("unreadable", "error") and words in item["reason"]
    elif args[0] in WRITES:
        result = invoke([*args, "-o", "out.json"], root, monkeypatch)
        assert_one_error_line(result, where, words)
        assert not (root / "out.json").exists()
        assert unchanged(before, root)


# id: (files, glossary lint's one line, words). Lint reports problems with exit 1
# (2 is kept for a glossary it can't read at all); each problem is one line file:line.
LINT = {
    "missing column": ("en,ru,type\nKyiv,Киев,city\n", "g.csv:1: schema: missing columns", 1),
    "wrong delimiter": ("en;ru;type;variants;forbidden;note\nKyiv;Киев;city;;;\n",
                        "g.csv:1: schema: the header is separated by ';'", 1),
    "duplicate term, other ru": (HEADER + "Kyiv,Киев,city,,,\nKyiv,Кыев,city,,,\n",
                                 "g.csv:3: schema: duplicate en 'Kyiv' with another ru", 1),
    "duplicate term, same ru": (HEADER + "Kyiv,Киев,city,,,\nKyiv,Киев,city,,,\n",
                                "g.csv:3: duplicate-en: en 'Kyiv' already on line 2", 1),
    "formula in a cell": (HEADER + 'Kyiv,Киев,city,,,"=HYPERLINK(""http://evil.example"")"\n',
                          "g.csv:2: schema: column 'note' holds a formula-like cell", 1),
    "PDF renamed .csv": (None, "g.csv:1: schema: is a PDF document, not a CSV file", 1),
}


@pytest.mark.parametrize("kind", list(LINT))
def test_glossary_lint_names_file_and_line(kind, tmp_path, monkeypatch):
    text, line, code = LINT[kind]
    root = tmp_path / "work"
    build(root, {"g.csv": b"%PDF-1.4\n\x00\x01" if text is None else text.encode()})
    before = snapshot(root)
    result = invoke(["glossary", "lint", "g.csv", "--no-corpus"], root, monkeypatch)
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    shown = [l for l in (result.stdout + result.stderr).splitlines() if "g.csv" in l]
    assert len(shown) == 1 and line in shown[0], result.stdout + result.stderr
    assert snapshot(root) == before


# Read fine, some with a warning naming the file and the encoding: id -> (files, command, warning or None)
READABLE = {
    "Windows-1251 / check": (pair(ru_md=RU.encode("cp1251")), ["check", "en.md", "ru.md", "-g", "g.csv"],
                             "ru.md: not UTF-8; decoded as Windows-1251"),
    "KOI8-R / check": (pair(ru_md=RU.encode("koi8_r")), ["check", "en.md", "ru.md", "-g", "g.csv"],
                       "ru.md: not UTF-8; decoded as KOI8-R"),
    "Windows-1251 / align": (pair(ru_md=RU.encode("cp1251")), ["align", "en.md", "ru.md"],
                             "ru.md: not UTF-8; decoded as Windows-1251"),
    "KOI8-R / fix": (pair(ru_md=RU.encode("koi8_r")), ["fix", "ru.md", "-g", "g.csv"],
                     "ru.md: not UTF-8; decoded as KOI8-R"),
    "Windows-1251 / diff": (pair(old_md=RU_OLD.encode("cp1251")), ["diff", "old.md", "ru.md"],
                            "old.md: not UTF-8; decoded as Windows-1251"),
    "UTF-16 with BOM / check": (pair(ru_md=RU.encode("utf-16")), ["check", "en.md", "ru.md", "-g", "g.csv"],
                                None),
    "BOM + CRLF / check": (pair(en_md=b"\xef\xbb\xbf" + EN.replace("\n", "\r\n").encode(),
                                ru_md=b"\xef\xbb\xbf" + RU.replace("\n", "\r\n").encode()),
                           ["check", "en.md", "ru.md", "-g", "g.csv"], None),
    "BOM + CRLF / align": (pair(ru_md=b"\xef\xbb\xbf" + RU.replace("\n", "\r\n").encode()),
                           ["align", "en.md", "ru.md"], None),
    "HTML with scripts around an article / check": (
        pair(ru_html=(f"<html><body><script>alert(1)</script><iframe src='x'></iframe><article>"
                      f"<p>{RU.split(chr(10))[0]}</p><p>{RU.split(chr(10))[-1]}</p></article></body></html>")
             .encode()),
        ["check", "en.md", "ru.html", "-g", "g.csv"], None),
}

# The UTF-8 reference each readable case must match exactly.
REFERENCE = {"check": ["check", "en.md", "ru.md", "-g", "g.csv", "-f", "json"],
             "align": ["align", "en.md", "ru.md"]}


@pytest.mark.parametrize("kind", list(READABLE))
def test_readable_inputs_give_the_utf8_result(kind, tmp_path, monkeypatch):
    files, args, warning = READABLE[kind]
    root = tmp_path / "work"
    build(root, files)
    before = snapshot(root)
    cmd = args[0]
    result = invoke([*args, "-f", "json"] if cmd in ("check", "fix") else args, root, monkeypatch)
    assert result.exit_code in (0, 1), result.output
    lines = result.stderr.splitlines()
    if warning is None:
        assert lines == []
    else:
        assert lines == [f"warning: {warning} (save it as UTF-8 to silence this)"]
    assert snapshot(root) == before
    if cmd in REFERENCE:
        ref_root = tmp_path / "ref"
        build(ref_root, GOOD_FILES)
        ref = invoke(REFERENCE[cmd], ref_root, monkeypatch)
        got, want = result.stdout, ref.stdout
        if cmd == "check":
            got, want = json.loads(got), json.loads(want)
            for report in (got, want):
                for a in report["articles"]:
                    a.pop("ru_path"), a.pop("en_path"), a.pop("slug")
        assert got == want
    elif cmd == "fix":
        assert json.loads(result.stdout) is not None
    else:
        assert "среду" in result.stdout and "четверг" in result.stdout and "1 reworded" in result.stdout


def _run(args, cwd: Path, timeout: int = 300):
    return subprocess.run([sys.executable, "-m", "bilingual", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout)


@pytest.mark.slow
@pytest.mark.parametrize("cmd", [["check", "en.md", "ru.md", "-g", "g.csv"], ["align", "en.md", "ru.md"]])
def test_fifty_thousand_sentences_finish_with_one_line(tmp_path, cmd):
    """A 50,000-sentence article through a real process: refused quickly, not ground through."""
    sentences = " ".join(f"Kyiv lost {i} drones." for i in range(50_000))  # 1.2 MB, under the size cap
    build(tmp_path, pair(en_md=sentences.encode()))
    before = snapshot(tmp_path)
    for extra in ([], ["-o", "out.json"]):
        result = _run([*cmd, *extra], tmp_path, timeout=120)
        assert result.returncode == 2
        assert result.stderr.splitlines() == [
            "error: en.md: about 50,000 sentences; articles are limited to 10,000"], result.stderr
        assert not (tmp_path / "out.json").exists()
        assert snapshot(tmp_path) == before


# --- an output path that can't be written: one line naming it, exit 2, whatever the command ----

EN_TEXT = "# Talks\n\nVladimir Putin spoke with Donald Trump in Kyiv.\n"
RU_TEXT = "# Переговоры\n\nВладимир Путин говорил с Дональдом Трампом в Киеве.\n"


@pytest.mark.parametrize("args", [
    ["check", "{en}", "{ru}", "-g", "{g}", "-f", "json"],
    ["align", "{en}", "{ru}"],
    ["fix", "{ru}", "--en", "{en}", "-g", "{g}"],
    ["diff", "{ru}", "{ru}"],
    ["glossary", "export", "-g", "{g}", "--format", "tbx"],
], ids=lambda a: a[0] if a[0] != "glossary" else "glossary export")
def test_unwritable_output_is_one_line(tmp_path, args):
    en, ru, g = tmp_path / "en.md", tmp_path / "ru.md", tmp_path / "g.csv"
    en.write_text(EN_TEXT, encoding="utf-8")
    ru.write_text(RU_TEXT, encoding="utf-8")
    g.write_text(SMALL_GLOSSARY, encoding="utf-8")
    out = tmp_path / "no-such-folder" / "out.txt"
    argv = [a.format(en=en, ru=ru, g=g) for a in args] + ["-o", str(out)]
    res = CliRunner().invoke(app, argv)
    assert res.exit_code == 2, res.output
    assert res.output == f"error: {out}: can't write: No such file or directory\n"
    assert not out.parent.exists()
