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
    xlsx = "xlsx"
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
        explain: bool = typer.Option(False, "--explain", help="In the terminal table, say which rule fired for each "
                                                              "flag, and why (JSON, CSV and HTML always do)."),
        ru_name: Optional[str] = typer.Option(
            None, "--ru-name", help="The Russian file of each article folder, e.g. ru.mt.md to check machine "
                                    "translations. Default: `ru_name` in bilingual.toml, else ru.md."),
        notes: bool = typer.Option(
            False, "--notes", help="Also list the notes (names the Russian adds; not drift, never failing the run) "
                                   "in the terminal report. JSON always has them; HTML behind a toggle."),
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
        list_checks: bool = typer.Option(
            False, "--list-checks", help="List every flag kind, its level (as [checks] in the configuration "
                                         "sets it) and what it checks, then exit."),
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

        if list_checks:
            from ..checks.qa import list_checks as kinds

            for kind, level, doc in kinds():
                echo(f"{kind:<23}{level:<9}{doc}")
            raise typer.Exit(0)
        config = project_config()
        fail_on = fail_on.value if fail_on else config.get("fail_on", "info")
        mode = mode.value if mode else config.get("mode", "default")
        baseline_given = baseline
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
        elif baseline is not None and not baseline.exists():
            from ..errors import UsageError

            where = f" (baseline set in {config.source})" if baseline_given is None else ""
            raise UsageError(f"{baseline}: no such baseline file{where}; run `bilingual check --write-baseline "
                             f"{baseline}` first to accept the current flags, or `bilingual accept ID --reason "
                             "TEXT` to accept one")
        fmt = CheckFormat(format_for(output, fmt, CheckFormat, config.get("format", "table"), config))
        gloss = require_glossary(glossary, no_glossary, config)
        ru_name = ru_name or config.get("ru_name")
        with ticker("checking") as tick:
            report = run_check(paths, gloss, mode=mode,
                               keep_alignments=fmt is CheckFormat.html,
                               jobs=jobs or (cores() if executor is Executor.local else 1),
                               executor=executor.value, workers=workers, scheduler=scheduler,
                               cache=not no_cache, rebuild_cache=rebuild_cache,
                               config_file=config.source if config.path is not None else None,
                               progress=article_counter(tick), ru_name=None if ru_name == "ru.md" else ru_name)
        report.not_checked_levels["no_translation"] = config.get("no_translation", "warning")
        if write_baseline is not None:
            from ..checks.baseline import write_baseline as record

            n = record(report, write_baseline)
            echo(f"wrote {n} accepted flag(s) to {write_baseline}", err=True)
            baseline = write_baseline
        if baseline is not None:
            from ..checks.baseline import apply_baseline, load_baseline

            apply_baseline(report, load_baseline(baseline))
        from ..report.suggest import add_suggestions

        add_suggestions(report, gloss)
        data = _render(report, fmt, explain, out, config, notes)
        if data is not None:
            out.write(data)
        for article in report.errors:
            level = report.not_checked_level(article)
            echo(f"{level}: {article.error} (not checked)", err=True)
        for entry in report.stale:
            echo(f"stale baseline entry: {entry.slug} {entry.kind}"
                 + (f" {entry.term}" if entry.term else "") + f" ({entry.id}); `bilingual baseline prune` "
                 "drops it", err=True)
        if out.to_file:
            from ..report.summary import summary_line

            echo(f"wrote {out.path}: {summary_line(report)}", err=True)
        raise typer.Exit(report.exit_code(fail_on))


def _render(report, fmt: CheckFormat, explain: bool, out, config, notes: bool = False) -> str | bytes | None:
    """The report as text (bytes for XLSX), or None when it was printed to the terminal directly."""
    if fmt is CheckFormat.json:
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt is CheckFormat.csv:
        from ..report.tables import safe_csv

        return safe_csv(report.to_frame())
    if fmt is CheckFormat.xlsx:
        from ..report.tables import xlsx_bytes

        if not out.to_file:
            from ..errors import UsageError

            raise UsageError("--format xlsx writes a workbook: give -o FILE.xlsx")
        return xlsx_bytes(report.to_frame())
    if fmt is CheckFormat.html:
        from ..report.html import render_check_html

        return render_check_html(report, editor_url=config.get("editor_url"))
    from ..report.terminal import render_check

    console = out.console()
    render_check(report, console, explain=explain, notes=notes)
    return console.file.getvalue() if out.to_file else None
