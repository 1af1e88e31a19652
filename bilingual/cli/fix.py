"""`bilingual fix`: correct a Russian version to the glossary, keeping grammatical forms."""

from __future__ import annotations

import json
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
    ) -> None:
        """Replace forbidden renderings of glossary names with the allowed form, in the same case.

        Prints a unified diff (or the replacements as JSON); the input file is
        never changed unless it is also given as --output.
        """
        from ..pipeline import load_default_glossary
        from ..fix import fix_file

        result = fix_file(ru, load_default_glossary(glossary), en_path=en)
        if output is not None and result.data is not None:
            from ..io import write_bytes_atomic

            write_bytes_atomic(output, result.data)
        elif output is not None:
            from ..io import write_text_atomic

            write_text_atomic(output, result.fixed)
        if fmt is Format.json:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        else:
            text = result.diff(str(output) if output else None)
            if text:
                typer.echo(text, nl=not text.endswith("\n"))
