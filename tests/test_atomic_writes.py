"""Every file the tool writes goes through bilingual.io: a temporary file, fsync, os.replace.

A scan of the package's source finds any other way of writing a file, and the
helpers themselves are shown to leave the old file whole when the writer dies.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import bilingual
from bilingual.io import atomic_open, write_bytes_atomic, write_text_atomic

PACKAGE = Path(bilingual.__file__).parent
# (module, line text) of writes that are not outputs: the downloaded archive lands in a
# TemporaryDirectory and is handed to the installer, then deleted with the folder; a model
# is extracted into a staging folder and renamed into place whole (the atomic step itself).
ALLOWED = {
    ("translate/models.py", "file.write_bytes(data)"),
    ("translate/models.py", 'os.replace(target, staging / ".previous")'),
    ("translate/models.py", "os.replace(staging / top, target)"),
}
WRITE_METHODS = {"write_text", "write_bytes", "to_csv", "to_json", "to_excel", "to_parquet", "dump"}


def direct_writes() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel == "io.py":
            continue
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            hit = False
            if name == "open":
                mode = node.args[1] if len(node.args) > 1 else next(
                    (k.value for k in node.keywords if k.arg == "mode"), None)
                hit = isinstance(mode, ast.Constant) and any(c in str(mode.value) for c in "wax+")
            elif name in WRITE_METHODS:
                # to_csv(buf) into a StringIO and json.dump into an atomic_open handle are fine;
                # a path argument (or none, for write_text/write_bytes on a Path) is not
                target = node.args[0] if node.args else None
                hit = name in ("write_text", "write_bytes") or not (
                    isinstance(target, ast.Name) and target.id in ("buf", "fh", "out", "f"))
                if name == "dump" and len(node.args) > 1:
                    hit = not (isinstance(node.args[1], ast.Name) and node.args[1].id in ("fh", "f"))
            elif name in ("rename", "replace", "copyfile", "copy", "copy2", "move") and \
                    isinstance(func, ast.Attribute) and getattr(func.value, "id", "") in ("os", "shutil"):
                hit = True
            if hit:
                text = lines[node.lineno - 1].strip()
                if (rel, text) not in ALLOWED:
                    found.append((rel, node.lineno, text))
    return found


def test_no_module_writes_a_file_except_through_bilingual_io():
    assert direct_writes() == []


def test_the_scan_finds_a_direct_write(tmp_path, monkeypatch):
    """The scan is not vacuous: a module writing in each forbidden way is caught."""
    fake = tmp_path / "pkg"
    fake.mkdir()
    (fake / "bad.py").write_text(textwrap.dedent("""
        import os, json
        from pathlib import Path
        open("x", "w").write("1")
        Path("y").write_text("2")
        frame.to_csv("z.csv")
        json.dump({}, open_file, indent=1)
        os.replace("a", "b")
    """), encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    assert sorted(line for _m, line, _t in direct_writes()) == [4, 5, 6, 7, 8]


@pytest.mark.parametrize("write", [
    lambda p: write_text_atomic(p, "new text\n"),
    lambda p: write_bytes_atomic(p, b"new bytes\n"),
])
def test_helpers_replace_the_file_whole(tmp_path, write):
    target = tmp_path / "report.json"
    target.write_text("old\n", encoding="utf-8")
    os.chmod(target, 0o640)
    write(target)
    assert target.read_bytes().startswith(b"new ")
    assert (target.stat().st_mode & 0o777) == 0o640  # permissions kept
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_writer_that_fails_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "glossary.csv"
    target.write_text("en,ru\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_open(target) as fh:
            fh.write("half a glossary")
            raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "en,ru\n"
    assert [p.name for p in tmp_path.iterdir()] == ["glossary.csv"]


def test_a_writer_killed_mid_write_leaves_the_old_file(tmp_path):
    """SIGKILL between the first and last byte: the old file is intact; only a .tmp is left."""
    target = tmp_path / "out.json"
    target.write_text('{"old": true}\n', encoding="utf-8")
    code = textwrap.dedent(f"""
        import os, signal
        from bilingual.io import atomic_open
        with atomic_open({str(target)!r}) as fh:
            fh.write('{{"new": ')
            fh.flush()
            os.kill(os.getpid(), signal.SIGKILL)
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert proc.returncode == -9
    assert target.read_text(encoding="utf-8") == '{"old": true}\n'
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "out.json"]
    assert len(leftovers) == 1 and leftovers[0].startswith(".out.json.") and leftovers[0].endswith(".tmp")
