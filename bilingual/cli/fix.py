"""`bilingual fix`: correct a Russian version to the glossary, keeping grammatical forms."""

from __future__ import annotations

import json
import os
import sys
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
        ru: List[Path] = typer.Argument(
            ..., help="The Russian article(s) to correct (.md, .txt, .docx), or an XLIFF file (its targets)."),
        en: Optional[Path] = typer.Option(None, "--en", help="Its English version (helps pick the case)."),
        glossary: Optional[Path] = typer.Option(
            None, "--glossary", "-g", help="Glossary CSV. Default: `glossary` in bilingual.toml, else glossary.csv."),
        output: Optional[Path] = typer.Option(None, "--output", "-o",
                                              help="Write the corrected article here (atomically)."),
        fmt: Format = typer.Option(Format.table, "--format", "-f",
                                   help="table: a unified diff; json: the replacements."),
        in_place: bool = typer.Option(False, "--in-place", "-i",
                                      help="Write the corrected article over RU itself (keeping RU.bak)."),
        no_backup: bool = typer.Option(False, "--no-backup", help="With --in-place: don't keep RU.bak."),
        explain: bool = typer.Option(False, "--explain",
                                     help="Say for each replacement which case was chosen and which cue decided."),
        check: bool = typer.Option(False, "--check",
                                   help="Change nothing; exit 1 when a file would change (for CI and pre-commit)."),
    ) -> None:
        """Replace forbidden renderings of glossary names with the allowed form, in the same case.

        Prints a unified diff (or the replacements as JSON); the input file is
        never changed unless --in-place is given (then the old version is kept
        as RU.bak unless --no-backup). The corrected file keeps the encoding,
        byte-order mark and line ends it was read in.

        Exit codes: 0 done (with --check: nothing to fix), 1 with --check: a file would change, 2 bad input.
        """
        from ..errors import UsageError
        from ..fix.apply import fix_file
        from .options import glossary_path, project_config, require_glossary
        from .output import Output

        if len(ru) > 1 and (output is not None or en is not None or in_place):
            raise UsageError("--output, --in-place and --en take one Russian file")
        if check and (output is not None or in_place):
            raise UsageError("--check changes nothing: leave out --output and --in-place")
        if no_backup and not in_place:
            raise UsageError("--no-backup goes with --in-place")
        if in_place and output is not None and os.path.realpath(output) != os.path.realpath(ru[0]):
            raise UsageError("--in-place writes RU itself; drop -o, or drop --in-place to write another file",
                             path=str(output))
        config = project_config()
        if in_place and not no_backup:
            backup = os.path.abspath(ru[0].with_name(ru[0].name + ".bak"))
            named = [p for p in (en, glossary_path(glossary, config)) if p is not None]
            if any(os.path.abspath(p) == backup for p in named):
                raise UsageError("is an input of this command; --in-place would replace it with the backup",
                                 path=str(ru[0].with_name(ru[0].name + ".bak")))
        target = ru[0] if in_place else output
        out = Output(target, reads=[*ru, en, glossary_path(glossary, config)], allow=ru[:1] if in_place else [])
        gloss = require_glossary(glossary, False, config)
        results = [fix_file(path, gloss, en_path=en) for path in ru]
        if fmt is Format.json:
            docs = [r.to_dict() for r in results]
            Output(None).write(json.dumps(docs[0] if len(docs) == 1 else docs, ensure_ascii=False, indent=2) + "\n")
        for path, result in zip(ru, results):
            _report(path, result, out, fmt, in_place, no_backup, explain, output)
        if check and any(r.changes for r in results):
            raise typer.Exit(1)


def _report(ru: Path, result, out, fmt: Format, in_place: bool, no_backup: bool, explain: bool, output) -> None:
    """Write one corrected file where asked, and show its diff (table) and explanations."""
    from .output import echo

    if out.to_file:
        from ..io import write_bytes_atomic

        if in_place and not no_backup and result.changes:
            # a new file at RU.bak: a link planted there is replaced, never written through
            write_bytes_atomic(ru.with_name(ru.name + ".bak"), result.original_bytes, fresh=True, like=ru)
        if result.changes or not in_place:
            out.write(result.fixed_bytes())
    if result.skipped:
        echo(f"note: {ru}: {len(result.skipped)} forbidden form(s) left alone in code, link targets, "
             "comments or front matter", err=True)
    if result.other_language:
        from ..sources.langid import language_name

        langs = ", ".join(dict.fromkeys(language_name(lang) for lang, _ in result.other_language))
        echo(f"note: {ru}: {len(result.other_language)} forbidden form(s) left alone in paragraphs in {langs}",
             err=True)
    if fmt is Format.table and result.changes:
        name = str(output) if output and not in_place else None
        if sys.stdout.isatty():
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
