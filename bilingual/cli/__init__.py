"""The command line: a thin layer over the library API.

Each command lives in a module of this package with a ``register(app)``
function; every command parses its options, makes one library call and renders
the result. Library errors become one line on stderr and the error's exit code
(2), in one place: the command group that runs every command.
"""

from __future__ import annotations

import errno
import importlib
import logging
import os
import re
import sys

import typer
from typer.core import TyperGroup

from ..errors import BilingualError
from ..report.terminal import escape_controls


# click's exception classes, wherever this typer keeps click (its own copy in newer releases)
_click_errors = sys.modules[typer.BadParameter.__module__]
_NO_ARGS_HELP = getattr(_click_errors, "NoArgsIsHelpError", ())


class _Commands(TyperGroup):
    """Runs a command; a library error it raises becomes one line and the error's exit code,
    and so does an option value outside its choices (``unknown format 'nope' (choose from …)``).

    A usage error (an unknown option, ``--beam 0``, a bad ``--format``) is one
    line too, ``error: <what>`` and exit 2, instead of click's usage box.
    """

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _NO_ARGS_HELP as err:
            err.show()
            sys.exit(err.exit_code)
        except _click_errors.ClickException as err:
            message = " ".join(err.format_message().split()).replace("Value error, ", "")
            command = getattr(getattr(err, "ctx", None), "command_path", None)
            typer.echo(escape_controls(f"error: {command + ': ' if command else ''}{message}"), err=True)
            sys.exit(err.exit_code)
        except typer.Abort:
            typer.echo("aborted", err=True)
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BilingualError as err:
            typer.echo(escape_controls(f"error: {err}"), err=True)
            raise typer.Exit(err.exit_code) from None
        except typer.BadParameter as err:
            message = _bad_choice(err)
            if message is None:
                raise
            typer.echo(escape_controls(f"error: {message}"), err=True)
            raise typer.Exit(2) from None


def _bad_choice(err) -> str | None:
    """``unknown format 'nope' (choose from table, json)`` for a value outside an option's choices."""
    param = err.param
    descriptor = getattr(param, "type_descriptor", None) or getattr(param, "type", None)
    choices = getattr(descriptor, "choices", None)
    if param is None or not choices:
        return None
    raw = re.search(r"'(.*?)' is not (?:one of|a valid)", err.message or "")
    name = max(param.opts, key=len).lstrip("-") if param.opts else param.name
    values = ", ".join(str(getattr(c, "value", c)) for c in choices)
    return f"unknown {name}{f' {raw.group(1)!r}' if raw else ''} (choose from {values})"


def _plain_type_names() -> None:
    """Help names what a value is (``<path>``, ``<n>``, ``<text>``), never a Python annotation
    (``<list[Path]>``, ``<int>``); flags show no type at all."""
    from typer import core

    param = getattr(core, "_TyperParameter", None)
    if param is None or not hasattr(param, "display_type"):
        return
    original = param.display_type
    names = {"int": "n", "int range": "n", "float": "number", "float range": "number", "str": "text",
             "Path": "path", "bool": ""}

    def display_type(self, ctx):
        label = original(self, ctx)
        inner = label[1:-1] if label.startswith("<") and label.endswith(">") else label
        many = inner.startswith("list[")
        if many:
            inner = inner[5:-1]
        inner = names.get(inner, inner)
        if not inner:
            return None
        return f"<{inner}>" if not many else f"<{inner}>..."

    param.display_type = display_type


_plain_type_names()


app = typer.Typer(
    name="bilingual",
    cls=_Commands,
    help="Pair, align, check, fix, translate and diff the English and Russian versions of articles.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"bilingual {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Pair, align, check, fix, translate and diff the English and Russian versions of articles."""
    log = logging.getLogger("bilingual")
    for handler in [h for h in log.handlers if isinstance(h, _WarningLine)]:
        log.removeHandler(handler)
    log.addHandler(_WarningLine(logging.WARNING))


class _WarningLine(logging.Handler):
    """A library warning (a file decoded from a legacy encoding) as one line on stderr, once a run
    even when a command reads the file twice."""

    def __init__(self, level: int) -> None:
        super().__init__(level)
        self.seen: set[str] = set()

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message not in self.seen:
            self.seen.add(message)
            typer.echo(escape_controls(f"warning: {message}"), err=True)


# Modules of this package that register commands, in the order `--help` lists them.
COMMAND_MODULES = [
    "align",
    "check",
    "accept",
    "pairs",
    "crawl",
    "diff",
    "fix",
    "translate",
    "models",
    "glossary",
    "schema",
    "config",
    "rules",
    "review",
]

for _name in COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_name}").register(app)


def main() -> None:
    try:
        try:
            app(standalone_mode=True)
        finally:
            sys.stdout.flush()  # here, not at exit, so a full disk or closed pipe is reported below
    except BilingualError as err:  # raised outside a command (while parsing options)
        print(escape_controls(f"error: {err}"), file=sys.stderr)
        sys.exit(err.exit_code)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
    except OSError as err:
        if not _stdout_failed(err):
            raise
        _discard_stdout()
        print(f"error: standard output: can't write: {err.strerror or err}", file=sys.stderr)
        sys.exit(2)


# Errors of writing to standard output (a full disk, a closed pipe, a device that went away).
_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EPIPE, errno.EIO, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _stdout_failed(err: OSError) -> bool:
    """True when ``err`` came from writing standard output: files the tool writes itself fail
    as OutputError naming them, so an errno of a failed write without a file name is stdout's."""
    return err.errno in _OUTPUT_ERRNOS and getattr(err, "filename", None) is None


def _discard_stdout() -> None:
    """Point standard output at the null device, so what is still buffered fails no second time
    when the interpreter exits."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass
