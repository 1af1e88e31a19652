"""`bilingual fix`: correct a Russian version to the glossary, keeping grammatical forms."""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer



class Format(str, Enum):
    diff = "diff"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command()
    def fix(
        ru: Path = typer.Argument(..., help="The Russian article to correct (.md, .txt, .docx), or an XLIFF file (its targets)."),
        en: Optional[Path] = typer.Option(None, "--en", help="Its English version (helps pick the case)."),
        glossary: Optional[Path] = typer.Option(
            None, "--glossary", "-g", help="Glossary CSV. Default: glossary.csv when present."),
        output: Optional[Path] = typer.Option(None, "--output", "-o",
                                              help="Write the corrected article here (atomically)."),
        fmt: Format = typer.Option(Format.diff, "--format", "-f", help="diff (unified) or json."),
        in_place: bool = typer.Option(False, "--in-place", "-i",
                                      help="Write the corrected article over RU itself (keeping RU.bak)."),
        no_backup: bool = typer.Option(False, "--no-backup", help="With --in-place: don't keep RU.bak."),
        explain: bool = typer.Option(False, "--explain",
                                     help="Say for each replacement which case was chosen and which cue decided."),
    ) -> None:
        """Replace forbidden renderings of glossary names with the allowed form, in the same case.

        Prints a unified diff (or the replacements as JSON); the input file is
        never changed unless --in-place is given (then the old version is kept
        as RU.bak unless --no-backup). The corrected file keeps the encoding,
        byte-order mark and line ends it was read in.
        """
        from ..errors import UsageError
        from ..pipeline import load_default_glossary
        from ..fix import fix_file
        from .output import Output, default_glossary, echo

        if no_backup and not in_place:
            raise UsageError("--no-backup goes with --in-place")
        if in_place and output is not None and os.path.realpath(output) != os.path.realpath(ru):
            raise UsageError("--in-place writes RU itself; drop -o, or drop --in-place to write another file",
                             path=str(output))
        target = ru if in_place else output
        out = Output(target, reads=[ru, en, default_glossary(glossary)], allow=[ru] if in_place else [])
        result = fix_file(ru, load_default_glossary(glossary), en_path=en)
        if out.to_file:
            from ..io import write_bytes_atomic

            if in_place and not no_backup and result.changes:
                write_bytes_atomic(ru.with_name(ru.name + ".bak"), result.original_bytes)
            if result.changes or not in_place:
                out.write(result.fixed_bytes())
        if result.skipped:
            echo(f"note: {ru}: {len(result.skipped)} forbidden form(s) left alone in code, link targets, "
                 "comments or front matter", err=True)
        if fmt is Format.json:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        else:
            name = str(output) if output and not in_place else None
            if not result.changes:
                pass
            elif sys.stdout.isatty():
                echo(result.diff(name), nl=False)
            else:  # in the file's own encoding and line ends, so `patch` applies it
                sys.stdout.flush()
                sys.stdout.buffer.write(result.diff_bytes(name))
                sys.stdout.buffer.flush()
        if explain:
            for change in result.changes:
                d = change.decision
                why = f"{d.rule}: {d.cue}" + (" [uncertain]" if d.uncertain else "") if d else ""
                echo(f"«{change.old}» → «{change.new}»: {change.case or '-'} ({why})", err=True)
