"""Shared builders for the hostile-input tables: files in a tmp folder and a real ``python -m bilingual``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .helpers import SMALL_GLOSSARY

EN = ("Putin met officials in Kyiv on Monday. "
      "NATO ministers will meet in Brussels on Thursday.\n\n"
      "Officials said 21 people were killed in Kharkiv.\n")
RU = ("Путин встретился с чиновниками в Киеве в понедельник. "
      "Министры стран НАТО встретятся в Брюсселе в четверг.\n\n"
      "По словам чиновников, в Харькове погиб 21 человек.\n")
# the same article with a forbidden form (Харкові is the Ukrainian spelling fix corrects)
RU_BAD = RU.replace("в Харькове", "в Харкові")
ROOT = Path(__file__).resolve().parents[1]


def build(root: Path, files: dict[str, bytes | str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
    return root


def article_pair(root: Path, ru: str = RU_BAD, en: str = EN) -> Path:
    return build(root, {"en.md": en, "ru.md": ru, "g.csv": SMALL_GLOSSARY})


def run(args, cwd: Path, *, timeout: float = 120, stdout=subprocess.PIPE, env: dict | None = None,
        stdin=subprocess.DEVNULL) -> subprocess.CompletedProcess:
    """``python -m bilingual ARGS`` in ``cwd``, this checkout first on the path."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "bilingual", *map(str, args)], cwd=cwd, env=full_env,
                          stdout=stdout, stderr=subprocess.PIPE, stdin=stdin, text=True, timeout=timeout)


def one_error_line(result, where: str = "", words: str = "") -> str:
    """The single ``error:`` line of a failed run (exit 2, no traceback), checked for ``where``/``words``."""
    err = result.stderr
    assert "Traceback" not in err, err
    assert result.returncode == 2, (result.returncode, err)
    lines = [l for l in err.splitlines() if l.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith(f"error: {where}"), lines[0]
    assert words in lines[0], lines[0]
    return lines[0]


def tree(root: Path) -> dict[str, bytes | str]:
    """Every path under root: a file's bytes, a link's target, '<dir>' for a folder."""
    out = {}
    for p in sorted(root.rglob("*")):
        if p.is_symlink():
            out[str(p.relative_to(root))] = "-> " + os.readlink(p)
        elif p.is_dir():
            out[str(p.relative_to(root))] = "<dir>"
        elif p.is_file():
            out[str(p.relative_to(root))] = p.read_bytes()
        else:
            out[str(p.relative_to(root))] = "<special>"
    return out
