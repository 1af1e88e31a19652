"""`bilingual diff`: what changed between two versions of an article."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Optional

import typer



class DiffFormat(str, Enum):
    table = "table"
    json = "json"
    html = "html"


def register(app: typer.Typer) -> None:
    @app.command()
    def diff(
        old: Path = typer.Argument(..., help="The old version (txt, md or html)."),
        new: Path = typer.Argument(..., help="The new version, in the same language."),
        en: Optional[Path] = typer.Option(
            None, "--en", help="The English article: report changes per English sentence."),
        ru: Optional[Path] = typer.Option(
            None, "--ru", help="Stale mode: OLD and NEW are English, RU the translation of OLD; list the "
                               "Russian sentences to retranslate."),
        glossary: Optional[Path] = typer.Option(
            None, "--glossary", "-g", help="Glossary CSV: with --en, report term flags fixed and introduced."),
        lang: Optional[str] = typer.Option(
            None, "--lang", help="Language of OLD and NEW. Default: from the file name (ru.md), else detected."),
        fmt: Optional[DiffFormat] = typer.Option(
            None, "--format", "-f", help="Output format. Default: from the -o file's extension, else table."),
        output: Optional[Path] = typer.Option(
            None, "--output", "-o", help="Write the report to this file (atomically) instead of stdout."),
        show_unchanged: bool = typer.Option(False, "--all", help="Table: list unchanged sentences too."),
        exit_code: bool = typer.Option(
            False, "--exit-code", help="Exit 1 when something changed (stale mode: when a translation is stale)."),
    ) -> None:
        """Diff two versions of an article sentence by sentence: unchanged, reworded (word by word), added, removed, split, merged, moved; paragraph splits and joins; with --en and --glossary, term flags fixed and introduced.

        With --ru: OLD and NEW are two English versions, RU the translation of OLD; lists the Russian sentences whose English changed.

        Exit codes: 0 done (with --exit-code: nothing changed), 1 changes found with --exit-code, 2 bad input.
        """
        from .output import Output, format_for

        out = Output(output, reads=[old, new, en, ru, glossary])
        fmt = DiffFormat(format_for(output, fmt, DiffFormat))
        if ru is not None:
            found = _stale(old, new, ru, glossary, en, fmt, out)
        else:
            found = _versions(old, new, en, glossary, lang, fmt, out, show_unchanged)
        raise typer.Exit(1 if exit_code and found else 0)


def _versions(old, new, en, glossary, lang, fmt, output, show_unchanged) -> bool:
    from ..diff.files import diff_files

    result = diff_files(old, new, en=en, glossary=glossary, lang=lang)
    if fmt is DiffFormat.json:
        output.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif fmt is DiffFormat.html:
        from ..report.diff import render_html

        output.write(render_html(result, title=f"bilingual diff: {old.name} → {new.name}"))
    else:
        from ..report.diff import render_table

        _table(lambda console: render_table(result, console, show_unchanged=show_unchanged), output)
    return result.changed


def _stale(old, new, ru, glossary, en, fmt, output) -> bool:
    from ..diff.files import stale_files
    from ..errors import UsageError

    if en is not None:
        raise UsageError("--en and --ru don't go together: with --ru, OLD and NEW are the English versions")
    if fmt is DiffFormat.html:
        raise UsageError("stale mode writes table or json, not html")
    stale = stale_files(old, new, ru, glossary=glossary)
    if fmt is DiffFormat.json:
        output.write(json.dumps({"stale": [s.to_dict() for s in stale]}, ensure_ascii=False, indent=2) + "\n")
    else:
        from ..report.diff import render_stale_table

        _table(lambda console: render_stale_table(stale, console), output)
    return bool(stale)


def _table(draw, output) -> None:
    console = output.console()
    draw(console)
    output.finish(console)
