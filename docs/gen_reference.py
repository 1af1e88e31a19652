"""Write docs/cli-reference.md (every command's --help) and docs/api-reference.md (every name in
``bilingual.__all__`` with its signature and summary) from the code itself.

    python docs/gen_reference.py           # write both pages
    python docs/gen_reference.py --check   # exit 1 when a page is stale (tests/test_docs.py runs this)
"""

from __future__ import annotations

import argparse
import inspect
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))

import typer  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

import bilingual  # noqa: E402
from bilingual.cli import app  # noqa: E402

HELP_ENV = {"COLUMNS": "80", "TERM": "dumb", "NO_COLOR": "1"}


def command_paths() -> list[tuple[str, ...]]:
    """Every command and subcommand, in the order ``bilingual --help`` lists them."""
    paths = []
    for name, cmd in typer.main.get_command(app).commands.items():
        paths.append((name,))
        paths += [(name, sub) for sub in getattr(cmd, "commands", {}) or {}]
    return paths


def help_text(path: tuple[str, ...]) -> str:
    result = CliRunner().invoke(app, [*path, "--help"], env=HELP_ENV, prog_name="bilingual")
    if result.exit_code:
        raise SystemExit(f"bilingual {' '.join(path)} --help exited {result.exit_code}")
    return "\n".join(line.rstrip() for line in result.output.strip("\n").splitlines())


def cli_reference() -> str:
    out = ["# CLI reference", "",
           "Every command's `--help`, generated from the code by `python docs/gen_reference.py`;",
           "the test suite fails when this page is stale.", "",
           "```text", help_text(()), "```", ""]
    for path in command_paths():
        out += [f"{'#' * (len(path) + 1)} bilingual {' '.join(path)}", "", "```text", help_text(path), "```", ""]
    return "\n".join(out)


class _Annotation(str):
    """An annotation kept as the source wrote it (``Document``, not ``'Document'``)."""

    def __repr__(self) -> str:
        return str(self)


def _signature(name: str, obj) -> str:
    if not callable(obj):
        return f"{name}: {type(obj).__name__}"
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        return name
    bare = lambda a: _Annotation(a) if isinstance(a, str) else a  # noqa: E731
    params = [p.replace(annotation=bare(p.annotation)) for p in sig.parameters.values()]
    return f"{name}{sig.replace(parameters=params, return_annotation=bare(sig.return_annotation))}"


def _summary(name: str, obj) -> str:
    doc = " ".join((inspect.getdoc(obj) or "").split("\n\n")[0].split())
    return "" if doc.startswith(f"{name}(") else doc  # a dataclass's generated doc repeats its signature


def api_reference() -> str:
    by_module: dict[str, list[str]] = {}
    for name, module in bilingual._EXPORTS.items():
        by_module.setdefault(module, []).append(name)
    out = ["# Python API reference", "",
           "Every name in `bilingual.__all__`, importable as `bilingual.NAME` (loaded on first use), grouped",
           "by the module that defines it. Generated from the code by `python docs/gen_reference.py`; the",
           "test suite fails when this page is stale. [Python API](api.md) shows them at work.", ""]
    for module in sorted(by_module):
        out += [f"## `bilingual.{module}`", ""]
        for name in sorted(by_module[module]):
            obj = getattr(bilingual, name)
            kind = "class" if inspect.isclass(obj) else "function" if callable(obj) else "data"
            out += [f"### `{name}`", "", f"*{kind}*", "", "```python", _signature(name, obj), "```", ""]
            if _summary(name, obj):
                out += [_summary(name, obj), ""]
    return "\n".join(out)


PAGES = {"cli-reference.md": cli_reference, "api-reference.md": api_reference}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the CLI and API reference pages.")
    parser.add_argument("--check", action="store_true", help="exit 1 when a page is stale, write nothing")
    args = parser.parse_args(argv)
    stale = []
    for page, render in PAGES.items():
        text = render()
        path = DOCS / page
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        if args.check:
            stale.append(page)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote docs/{page}")
    for page in stale:
        print(f"docs/{page} is stale: run python docs/gen_reference.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
