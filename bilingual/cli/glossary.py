"""`bilingual glossary ...`: lint, edit, list, import, export and mine the glossary."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import InputError, UsageError
from ..report.glossary import (merge_dict, merge_lines, mine_dict, mine_lines, mine_summary, term_line,
                               terms_table)
from .options import TableOrJson
from .output import echo

DEFAULT = Path("glossary.csv")


def _glossary_file(given: Optional[Path]) -> Path:
    """-g, else the project config's glossary, else glossary.csv here (the file to read or edit)."""
    from .options import glossary_path

    return glossary_path(given) or DEFAULT


def _config_corpus() -> list[Path]:
    from .options import project_config

    return [Path(p) for p in project_config().get("corpus") or ["corpus"]]

sub = typer.Typer(
    name="glossary",
    help="Maintain the glossary: lint, add/set/remove/list terms, import/export (CSV, TSV, TBX), mine new names.",
    no_args_is_help=True,
)


class ExportFormat(str, Enum):
    csv = "csv"
    tsv = "tsv"
    tbx = "tbx"


class ListFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def _forms(values: Optional[List[str]]) -> Optional[List[str]]:
    """Repeated options and ';'-separated lists alike."""
    if values is None:
        return None
    return [part.strip() for v in values for part in v.split(";") if part.strip()]


@sub.command()
def lint(
    file: Optional[Path] = typer.Argument(None, help="The glossary CSV (or give it with -g)."),
    glossary: Optional[Path] = typer.Option(None, "--glossary", "-g", help="The glossary CSV. Default: "
                                            "`glossary` in bilingual.toml, else glossary.csv."),
    corpus: Optional[Path] = typer.Option(
        None, "--corpus", "-c", help="Also report terms found in none of this corpus's English articles. "
                                     "Default: corpus/ when present."),
    no_corpus: bool = typer.Option(False, "--no-corpus", help="Skip the corpus check."),
    fmt: TableOrJson = typer.Option(TableOrJson.table, "--format", "-f", help="Output format."),
) -> None:
    """Report schema errors and subtler problems, one line each with file:line. A term no article
    uses yet is a note (info): a glossary lists names before they appear.

    Exit codes: 0 clean (notes only), 1 problems found, 2 the glossary can't be read.
    """
    from ..glossary.lint import lint_glossary

    if file is not None and glossary is not None and file != glossary:
        raise UsageError("give the glossary once: as FILE or with -g")
    file = _glossary_file(file or glossary)
    if not file.exists():
        raise InputError("glossary file not found", path=str(file))
    if corpus is None and not no_corpus and Path("corpus").is_dir():
        corpus = Path("corpus")
    problems = lint_glossary(file, None if no_corpus else corpus)
    if fmt is TableOrJson.json:
        echo(json.dumps({"glossary": str(file), "problems": [
            {"path": p.path, "line": p.line, "code": p.code, "level": p.level, "message": p.message}
            for p in problems]},
            ensure_ascii=False, indent=2))
    else:
        for p in problems:
            echo(str(p))
    serious = [p for p in problems if p.level != "info"]
    notes = len(problems) - len(serious)
    if serious:
        echo(f"{len(serious)} problem{'s' if len(serious) != 1 else ''}" + (f", {notes} note(s)" if notes else ""),
             err=True)
        raise typer.Exit(1)
    echo(f"{file}: no problems" + (f" ({notes} note{'s' if notes != 1 else ''})" if notes else ""), err=True)


@sub.command()
def add(
    en: str = typer.Argument(..., help="The English term."),
    ru: str = typer.Argument(..., help="Its Russian rendering (dictionary form)."),
    type: str = typer.Option("", "--type", "-t", help="person, country, city, region, organization, ..."),
    variant: Optional[List[str]] = typer.Option(None, "--variant", "-v", help="An allowed variant (repeatable)."),
    forbidden: Optional[List[str]] = typer.Option(None, "--forbidden", "-x", help="A forbidden form (repeatable)."),
    note: str = typer.Option("", "--note", "-n", help="A note for editors."),
    en_variant: Optional[List[str]] = typer.Option(None, "--en-variant", "-e",
                                                   help="Another English name, e.g. 'U.S.' (repeatable)."),
    glossary: Optional[Path] = typer.Option(None, "--glossary", "-g", help="The glossary CSV to edit. Default: "
                                            "`glossary` in bilingual.toml, else glossary.csv."),
) -> None:
    """Add a term. Refused (exit 2, file untouched) if the English term is already there or the row is invalid."""
    glossary = _glossary_file(glossary)
    from ..glossary.edit import add_term

    t = add_term(glossary, en, ru, type=type, variants=_forms(variant) or (),
                 forbidden=_forms(forbidden) or (), note=note, en_variants=_forms(en_variant) or ())
    echo(f"added {glossary}:{t.line}: {term_line(t)}")


@sub.command("set")
def set_(
    en: str = typer.Argument(..., help="The English term to change."),
    ru: Optional[str] = typer.Option(None, "--ru", help="New Russian rendering."),
    type: Optional[str] = typer.Option(None, "--type", "-t", help="New type."),
    variants: Optional[List[str]] = typer.Option(None, "--variants", help="Replace the variants (';'-separated)."),
    forbidden: Optional[List[str]] = typer.Option(None, "--forbidden", help="Replace the forbidden forms."),
    add_variant: Optional[List[str]] = typer.Option(None, "--add-variant", help="Add a variant (repeatable)."),
    add_forbidden: Optional[List[str]] = typer.Option(None, "--add-forbidden", help="Add a forbidden form."),
    en_variants: Optional[List[str]] = typer.Option(None, "--en-variants", help="Replace the English variants."),
    add_en_variant: Optional[List[str]] = typer.Option(None, "--add-en-variant", help="Add an English variant."),
    note: Optional[str] = typer.Option(None, "--note", "-n", help="New note."),
    rename: Optional[str] = typer.Option(None, "--en", help="New English term."),
    glossary: Optional[Path] = typer.Option(None, "--glossary", "-g", help="The glossary CSV to edit. Default: `glossary` in bilingual.toml, else glossary.csv."),
) -> None:
    """Change cells of one term; every other cell and row stays as it was."""
    glossary = _glossary_file(glossary)
    from ..glossary.edit import set_term

    t = set_term(glossary, en, ru=ru, type=type, variants=_forms(variants), forbidden=_forms(forbidden),
                 note=note, new_en=rename, add_variants=_forms(add_variant) or (),
                 add_forbidden=_forms(add_forbidden) or (), en_variants=_forms(en_variants),
                 add_en_variants=_forms(add_en_variant) or ())
    echo(f"changed {glossary}:{t.line}: {term_line(t)}")


@sub.command()
def remove(
    en: str = typer.Argument(..., help="The English term to remove."),
    glossary: Optional[Path] = typer.Option(None, "--glossary", "-g", help="The glossary CSV to edit. Default: `glossary` in bilingual.toml, else glossary.csv."),
) -> None:
    """Remove a term."""
    glossary = _glossary_file(glossary)
    from ..glossary.edit import remove_term

    t = remove_term(glossary, en)
    echo(f"removed {glossary}:{t.line}: {term_line(t)}")


@sub.command("list")
def list_(
    text: Optional[str] = typer.Argument(None, help="Only terms containing this text (any column, ё = е); "
                                                    "failing that, the terms it is a form of (Харькове)."),
    type: Optional[str] = typer.Option(None, "--type", "-t", help="Only terms of this type."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="Output format."),
    glossary: Optional[Path] = typer.Option(None, "--glossary", "-g", help="The glossary CSV. Default: `glossary` in bilingual.toml, else glossary.csv."),
) -> None:
    """List terms as a table, filtered by type and text."""
    glossary = _glossary_file(glossary)
    from ..glossary import load_glossary
    from ..glossary.edit import find_terms
    from ..glossary.load import term_row

    terms = find_terms(load_glossary(glossary), type=type, text=text)
    if fmt is ListFormat.json:
        from .output import Output

        Output(None).write(json.dumps([{**term_row(t), "line": t.line} for t in terms], ensure_ascii=False,
                                      indent=2) + "\n")
        return
    if fmt is ListFormat.csv:
        from ..glossary.load import glossary_csv
        from ..model import Glossary

        from .output import Output

        Output(None).write(glossary_csv(Glossary(tuple(terms))))
        return
    import sys

    from ..report.terminal import make_console

    # a pipe or file gets 120 columns
    make_console(width=None if sys.stdout.isatty() else 120).print(terms_table(terms, str(glossary)))


@sub.command()
def export(
    fmt: Optional[ExportFormat] = typer.Option(
        None, "--format", "-f", help="csv, tsv or tbx (TermBase eXchange). Default: from the -o file's extension, "
                                     "else csv."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here (atomically) instead of stdout."),
    glossary: Optional[Path] = typer.Option(None, "--glossary", "-g", help="The glossary CSV. Default: `glossary` in bilingual.toml, else glossary.csv."),
) -> None:
    """Export the glossary for CAT tools and spreadsheets."""
    glossary = _glossary_file(glossary)
    from ..glossary import load_glossary
    from ..glossary.exchange import export_glossary
    from .output import Output

    from .output import format_for

    out = Output(output, reads=[glossary])
    fmt = ExportFormat(format_for(output, fmt, ExportFormat))
    terms = load_glossary(glossary)
    out.write(export_glossary(terms, fmt.value))
    if out.to_file:
        echo(f"wrote {output}: {len(terms)} term{'s' if len(terms) != 1 else ''} ({fmt.value})", err=True)


@sub.command("import")
def import_(
    file: Path = typer.Argument(..., help="A CSV, TSV or TBX file of terms."),
    source_fmt: Optional[ExportFormat] = typer.Option(None, "--from", help="Its format (default: from the name)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Report what would change; write nothing."),
    glossary: Optional[Path] = typer.Option(None, "--glossary", "-g", help="The glossary CSV to merge into."),
    fmt: TableOrJson = typer.Option(TableOrJson.table, "--format", "-f", help="Output format."),
) -> None:
    """Merge terms into the glossary: new terms are added, new forms merged, conflicts reported, never overwritten.

    Exit codes: 0 merged cleanly, 1 conflicts were reported (the rest was merged), 2 bad input.
    """
    from ..glossary.exchange import import_glossary

    report = import_glossary(_glossary_file(glossary), file, fmt=source_fmt.value if source_fmt else None,
                             dry_run=dry_run)
    _print_merge(report, file, dry_run, fmt)


def _print_merge(report, source: Path, dry_run: bool = False, fmt: TableOrJson = TableOrJson.table) -> None:
    """What a merge into the glossary did (or would do); exit 1 when it hit conflicts."""
    if fmt is TableOrJson.json:
        echo(json.dumps(merge_dict(report, source, dry_run), ensure_ascii=False, indent=2))
    else:
        lines, summary = merge_lines(report, source, dry_run)
        for line in lines:
            echo(line)
        echo(summary, err=True)
    if report.conflicts:
        raise typer.Exit(1)


@sub.command()
def mine(
    corpus: Optional[List[Path]] = typer.Argument(None, help="Corpus folder(s) or article folders. Default: corpus/."),
    glossary: Optional[Path] = typer.Option(None, "--glossary", "-g",
                                            help="The glossary CSV (its terms aren't proposed)."),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", help="Write the proposals CSV here (atomically) for review; else print a summary."),
    min_count: int = typer.Option(1, "--min-count", help="Only names seen in at least this many links."),
    accept_file: Optional[Path] = typer.Option(
        None, "--accept", help="Add the rows of this reviewed proposals CSV whose status is 'accepted'."),
    jobs: Optional[int] = typer.Option(
        None, "--jobs", "-j", min=1, help="Worker processes reading the articles. Default: the number of cores."),
    fmt: TableOrJson = typer.Option(TableOrJson.table, "--format", "-f", help="Output format."),
) -> None:
    """Find names the glossary lacks, with the Russian rendering the archive uses.

    Writes the glossary's columns plus confidence, count, example_en, example_ru and status=proposed; mark
    rows status=accepted and run with --accept FILE to add them. Also proposes forbidden forms for existing
    terms the archive renders in unlisted ways. Exit codes: 0 done, 1 --accept hit conflicts, 2 bad input.
    """
    from ..glossary import load_glossary
    from ..mining import mine as mining
    from .output import Output, split_inputs

    from ..executors import cores
    from .progress import ticker

    given = glossary
    glossary = _glossary_file(glossary)
    corpus = list(corpus or _config_corpus())
    files, folders = split_inputs(corpus)
    out = Output(output, reads=[*files, glossary, accept_file], folders=folders)
    if accept_file is not None:
        _print_merge(mining.accept(glossary, accept_file), accept_file, fmt=fmt)
        return
    gloss = load_glossary(glossary) if glossary.exists() or given is not None else None
    with ticker("reading articles") as tick:
        result = mining.mine(corpus, gloss, min_count=min_count, jobs=jobs or cores(), progress=tick)
    if fmt is TableOrJson.json and not out.to_file:
        echo(json.dumps(mine_dict(result), ensure_ascii=False, indent=2))
        return
    for e in result.errors:
        echo(f"warning: skipped {e}", err=True)
    rows = result.proposals + result.variations
    if out.to_file:
        out.write(mining.proposals_csv(rows))
        echo(mine_summary(result, output))
        return
    for line in mine_lines(result):
        echo(line)
    echo(mine_summary(result), err=True)


def register(app: typer.Typer) -> None:
    app.add_typer(sub, name="glossary")
