"""Write the files the README and the docs use in their examples, from the shipped corpus.

    python examples/make_examples.py          # from the repository's top folder

Every file under examples/ except this script and README.md is written here, so the examples
can be made again after the corpus or a reader changes. The builders are the ones the test
suite uses (tests/mirror_site.py, tests/web_page.py, tests/catfile_builder.py,
tests/docx_builder.py).
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.catfile_builder import write_po, write_xliff12  # noqa: E402
from tests.docx_builder import write_docx  # noqa: E402
from tests.mirror_site import build_mirror  # noqa: E402
from tests.web_page import write_article_pages  # noqa: E402

EXAMPLES = ROOT / "examples"
CORPUS = ROOT / "corpus"
KEEP = {"make_examples.py", "README.md"}

# A glossary with four problems `glossary lint` reports (a shared ru, an unknown type, a form both
# forbidden and allowed, stray spaces).
BROKEN_GLOSSARY = """\
en,ru,type,variants,forbidden,note
Kyiv,Киев,city,,Київ;Кыив,
Kiev,Киев,town,,,old spelling
Odesa,Одесса ,city,,Одесса,
Moldova,Молдова,country,,Молдавия,
"""

# A desk's glossary to import: one new term, one with more forbidden forms, one conflict.
DESK_GLOSSARY = """\
en,ru,type,variants,forbidden,note
Lviv,Львов,city,,Львів,
Kyiv,Киев,city,,Київ;Кыив;Киів;Кийв,
Sumy,Суми,city,,,
"""

# A Russian article quoting a Ukrainian statement: fix corrects the Russian paragraph only.
UKRAINIAN_QUOTE = """\
# Тревога

Власти Харкива объявили тревогу в понедельник.

«Міська влада повідомила, що в Харкові оголошено тривогу», — написал мэр.
"""


def _clear(dest: Path) -> None:
    for path in dest.iterdir():
        if path.name in KEEP:
            continue
        shutil.rmtree(path) if path.is_dir() else path.unlink()


def _mark_needs_review(xliff: Path, unit_id: str) -> None:
    """Mark one unit as a translator would: its target needs review."""
    text = xliff.read_text(encoding="utf-8")
    unit = re.search(rf'<trans-unit id="{unit_id}"[^>]*>.*?</trans-unit>', text, re.S)
    marked = unit.group(0).replace('state="translated"', 'state="needs-review-translation"', 1)
    xliff.write_text(text[: unit.start()] + marked + text[unit.end():], encoding="utf-8")


def make(dest: Path = EXAMPLES) -> list[Path]:
    """Write every example file into ``dest``; return their paths."""
    dest.mkdir(parents=True, exist_ok=True)
    _clear(dest)
    build_mirror(dest / "site")
    write_article_pages("moldova-georgia-nato", dest / "web-page")

    cat = dest / "cat"
    cat.mkdir()
    write_xliff12("moldova-georgia-nato", cat / "moldova.xlf")
    write_po("moldova-georgia-nato", cat / "moldova.po")
    write_xliff12("putin-nato-pledge", cat / "pledge.xlf")
    _mark_needs_review(cat / "pledge.xlf", "5")

    word = dest / "word" / "moldova-georgia-nato"
    word.mkdir(parents=True)
    write_docx("moldova-georgia-nato", "en", word / "en.docx")
    write_docx("moldova-georgia-nato", "ru", word / "ru.docx", bold="Молдавии")

    # The same article as an old CMS exported it: the Russian in Windows-1251 with CRLF line ends.
    legacy = dest / "legacy-encoding" / "putin-iran-israel-calls"
    legacy.mkdir(parents=True)
    shutil.copy(CORPUS / "putin-iran-israel-calls" / "en.md", legacy / "en.md")
    ru = (CORPUS / "putin-iran-israel-calls" / "ru.md").read_text(encoding="utf-8")
    (legacy / "ru.md").write_bytes(ru.replace("\n", "\r\n").encode("cp1251"))

    shutil.copytree(ROOT / "tests" / "data" / "diff", dest / "diff")

    quote = dest / "ukrainian-quote"
    quote.mkdir()
    (quote / "ru.md").write_text(UKRAINIAN_QUOTE, encoding="utf-8")
    (dest / "broken.csv").write_text(BROKEN_GLOSSARY, encoding="utf-8")
    (dest / "desk.csv").write_text(DESK_GLOSSARY, encoding="utf-8")
    return sorted(p for p in dest.rglob("*") if p.is_file() and p.name not in KEEP)


if __name__ == "__main__":
    for written in make():
        print(written.relative_to(ROOT))
