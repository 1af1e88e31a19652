"""`bilingual fix`: correct a Russian version to the glossary, keeping grammatical forms."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer


class Format(str, Enum):
    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command()
    def fix(
        ru: List[Path] = typer.Argument(..., help="The Russian article(s) to correct."),
        en: Optional[Path] = typer.Option(None, "--en", help="Its English version (helps pick the case)."),
        glossary: Optional[Path] = typer.Option(
            None, "--glossary", "-g", help="Glossary CSV. Default: `glossary` in bilingual.toml, else glossary.csv."),
        output: Optional[Path] = typer.Option(None, "--output", "-o",
                                              help="Write the corrected article here (atomically)."),
        fmt: Format = typer.Option(Format.table, "--format", "-f",
                                   help="table: a unified diff; json: the replacements."),
        check: bool = typer.Option(False, "--check",
                                   help="Change nothing; exit 1 when a file would change (for CI and pre-commit)."),
    ) -> None:
        """Replace forbidden renderings of glossary names with the allowed form, in the same case.

        Prints a unified diff (or the replacements as JSON); the input file is
        never changed unless it is also given as --output.

        Exit codes: 0 done (with --check: nothing to fix), 1 with --check: a file would change, 2 bad input.
        """
        from ..errors import UsageError
        from ..fix import fix_file
        from .options import project_config, require_glossary

        if len(ru) > 1 and (output is not None or en is not None):
            raise UsageError("--output and --en take one Russian file")
        if check and output is not None:
            raise UsageError("--check changes nothing: leave out --output")
        gloss = require_glossary(glossary, False, project_config())
        results = [fix_file(path, gloss, en_path=en) for path in ru]
        if output is not None:
            from ..io import write_text_atomic

            write_text_atomic(output, results[0].fixed)
        if fmt is Format.json:
            docs = [r.to_dict() for r in results]
            typer.echo(json.dumps(docs[0] if len(docs) == 1 else docs, ensure_ascii=False, indent=2))
        else:
            for result in results:
                text = result.diff(str(output) if output else None)
                if text:
                    typer.echo(text, nl=not text.endswith("\n"))
        if check and any(r.changes for r in results):
            raise typer.Exit(1)
