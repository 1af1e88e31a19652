"""fix writes a file back as it was read: encoding, byte-order mark, line ends, final newline or not.

Each row is one way a newsroom file is stored. ``fix -o`` must give
exactly the bytes of the corrected text stored that same way, and the unified
diff ``fix`` prints (through a real process and pipe) must apply with the real
``patch`` to give those same bytes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from bilingual.cli import app

from .helpers import SMALL_GLOSSARY

BAD = ("# Визит\n\nПутин встретился с чиновниками в Киеве в понедельник.\n\n"
       "Министр прибыл из Молдавии во вторник.")
GOOD = BAD.replace("Молдавии", "Молдовы")


def utf8(text: str) -> bytes:
    return text.encode("utf-8")


# id: how the text becomes the file's bytes
STORED = {
    "UTF-8, LF, final newline": lambda t: utf8(t + "\n"),
    "UTF-8, LF, no final newline": utf8,
    "UTF-8, CRLF, final newline": lambda t: utf8(t.replace("\n", "\r\n") + "\r\n"),
    "UTF-8, CRLF, no final newline": lambda t: utf8(t.replace("\n", "\r\n")),
    "UTF-8 with BOM, CRLF": lambda t: b"\xef\xbb\xbf" + utf8(t.replace("\n", "\r\n") + "\r\n"),
    "UTF-8, mixed CRLF and LF": lambda t: utf8(t.replace("\n\n", "\r\n\n") + "\n"),
    "UTF-8, old Mac CR": lambda t: utf8(t.replace("\n", "\r") + "\r"),
    "Windows-1251, CRLF": lambda t: t.replace("\n", "\r\n").encode("cp1251"),
    "KOI8-R, no final newline": lambda t: t.encode("koi8_r"),
    "UTF-16 LE with BOM": lambda t: (t + "\n").encode("utf-16"),
    "UTF-16 BE with BOM, CRLF": lambda t: b"\xfe\xff" + (t.replace("\n", "\r\n") + "\r\n").encode("utf-16-be"),
}
# patch reads bytes line by line: UTF-16 can't be patched by it at all
PATCHABLE = [k for k in STORED if "UTF-16" not in k]


def setup(tmp_path, store) -> None:
    (tmp_path / "g.csv").write_text(SMALL_GLOSSARY, encoding="utf-8")
    (tmp_path / "ru.md").write_bytes(store(BAD))


@pytest.mark.parametrize("kind", list(STORED))
def test_fix_keeps_encoding_bom_and_line_ends(kind, tmp_path, monkeypatch):
    store = STORED[kind]
    setup(tmp_path, store)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["fix", "ru.md", "-g", "g.csv", "-o", "fixed.md", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "fixed.md").read_bytes() == store(GOOD)
    assert (tmp_path / "ru.md").read_bytes() == store(BAD)


@pytest.mark.skipif(shutil.which("patch") is None, reason="needs the patch program (apt-get install patch)")
@pytest.mark.parametrize("kind", PATCHABLE)
def test_the_printed_diff_applies_with_patch(kind, tmp_path):
    store = STORED[kind]
    setup(tmp_path, store)
    diff = subprocess.run([sys.executable, "-m", "bilingual", "fix", "ru.md", "-g", "g.csv"], cwd=tmp_path,
                          capture_output=True, timeout=300)
    assert diff.returncode == 0, diff.stderr
    assert diff.stdout.startswith(b"--- ru.md\n+++ ru.md\n")
    (tmp_path / "fix.diff").write_bytes(diff.stdout)
    applied = subprocess.run(["patch", "--batch", "ru.md", "fix.diff"], cwd=tmp_path, capture_output=True,
                             timeout=60)
    assert applied.returncode == 0, applied.stdout + applied.stderr
    assert (tmp_path / "ru.md").read_bytes() == store(GOOD)


@pytest.mark.parametrize("kind", ["UTF-8, CRLF, final newline", "Windows-1251, CRLF", "UTF-16 LE with BOM"])
def test_fix_reads_and_decodes_the_file_once(kind, tmp_path, monkeypatch):
    """One read of the bytes and one decoding serve both the article and the write-back."""
    import bilingual.sources.corpus as corpus
    from bilingual import fix_file, load_glossary

    setup(tmp_path, STORED[kind])
    calls = {"read": 0, "decode": 0}

    def counted(name, real):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return real(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(corpus, "read_bytes", counted("read", corpus.read_bytes))
    monkeypatch.setattr(corpus, "decode_bytes", counted("decode", corpus.decode_bytes))
    result = fix_file(tmp_path / "ru.md", load_glossary(tmp_path / "g.csv"))
    assert calls == {"read": 1, "decode": 1}
    assert result.file.encode(result.fixed_raw) == STORED[kind](GOOD)
