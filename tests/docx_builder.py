"""Word documents built from a shipped corpus article: headings styled as headings, a header,
a footer and a comment that are not the article, and runs with formatting around names."""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document
from docx.shared import RGBColor

from bilingual.sources.corpus import split_front_matter

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def write_docx(slug: str, lang: str, path: Path, *, bold: str | None = None) -> Path:
    """The article as .docx; every occurrence of ``bold`` is a bold red run, and the text
    around it stays in plain runs of its own."""
    _, body = split_front_matter((CORPUS / slug / f"{lang}.md").read_text(encoding="utf-8"))
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "Newsroom draft — not for publication"
    doc.sections[0].footer.paragraphs[0].text = "Page 1 of 1 · Moldavia Weekly"
    for block in body.strip().split("\n\n"):
        block = block.strip()
        level = len(block) - len(block.lstrip("#"))
        if level:
            doc.add_heading(block[level:].strip(), level=level - 1 if level > 1 else 0)
            continue
        para = doc.add_paragraph()
        pieces = re.split(f"({re.escape(bold)})", " ".join(block.split())) if bold else [" ".join(block.split())]
        for piece in pieces:
            if not piece:
                continue
            run = para.add_run(piece)
            if piece == bold:
                run.bold = True
                run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    if hasattr(doc, "add_comment"):
        first = doc.paragraphs[1]
        doc.add_comment(first.runs, text="Молдавия? check the name", author="Editor")
    doc.save(str(path))
    return path
