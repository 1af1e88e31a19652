"""An archive for the review desk's tests: the shipped sample corpus and glossary, plus one article.

The extra article writes Pezeshkian the way one of the sample articles does («Пезешкьян»),
so a form added to the glossary from that article's flag shows up as a flag in this one.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

EXTRA_EN = """# Pezeshkian Visits Moscow

Iranian President Masoud Pezeshkian arrived in Moscow on Monday for talks on energy.

Pezeshkian said the two countries would sign a new agreement on gas supplies.
"""

EXTRA_RU = """# Пезешкиан посетил Москву

Президент Ирана Масуд Пезешкиан прибыл в Москву в понедельник на переговоры об энергетике.

Пезешкьян заявил, что две страны подпишут новое соглашение о поставках газа.
"""


def make_archive(tmp_path: Path) -> Path:
    """``tmp_path/site`` with ``corpus/``, ``glossary.csv`` and ``bilingual.toml``; returns the site folder."""
    site = tmp_path / "site"
    shutil.copytree(ROOT / "corpus", site / "corpus", ignore=shutil.ignore_patterns(".bilingual", "README.md"))
    shutil.copy(ROOT / "glossary.csv", site / "glossary.csv")
    folder = site / "corpus" / "pezeshkian-moscow-visit"
    folder.mkdir()
    (folder / "en.md").write_text("---\ntitle: Pezeshkian Visits Moscow\ndate: 2025-06-25\n---\n" + EXTRA_EN,
                                  encoding="utf-8")
    (folder / "ru.md").write_text("---\ntitle: Пезешкиан посетил Москву\ndate: 2025-06-25\n---\n" + EXTRA_RU,
                                  encoding="utf-8")
    (site / "bilingual.toml").write_text('corpus = "corpus"\nglossary = "glossary.csv"\n'
                                         'baseline = ".bilingual-baseline.json"\n', encoding="utf-8")
    return site
