"""`bilingual pairs`: pair a site mirror's English and Russian pages by their language links."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Optional

import typer


class PairsFormat(str, Enum):
    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command()
    def pairs(
        path: Path = typer.Argument(..., help="A folder of saved HTML pages (.html, .htm, any depth)."),
        fmt: PairsFormat = typer.Option(PairsFormat.table, "--format", "-f", help="table or json."),
        output: Optional[Path] = typer.Option(None, "--output", "-o",
                                              help="Write to this file (atomically) instead of stdout."),
    ) -> None:
        """Pair English and Russian pages by hreflang alternates, then the language toggle, then slugs;
        list the toggle's problems (no_translation, orphan_translation, broken_toggle, one_way_toggle,
        same_language).

        Exit codes: 0 every page paired, 1 problems found, 2 bad input.
        """
        from ..sources.mirror import pair_mirror
        from .output import Output

        out = Output(output, folders=[path])  # never a page of the mirror being read
        result = pair_mirror(path)
        if fmt is PairsFormat.json:
            text = json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
        else:
            from ..report.pairs import render_pairs

            text = render_pairs(result)
        out.write(text)
        raise typer.Exit(1 if result.problems else 0)
