"""`bilingual translate`: batch EN→RU machine translation with the glossary enforced."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from .options import NO_GLOSSARY_HELP, Executor


class Splitter(str, Enum):
    project = "project"
    package = "package"


class Format(str, Enum):
    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command()
    def translate(
        paths: Optional[List[Path]] = typer.Argument(
            None, help="Corpus folder(s), article folder(s), a saved site or English files. Default: corpus/."),
        to: str = typer.Option("ru", "--to", help="Target language (ru)."),
        model: Optional[str] = typer.Option(None, "--model", "-m",
                                            help="Installed model name (see `bilingual models list`)."),
        beam: int = typer.Option(4, "--beam", min=1, max=16, help="Beam size (1 = greedy, fastest)."),
        batch_size: int = typer.Option(16, "--batch-size", min=1, help="Sentences per model batch."),
        glossary: Optional[Path] = typer.Option(
            None, "--glossary", "-g", help="Glossary CSV. Default: `glossary` in bilingual.toml, else glossary.csv."),
        no_glossary: bool = typer.Option(False, "--no-glossary", help=NO_GLOSSARY_HELP),
        executor: Executor = typer.Option(Executor.local, "--executor", help="Run here or on Dask."),
        workers: Optional[int] = typer.Option(None, "--workers", min=1,
                                              help="Dask workers for a local cluster (default 2)."),
        scheduler: Optional[str] = typer.Option(None, "--scheduler",
                                                help="Address of an existing Dask scheduler."),
        cache: Optional[Path] = typer.Option(
            None, "--cache", help="Translation memory (SQLite). Default: <corpus>/.bilingual/translations.sqlite."),
        incremental: bool = typer.Option(False, "--incremental",
                                         help="Retranslate only sentences whose English changed since the last run."),
        out_name: str = typer.Option("ru.mt.md", "--out-name", help="File name written next to each en.md."),
        overwrite: bool = typer.Option(False, "--overwrite",
                                       help="Allow --out-name to replace an existing (human) file."),
        all_articles: bool = typer.Option(False, "--all", help="Also translate the articles of a folder that "
                                                               "have a human ru.md (left out by default)."),
        fmt: Format = typer.Option(Format.table, "--format", "-f", help="Summary format."),
        splitter: Splitter = typer.Option(Splitter.project, "--splitter",
                                          help="Sentence splitting: the project's segmenter or the model package's."),
        chunk_size: int = typer.Option(64, "--chunk-size", min=1,
                                       help="Sentences per cache commit (the most a killed run can lose)."),
        rebuild_cache: bool = typer.Option(False, "--rebuild-cache",
                                           help="If the cache is damaged or of another version, move it aside "
                                                "(translations.sqlite.corrupt-<time>) and start a new one."),
    ) -> None:
        """Translate English articles to Russian (writes ru.mt.md next to each en.md).

        Glossary names are protected during translation and put back in the
        case the sentence needs; finished sentences are cached, so a rerun or a
        killed run resumes without redoing work. Articles of a folder that already
        have a human ru.md are left out unless --all; each article is written as
        soon as it is done, and a file already holding the same text is left alone.
        """
        from ..checks.pipeline import DEFAULT_CORPUS
        from .options import project_config, require_glossary
        from ..errors import UsageError
        from ..translate.runner import check_out_name, translate_corpus
        from .progress import segment_counter, ticker

        check_out_name(out_name)
        if to != "ru":
            raise UsageError(f"only EN→RU is supported (--to ru), not {to!r}")
        if executor is Executor.local and workers:
            raise UsageError("--workers needs --executor dask")
        config = project_config()
        gloss = require_glossary(glossary, no_glossary, config)
        with ticker("translating") as tick:
            report = segment_counter(tick)
            summary = translate_corpus(
                [str(p) for p in paths] if paths else (config.get("corpus") or [DEFAULT_CORPUS]), glossary=gloss if len(gloss) else None,
                backend_options={"model": model, "beam": beam, "batch_size": batch_size},
                cache_path=cache, executor=executor.value, workers=workers, scheduler=scheduler,
                incremental=incremental, out_name=out_name, overwrite=overwrite, progress=report,
                chunk_size=chunk_size, splitter=splitter.value, rebuild_cache=rebuild_cache,
                all_articles=all_articles)
        if summary.skipped_human:
            from .output import echo

            n = len(summary.skipped_human)
            echo(f"note: {n} article(s) with a human ru.md left out (--all translates them too)", err=True)
        if fmt is Format.json:
            from .output import Output

            Output(None).write(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n")
        else:
            from ..report.translate import render_summary
            from .output import echo

            echo(render_summary(summary))
