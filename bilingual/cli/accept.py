"""`bilingual accept` and `bilingual baseline list|prune|import`: the accepted flags, one at a time."""

from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from .options import NO_GLOSSARY_HELP, TableOrJson
from .output import echo

BASELINE_HELP = "The baseline file. Default: `baseline` in bilingual.toml."


def _baseline_file(given: Optional[Path], config, *, must_exist: bool = False) -> Path:
    from ..errors import UsageError

    path = given or (Path(config.get("baseline")) if config.get("baseline") else None)
    if path is None:
        raise UsageError("no baseline file: pass --baseline FILE or set baseline in bilingual.toml")
    if must_exist and not path.exists():
        where = "" if given else f" (baseline in {config.source})"
        raise UsageError(f"{path}: no such baseline{where}; `bilingual accept ID --reason TEXT` or "
                         "`bilingual check --write-baseline FILE` creates it")
    return path


def _run_check(paths, glossary, no_glossary, config):
    """The current flags of the corpus (the check cache makes this quick on a second run)."""
    from ..executors import cores
    from ..checks.pipeline import check as run_check
    from .options import require_glossary
    from .progress import article_counter, ticker

    gloss = require_glossary(glossary, no_glossary, config)
    with ticker("checking") as tick:
        return run_check(list(paths or config.get("corpus") or []), gloss, mode=config.get("mode", "default"),
                         jobs=cores(), cache=True, progress=article_counter(tick))


def _entries(n: int) -> str:
    return f"{n} entr{'y' if n == 1 else 'ies'}"


def _line(entry) -> str:
    term = f" {entry.term}" if entry.term else ""
    return f"{entry.fingerprint[:10]}  {entry.slug}  {entry.kind}{term}"


def register(app: typer.Typer) -> None:
    @app.command()
    def accept(
        ids: Optional[List[str]] = typer.Argument(None, help="Flag IDs as `check` shows them (a prefix of 4+ digits "
                                                              "will do)."),
        reason: str = typer.Option(..., "--reason", "-r", help="Why the flag is right as it is (recorded)."),
        kind: Optional[str] = typer.Option(None, "--kind", help="Only flags of this kind (alone: all of them)."),
        term: Optional[str] = typer.Option(None, "--term", help="Only flags about this glossary term."),
        article: Optional[str] = typer.Option(None, "--article", help="Only flags in this article (its slug)."),
        baseline: Optional[Path] = typer.Option(None, "--baseline", help=BASELINE_HELP),
        corpus: Optional[List[Path]] = typer.Option(None, "--corpus", "-c", help="What to check. Default: `corpus` "
                                                                                 "in bilingual.toml, else corpus/."),
        glossary: Optional[Path] = typer.Option(None, "--glossary", "-g", help="Glossary CSV."),
        no_glossary: bool = typer.Option(False, "--no-glossary", help=NO_GLOSSARY_HELP),
        author: Optional[str] = typer.Option(None, "--author", help="Default: git config user.name, else $USER."),
    ) -> None:
        """Accept flags in the baseline with a reason: they stay in the report, marked, and no longer fail
        `check`. The entry records the reason, the author and the time."""
        from ..checks.accept import accept as record, select
        from .options import project_config

        config = project_config()
        path = _baseline_file(baseline, config)
        report = _run_check(corpus, glossary, no_glossary, config)
        chosen = select(report, ids or (), kind=kind, term=term, article=article)
        if not chosen:
            from ..errors import UsageError

            raise UsageError("no flag matches --kind/--term/--article in this check")
        result = record(path, chosen, reason, author=author)
        for e in result.added:
            echo(f"accepted {_line(e)}")
        for e in result.updated:
            echo(f"new reason {_line(e)}")
        same = len({id(f) for _, f in chosen}) - len(result.added) - len(result.updated)
        echo(f"{path}: {len(result.added)} accepted, {len(result.updated)} with a new reason"
             + (f", {same} already accepted" if same > 0 else "") + f"; {_entries(result.total)}", err=True)

    sub = typer.Typer(name="baseline", help="The accepted flags: list them, drop stale ones, import a "
                                            "reviewed CSV/XLSX.", no_args_is_help=True)

    @sub.command("list")
    def list_(
        baseline: Optional[Path] = typer.Option(None, "--baseline", help=BASELINE_HELP),
        fmt: TableOrJson = typer.Option(TableOrJson.table, "--format", "-f", help="Output format."),
    ) -> None:
        """List the accepted flags with their reason, author and date."""
        from ..checks.accept import read_entries
        from .options import project_config

        config = project_config()
        entries = read_entries(_baseline_file(baseline, config, must_exist=True))
        if fmt is TableOrJson.json:
            echo(json.dumps([e.to_dict() | {"id": e.id} for e in entries], ensure_ascii=False, indent=2))
            return
        from rich.table import Table

        from ..report.terminal import make_console

        table = Table(show_edge=False, pad_edge=False)
        for col in ("id", "article", "kind", "term", "reason", "author", "date"):
            table.add_column(col, overflow="fold")
        for e in entries:
            table.add_row(e.id, e.slug, e.kind, e.term or "", e.reason or "—", e.author or "—",
                          e.date[:10] or "—")
        make_console().print(table)
        echo(f"{len(entries)} accepted flag(s)", err=True)

    @sub.command()
    def prune(
        paths: Optional[List[Path]] = typer.Argument(None, help="What to check. Default: `corpus` in bilingual.toml."),
        baseline: Optional[Path] = typer.Option(None, "--baseline", help=BASELINE_HELP),
        glossary: Optional[Path] = typer.Option(None, "--glossary", "-g", help="Glossary CSV."),
        no_glossary: bool = typer.Option(False, "--no-glossary", help=NO_GLOSSARY_HELP),
    ) -> None:
        """Drop the entries that no current flag matches (in the articles checked)."""
        from ..checks.accept import prune as drop
        from .options import project_config

        config = project_config()
        path = _baseline_file(baseline, config, must_exist=True)
        report = _run_check(paths, glossary, no_glossary, config)
        gone = drop(path, report)
        for e in gone:
            echo(f"dropped {_line(e)}")
        echo(f"{path}: {len(gone)} stale entr{'y' if len(gone) == 1 else 'ies'} dropped", err=True)

    @sub.command("import")
    def import_(
        table: Path = typer.Argument(..., help="A reviewed `check -o flags.csv` / `flags.xlsx` with status "
                                               "(accepted/open) and reason filled in."),
        baseline: Optional[Path] = typer.Option(None, "--baseline", help=BASELINE_HELP),
        author: Optional[str] = typer.Option(None, "--author", help="Default: git config user.name, else $USER."),
    ) -> None:
        """Read a reviewed spreadsheet back: accepted rows enter the baseline with their reason, rows set
        back to open leave it."""
        from ..checks.accept import import_statuses
        from .options import project_config

        config = project_config()
        path = _baseline_file(baseline, config)
        result = import_statuses(path, table, author=author)
        for e in result.accepted:
            echo(f"accepted {_line(e)}")
        for e in result.reopened:
            echo(f"reopened {_line(e)}")
        echo(f"{path}: {len(result.accepted)} accepted, {len(result.reopened)} reopened, {result.unchanged} "
             f"unchanged; {_entries(result.total)}", err=True)

    app.add_typer(sub)
