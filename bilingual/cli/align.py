"""`bilingual align`: sentence alignment of an English file and its Russian version."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .options import AlignMode


class AlignFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    tsv = "tsv"
    tmx = "tmx"
    xliff = "xliff"


class Split(str, Enum):
    sentences = "sentences"
    lines = "lines"


def register(app: typer.Typer) -> None:
    @app.command()
    def align(
        en: Path = typer.Argument(..., help="The English file (txt, md or html; with --split lines, one sentence a line)."),
        ru: Path = typer.Argument(..., help="The Russian file, same kind."),
        fmt: Optional[AlignFormat] = typer.Option(
            None, "--format", "-f", help="table (default): one link a line, EN indices:RU indices:confidence; "
                                         "jsonl and tsv add the texts; tmx: a translation memory; xliff: XLIFF 1.2, "
                                         "one trans-unit per link. Default: from the -o file's extension, else table."),
        split: Split = typer.Option(Split.sentences, "--split",
                                    help="sentences: segment the articles; lines: one sentence per line as given."),
        mode: AlignMode = typer.Option(AlignMode.default, "--mode",
                                  help="default: length and anchors; semantic: also sentence embeddings where unsure."),
        glossary: Optional[Path] = typer.Option(None, "--glossary", "-g",
                                                help="Glossary CSV: its terms become anchors."),
        output: Optional[Path] = typer.Option(None, "--output", "-o",
                                              help="Write to this file (atomically) instead of stdout."),
    ) -> None:
        """Align the sentences of EN and RU: one link a line, [0]:[0,1]:0.93 (English indices, Russian indices,
        confidence). An empty side is a sentence with no counterpart.

        Exit codes: 0 done, 2 bad input.
        """
        from .output import Output, format_for

        out = Output(output, reads=[en, ru, glossary])
        fmt = AlignFormat(format_for(output, fmt, AlignFormat))
        from ..align import align_files
        from ..report.links import format_links

        gloss = None
        if glossary is not None:
            from ..glossary import load_glossary

            gloss = load_glossary(glossary)
        result = align_files(en, ru, split=split.value, glossary=gloss, mode=mode.value)
        en_texts = result.en_doc.sentence_texts
        ru_texts = result.ru_doc.sentence_texts
        if fmt is AlignFormat.tmx:
            from ..report.tmx import to_tmx

            data = to_tmx(en_texts, ru_texts, result.links)
        elif fmt is AlignFormat.xliff:
            from ..report.xliff import to_xliff

            data = to_xliff(en_texts, ru_texts, result.links, original=str(en))
        else:
            data = format_links(result.links, "default" if fmt is AlignFormat.table else fmt.value,
                                en_texts, ru_texts).encode("utf-8")
        out.write(data)
