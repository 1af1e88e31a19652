"""`bilingual check`: terminology drift between the EN and RU versions."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from .options import NO_GLOSSARY_HELP, AlignMode


class CheckFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    html = "html"


class Level(str, Enum):
    info = "info"
    warning = "warning"
    error = "error"


def register(app: typer.Typer) -> None:
    @app.command()
    def check(
        paths: Optional[List[Path]] = typer.Argument(
            None, help="Corpus folder(s), article folder(s), or an EN file and a RU file. Default: corpus/ "
                       "(or `corpus` in bilingual.toml)."),
        glossary: Optional[Path] = typer.Option(
            None, "--glossary", "-g", help="Glossary CSV. Default: `glossary` in bilingual.toml, else glossary.csv."),
        no_glossary: bool = typer.Option(False, "--no-glossary", help=NO_GLOSSARY_HELP),
        fmt: Optional[CheckFormat] = typer.Option(None, "--format", "-f", help="Output format. Default: table."),
        output: Optional[Path] = typer.Option(
            None, "--output", "-o", help="Write the report to this file (atomically) instead of stdout."),
        fail_on: Optional[Level] = typer.Option(
            None, "--fail-on", help="Exit 1 when a flag at or above this level is found. Default: info."),
        mode: Optional[AlignMode] = typer.Option(None, "--mode", help="Alignment mode. Default: default."),
        baseline: Optional[Path] = typer.Option(
            None, "--baseline", help="Flags recorded in this file are shown as accepted and don't fail the run."),
        write_baseline: Optional[Path] = typer.Option(
            None, "--write-baseline", help="Record every current flag as accepted in this file."),
        explain: bool = typer.Option(False, "--explain", help="Say which rule fired for each flag, and why."),
    ) -> None:
        """Align each article's EN and RU versions and flag terminology drift.

        Defaults come from bilingual.toml or [tool.bilingual] in pyproject.toml (see `bilingual config`).
        Exit codes: 0 clean, 1 flags at or above --fail-on (not counting accepted ones), 2 bad input.
        """
        from ..pipeline import check as run_check
        from .options import project_config, require_glossary
        from .progress import ticker

        config = project_config()
        fmt = fmt or _config_format(config)
        fail_on = fail_on.value if fail_on else config.get("fail_on", "info")
        mode = mode.value if mode else config.get("mode", "default")
        baseline = baseline or (Path(config.get("baseline")) if config.get("baseline") else None)
        gloss = require_glossary(glossary, no_glossary, config)
        with ticker("checking articles") as tick:
            report = run_check(list(paths or config.get("corpus") or []), gloss, mode=mode,
                               keep_alignments=fmt is CheckFormat.html, progress=tick)
        if write_baseline is not None:
            from ..baseline import write_baseline as record

            n = record(report, write_baseline)
            typer.echo(f"wrote {n} accepted flag(s) to {write_baseline}", err=True)
            baseline = write_baseline
        if baseline is not None:
            from ..baseline import apply_baseline, load_baseline

            apply_baseline(report, load_baseline(baseline))
        text = _render(report, fmt, explain, output)
        # A report missing an article is not written: the file would look complete.
        if output is not None and not report.errors:
            from ..io import write_text_atomic

            write_text_atomic(output, text)
        elif text is not None:
            typer.echo(text, nl=not text.endswith("\n"))
        for article in report.errors:
            typer.echo(f"error: {article.error}", err=True)
        for entry in report.stale:
            typer.echo(f"stale baseline entry: {entry.slug} {entry.kind}"
                       + (f" {entry.term}" if entry.term else "") + f" ({entry.fingerprint})", err=True)
        raise typer.Exit(report.exit_code(fail_on))


def _config_format(config) -> CheckFormat:
    from ..errors import UsageError

    value = config.get("format", "table")
    try:
        return CheckFormat(value)
    except ValueError:
        raise UsageError(f"{config.source}: unknown format '{value}' for check (choose from "
                         f"{', '.join(f.value for f in CheckFormat)})") from None


def _render(report, fmt: CheckFormat, explain: bool, to_file) -> str | None:
    """The report as text, or None when it was printed to the terminal directly."""
    if fmt is CheckFormat.json:
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt is CheckFormat.csv:
        from ..report.tables import safe_csv

        return safe_csv(report.to_frame())
    if fmt is CheckFormat.html:
        from ..report.html import render_check_html

        return render_check_html(report)
    import io

    from rich.console import Console

    from ..report.terminal import render_check

    console = Console(file=io.StringIO(), width=120, no_color=True) if to_file else Console()
    render_check(report, console, explain=explain)
    return console.file.getvalue() if to_file else None
