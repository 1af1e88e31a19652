"""Run the shell examples of README.md and docs/*.md and compare what they print.

The convention, in Markdown:

    <!-- example: needs=translate -->      (optional: skip unless the extra is installed)
    ```console
    $ bilingual check corpus/putin-nato-pledge
    putin-nato-pledge  2025-06-18  2 flags
    ...
    ```

A line starting with ``$ `` is a command (a trailing ``\\`` continues it on the next line); the
lines after it, up to the next command, are what it prints, stdout and stderr together. A line
``...`` stands for any number of lines. Each file's examples run in order, in one temporary copy
of ``corpus/``, ``examples/`` and ``glossary.csv``, so an example may use what an earlier one in
the same file wrote, and nothing in the repository changes. Only the temporary folder's path and
speeds (``12.3 segments/s``) are normalised. A block that pipes into ``jq`` or runs ``patch`` is
skipped where the program is missing. A ``pycon`` block is a doctest; a file's ``pycon`` blocks
run as one session in the same copy, with ELLIPSIS on.

    python -m tests.docs_examples [--update] [FILE ...]

checks the files (default: all of them); ``--update`` writes each command's real output into the
file where it differs (review the change, then put back any ``...``).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COPIED = ("corpus", "examples", "glossary.csv")
GENERATED = {"cli-reference.md", "api-reference.md"}
TIMEOUT = 300
EXTRAS = {"translate": "argostranslate", "dask": "distributed", "semantic": "onnxruntime"}
PROGRAMS = ("jq", "patch")

_FENCE = re.compile(r"^```console\n(.*?)^```", re.S | re.M)
_PYCON = re.compile(r"^```pycon\n(.*?)^```", re.S | re.M)
_MARK = re.compile(r"<!--\s*example:\s*(.*?)\s*-->\s*\n\s*$")
_SPEED = re.compile(r"\d[\d,.]*(?= segments/s)")


def doc_files() -> list[Path]:
    docs = sorted(p for p in (ROOT / "docs").glob("*.md") if p.name not in GENERATED)
    return [ROOT / "README.md", *docs]


@dataclass
class Command:
    line: int  # 1-based line of the ``$`` in the file
    text: str  # the shell command, with its continuation lines
    expected: list[str]


@dataclass
class Block:
    start: int  # offset of the block's body in the file
    end: int
    needs: list[str] = field(default_factory=list)
    commands: list[Command] = field(default_factory=list)


def parse(text: str) -> list[Block]:
    blocks = []
    for m in _FENCE.finditer(text):
        mark = _MARK.search(text[: m.start()][-200:])
        options = dict(o.split("=", 1) for o in mark.group(1).split()) if mark else {}
        block = Block(m.start(1), m.end(1), [n for n in options.get("needs", "").split(",") if n])
        first_line = text.count("\n", 0, m.start(1)) + 1
        lines = m.group(1).splitlines()
        i = 0
        while i < len(lines):
            if not lines[i].startswith("$ "):
                raise ValueError(f"line {first_line + i}: a console block must start with '$ '")
            start, cmd = i, lines[i][2:]
            while cmd.endswith("\\") and i + 1 < len(lines):
                i += 1
                cmd = cmd + "\n" + lines[i]
            i += 1
            out = []
            while i < len(lines) and not lines[i].startswith("$ "):
                out.append(lines[i])
                i += 1
            block.commands.append(Command(first_line + start, cmd, out))
        blocks.append(block)
    return blocks


def missing(block: Block) -> list[str]:
    """The extras (``needs=``) and programs (jq, patch) a block uses that this machine lacks."""
    extras = [n for n in block.needs if importlib.util.find_spec(EXTRAS[n]) is None]
    used = {p for c in block.commands for p in PROGRAMS if re.search(rf"(^|[|;&]\s*){p} ", c.text)}
    return extras + sorted(p for p in used if shutil.which(p) is None)


def workspace(tmp: Path) -> Path:
    for name in COPIED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, tmp / name, ignore=shutil.ignore_patterns(".bilingual", "__pycache__"))
        else:
            shutil.copy(src, tmp / name)
    return tmp


def environment(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BILINGUAL", "FORCE_COLOR"))}
    env.update(
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        PYTHONPATH=str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else ""),
        COLUMNS="80", LINES="50", TERM="dumb", NO_COLOR="1", LC_ALL="C.UTF-8", PYTHONIOENCODING="utf-8",
        ARGOS_PACKAGES_DIR=str(tmp / ".argos"), HOME=str(tmp),
    )
    return env


def run(cmd: Command, tmp: Path, env: dict[str, str]) -> list[str]:
    proc = subprocess.run(["bash", "-c", cmd.text], cwd=tmp, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=TIMEOUT)
    out = proc.stdout.decode("utf-8", "replace").replace(str(tmp), "$PWD")
    return [line.rstrip() for line in out.rstrip("\n").splitlines()]


def _normal(lines: list[str]) -> list[str]:
    lines = [_SPEED.sub("N", line.rstrip()) for line in lines]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def matches(expected: list[str], actual: list[str]) -> bool:
    pattern = "".join(r"(?:[^\n]*\n)*?" if line == "..." else re.escape(line) + r"\n"
                      for line in _normal(expected))
    return re.fullmatch(pattern, "".join(line + "\n" for line in _normal(actual))) is not None


_DOCTEST = """\
import doctest, sys
r = doctest.testfile(sys.argv[1], module_relative=False, optionflags=doctest.ELLIPSIS, encoding="utf-8")
sys.exit(1 if r.failed else 0)
"""


def run_doctests(text: str, rel: Path, tmp: Path, env: dict[str, str]) -> list[str]:
    """The file's ``pycon`` blocks as one doctest session, run in the workspace."""
    sessions = _PYCON.findall(text)
    if not sessions:
        return []
    session = tmp / ".doctest.txt"
    session.write_text("\n".join(sessions), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", _DOCTEST, str(session)], cwd=tmp, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=TIMEOUT)
    if proc.returncode == 0:
        return []
    return [f"{rel}: pycon examples failed\n" + proc.stdout.decode("utf-8", "replace")]


def check_file(path: Path, update: bool = False, skipped: list[str] | None = None) -> list[str]:
    """Run every example in ``path``; return one message per mismatch (and fix them with update).
    The blocks left out for a missing extra or program are added to ``skipped``."""
    text = path.read_text(encoding="utf-8")
    problems, edits = [], []
    rel = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    with tempfile.TemporaryDirectory(prefix="bilingual-docs-") as tmp:
        tmp = workspace(Path(tmp))
        env = environment(tmp)
        for block in parse(text):
            if missing(block):
                if skipped is not None:
                    skipped.append(f"{rel}: a block needs {', '.join(missing(block))}")
                continue
            body = []
            for cmd in block.commands:
                actual = run(cmd, tmp, env)
                ok = matches(cmd.expected, actual)
                if not ok:
                    problems.append(f"{rel}:{cmd.line}: $ {cmd.text}\n--- expected\n" + "\n".join(cmd.expected)
                                    + "\n--- got\n" + "\n".join(actual))
                shown = cmd.expected if ok else actual
                body.append("$ " + cmd.text + "\n" + "".join(s + "\n" for s in shown))
            edits.append((block.start, block.end, "".join(body)))
        problems += run_doctests(text, rel, tmp, env)
    if update and problems:
        for start, end, body in reversed(edits):
            text = text[:start] + body + text[end:]
        path.write_text(text, encoding="utf-8")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="write real output where it differs")
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)
    failed = 0
    for path in [p.resolve() for p in args.files] or doc_files():
        for problem in check_file(path, args.update):
            failed += 1
            print(problem, end="\n\n")
    return 1 if failed and not args.update else 0


if __name__ == "__main__":
    sys.exit(main())
