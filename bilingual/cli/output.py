"""Where a command's result goes: the ``-o`` file, atomically and never over an input, else stdout.

Every command that takes ``-o`` opens its output here *before* doing any work,
naming what it reads, so a wrong ``-o`` is refused in one line with nothing
computed and nothing written. Text for people (tables, summaries, lines about
article or glossary text) goes through ``echo``/``make_console``, which show
control characters escaped; machine formats reach a file or a pipe byte for
byte and are escaped only when stdout is a terminal.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterable

import typer

from ..io import check_output, write_bytes_atomic, write_text_atomic
from ..report.terminal import escape_controls, make_console

PathLike = str | os.PathLike | None


def echo(text: str, *, err: bool = False, nl: bool = True) -> None:
    """A line for a person on stdout (or stderr), control characters shown escaped."""
    typer.echo(escape_controls(text), err=err, nl=nl)


class Output:
    """A command's output: ``path`` (checked now against ``reads`` and ``folders``) or stdout.

    ``reads`` are the files the command reads, ``folders`` corpora whose every
    file it reads; ``allow`` names inputs the user explicitly lets the output
    replace. See ``bilingual.io.check_output``.
    """

    def __init__(self, path: PathLike, *, reads: Iterable[PathLike] = (), folders: Iterable[PathLike] = (),
                 allow: Iterable[PathLike] = ()):
        self.path = None if path is None else check_output(
            path, reads=list(reads), folders=list(folders), allow=[a for a in allow if a is not None])

    @property
    def to_file(self) -> bool:
        return self.path is not None

    def write(self, data: str | bytes) -> None:
        """Write ``data`` whole to the file (atomically), or to stdout as it is."""
        if self.path is not None:
            if isinstance(data, bytes):
                write_bytes_atomic(self.path, data)
            else:
                write_text_atomic(self.path, data)
            return
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        if sys.stdout.isatty():
            text = escape_controls(text)
        typer.echo(text, nl=False)

    def console(self, width: int = 120):
        """A console to draw a table on: the terminal's, or a recording one for the file."""
        if self.path is None:
            return make_console()
        import io

        return make_console(file=io.StringIO(), width=width, no_color=True)

    def finish(self, console) -> None:
        """Write what was drawn on ``console`` (from ``console()``) to the file."""
        if self.path is not None:
            self.write(console.file.getvalue())


def split_inputs(paths: Iterable[PathLike]) -> tuple[list[PathLike], list[PathLike]]:
    """(files, folders) among a command's path arguments."""
    files, folders = [], []
    for p in paths:
        if p is not None:
            (folders if os.path.isdir(p) else files).append(p)
    return files, folders


# The format an output file's name asks for.
EXTENSION_FORMATS = {".json": "json", ".csv": "csv", ".xlsx": "xlsx", ".html": "html", ".htm": "html", ".tmx": "tmx",
                     ".tbx": "tbx", ".tsv": "tsv", ".jsonl": "jsonl", ".xlf": "xliff", ".xliff": "xliff"}


def format_for(output: PathLike, given, choices, default: str | None = None, config=None) -> str:
    """The output format: ``--format`` when given, else the one ``-o``'s extension names (when the
    command writes it), else the project's ``format`` setting (``default``), else the first choice
    (the human ``table``).

    ``--format`` contradicting the extension is a usage error: the file's name would lie about
    its contents.
    """
    from ..errors import UsageError

    values = [c.value for c in choices]
    named = EXTENSION_FORMATS.get(Path(output).suffix.lower()) if output is not None else None
    if given is not None:
        value = getattr(given, "value", given)
        if named is not None and named != value:
            raise UsageError(f"-o {output} is a .{Path(output).suffix[1:]} file but --format is {value}; "
                             "drop one of them or make them agree")
        return value
    if named in values:
        return named
    if default is not None and default not in values:
        where = f"{config.source}: " if config is not None and config.path is not None else ""
        raise UsageError(f"{where}unknown format '{default}' (choose from {', '.join(values)})")
    return default or values[0]
