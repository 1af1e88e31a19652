"""`bilingual check`: terminology drift between the EN and RU versions."""

from __future__ import annotations

import json
import os
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from .options import NO_GLOSSARY_HELP, AlignMode, Executor


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
            None, help="Corpus folder(s), article folder(s), a saved site (HTML pages paired by their language "
                  "links), XLIFF/PO/TMX files, or an EN file and a RU file. Default: `corpus` in "
                  "bilingual.toml, else corpus/."),
        glossary: Optional[Path] = typer.Option(
            None, "--glossary", "-g", help="Glossary CSV. Default: `glossary` in bilingual.toml, else glossary.csv."),
        no_glossary: bool = typer.Option(False, "--no-glossary", help=NO_GLOSSARY_HELP),
        fmt: Optional[CheckFormat] = typer.Option(
            None, "--format", "-f", help="Output format. Default: from the -o file's extension, else table."),
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
        jobs: Optional[int] = typer.Option(
            None, "--jobs", "-j", min=1, help="Worker processes here. Default: the number of cores."),
        executor: Executor = typer.Option(Executor.local, "--executor", help="Run here or on Dask."),
        workers: Optional[int] = typer.Option(
            None, "--workers", min=1, help="Dask workers for a local cluster (default 2)."),
        scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Address of an existing Dask scheduler."),
        no_cache: bool = typer.Option(
            False, "--no-cache", help="Check every article; don't read or write <corpus>/.bilingual/check.sqlite."),
        rebuild_cache: bool = typer.Option(
            False, "--rebuild-cache", help="If the check cache is damaged or of another version, move it aside "
                                           "(check.sqlite.corrupt-<time>) and start a new one."),
    ) -> None:
        """Align each article's EN and RU versions and flag terminology drift.

        Defaults come from bilingual.toml or [tool.bilingual] in pyproject.toml (see `bilingual config`).
        Exit codes: 0 clean, 1 flags at or above --fail-on (not counting accepted ones), 2 bad input.
        """
        from ..executors import cores
        from ..checks.pipeline import DEFAULT_CORPUS, check as run_check
        from .options import glossary_path, project_config, require_glossary
        from .output import Output, echo, format_for, split_inputs
        from .progress import article_counter, ticker

        config = project_config()
        fail_on = fail_on.value if fail_on else config.get("fail_on", "info")
        mode = mode.value if mode else config.get("mode", "default")
        baseline = baseline or (Path(config.get("baseline")) if config.get("baseline") else None)
        paths = list(paths or config.get("corpus") or [])
        files, folders = split_inputs(paths or [DEFAULT_CORPUS])
        # -o is checked before anything else is read or refused
        out = Output(output, reads=[*files, None if no_glossary else glossary_path(glossary, config), baseline],
                     folders=folders)
        if write_baseline is not None:  # the second file check writes: never an input either
            from ..io import check_output

            check_output(write_baseline, folders=folders,
                         reads=[*files, None if no_glossary else glossary_path(glossary, config)])
            if output is not None and os.path.realpath(output) == os.path.realpath(write_baseline):
                from ..errors import UsageError

                raise UsageError("is named by both -o and --write-baseline; the report would overwrite the "
                                 "baseline — give them different files", path=str(write_baseline))
        fmt = CheckFormat(format_for(output, fmt, CheckFormat, config.get("format", "table"), config))
        gloss = require_glossary(glossary, no_glossary, config)
        with ticker("checking") as tick:
            report = run_check(paths, gloss, mode=mode,
                               keep_alignments=fmt is CheckFormat.html,
                               jobs=jobs or (cores() if executor is Executor.local else 1),
                               executor=executor.value, workers=workers, scheduler=scheduler,
                               cache=not no_cache, rebuild_cache=rebuild_cache,
                               config_file=config.source if config.path is not None else None,
                               progress=article_counter(tick))
        if write_baseline is not None:
            from ..checks.baseline import write_baseline as record

            n = record(report, write_baseline)
            echo(f"wrote {n} accepted flag(s) to {write_baseline}", err=True)
            baseline = write_baseline
        if baseline is not None:
            from ..checks.baseline import apply_baseline, load_baseline

            apply_baseline(report, load_baseline(baseline))
        text = _render(report, fmt, explain, out)
        # A report missing an article is not written to a file (it would look complete), nor
        # diverted to stdout instead.
        if text is not None and not (out.to_file and report.errors):
            out.write(text)
        for article in report.errors:
            echo(f"error: {article.error}", err=True)
        for entry in report.stale:
            echo(f"stale baseline entry: {entry.slug} {entry.kind}"
                 + (f" {entry.term}" if entry.term else "") + f" ({entry.fingerprint})", err=True)
        raise typer.Exit(report.exit_code(fail_on))


def _render(report, fmt: CheckFormat, explain: bool, out) -> str | None:
    """The report as text, or None when it was printed to the terminal directly."""
    if fmt is CheckFormat.json:
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt is CheckFormat.csv:
        from ..report.tables import safe_csv

        return safe_csv(report.to_frame())
    if fmt is CheckFormat.html:
        from ..report.html import render_check_html

        return render_check_html(report)
    from ..report.terminal import render_check

    console = out.console()
    render_check(report, console, explain=explain)
    return console.file.getvalue() if out.to_file else None
