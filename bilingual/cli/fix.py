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
            ..., help="The Russian article(s) to correct (.md, .txt, .docx), an XLIFF file (its targets), or a "
                      "corpus / article folder (every ru file in it, each read with its English version)."),
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
        from .output import Output, echo

        ru, english = _expand(ru)
        if len(ru) > 1 and (output is not None or en is not None):
            raise UsageError("--output and --en take one Russian file")
        if check and (output is not None or in_place):
            raise UsageError("--check changes nothing: leave out --output and --in-place")
        if no_backup and not in_place:
            raise UsageError("--no-backup goes with --in-place")
        if in_place and output is not None and os.path.realpath(output) != os.path.realpath(ru[0]):
            raise UsageError("--in-place writes RU itself; drop -o, or drop --in-place to write another file",
                             path=str(output))
        if output is not None and not in_place and os.path.realpath(output) == os.path.realpath(ru[0]):
            raise UsageError("is also an input, the file being fixed; to correct it where it is, use "
                             f"--in-place (keeps {ru[0].name}.bak), or write another file with -o", path=str(output))
        if not ru:
            raise UsageError("no Russian article to fix in the folder(s) given")
        config = project_config()
        if in_place and not no_backup:
            named = [os.path.abspath(p) for p in (en, glossary_path(glossary, config)) if p is not None]
            for path in ru:
                backup = path.with_name(path.name + ".bak")
                if os.path.abspath(backup) in named:
                    raise UsageError("is an input of this command; --in-place would replace it with the backup",
                                     path=str(backup))
        gloss = require_glossary(glossary, False, config)
        results, changed = [], 0
        for path in ru:
            target = path if in_place else output
            out = Output(target, reads=[*ru, en, glossary_path(glossary, config)], allow=[path] if in_place else [])
            result = fix_file(path, gloss, en_path=en or english.get(path))
            results.append(result)
            if fmt is Format.table:  # each file written as it is done
                _report(path, result, out, fmt, in_place, no_backup, explain, output)
            changed += bool(result.changes)
        if fmt is Format.json:
            docs = [r.to_dict() for r in results]
            Output(None).write(json.dumps(docs[0] if len(docs) == 1 else docs, ensure_ascii=False, indent=2) + "\n")
            for path, result in zip(ru, results):
                _report(path, result, Output(path if in_place else output, allow=[path] if in_place else []),
                        fmt, in_place, no_backup, explain, output)
        forms = sum(len(r.changes) for r in results)
        verb = "would change" if check or not (in_place or output) else "changed"
        echo(f"{forms} form{'' if forms == 1 else 's'} in {changed} of {len(results)} file"
             f"{'' if len(results) == 1 else 's'} {verb}" + ("" if forms or not results else ": nothing to fix"),
             err=True)
        if check and any(r.changes for r in results):
            raise typer.Exit(1)


def _expand(paths: list[Path]) -> tuple[list[Path], dict[Path, str]]:
    """Files as given; a folder as the Russian files of its articles, with their English versions."""
    from ..sources.corpus import find_pairs

    files: list[Path] = []
    english: dict[Path, str] = {}
    for p in paths:
        if not p.is_dir():
            files.append(p)
            continue
        for pair in find_pairs([p]):
            if pair.ru_path and not pair.problem and pair.ru_path != pair.en_path:
                files.append(Path(pair.ru_path))
                if pair.en_path:
                    english[Path(pair.ru_path)] = pair.en_path
    return files, english


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
        if sys.stdout.isatty():  # the changed words stand out; a pipe gets the plain patch
            from ..report.terminal import make_console
            from ..report.fixdiff import highlight_diff

            make_console(highlight=False).print(highlight_diff(result.diff(name), result.changes), end="")
        else:  # in the file's own encoding and line ends, so `patch` applies it
            sys.stdout.flush()
            sys.stdout.buffer.write(result.diff_bytes(name))
            sys.stdout.buffer.flush()
    if explain:
        for change in result.changes:
            d = change.decision
            why = f"{d.rule}: {d.cue}" + (" [uncertain]" if d.uncertain else "") if d else ""
            echo(f"«{change.old}» → «{change.new}»: {change.case or '-'} ({why})", err=True)
