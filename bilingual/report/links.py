"""Alignment output formats, one record per line, and their readers.

* ``default``: vecalign's ``[0]:[0,1]:0.93`` (indices and confidence only);
* ``jsonl``: ``{"en": [0], "ru": [0, 1], "score": 0.93, "uncertain": false, "en_text": ..., "ru_text": ...}``;
* ``tsv``: a header, then indices, score, uncertain flag and both texts (tabs and
  line breaks inside a text become spaces; a text a spreadsheet would run as a
  formula starts with an apostrophe, as in check's CSV);
* ``tmx``: see ``bilingual.report.tmx``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from ..errors import InputError
from ..model import Link
from ..align.scorers import UNCERTAIN
from .cells import neutralise

FORMATS = ("default", "jsonl", "tsv", "tmx")

_LINE_RE = re.compile(r"^\[([\d,\s]*)\]:\[([\d,\s]*)\]:(-?[\d.]+(?:e-?\d+)?)$")


def _ints(s: str) -> tuple[int, ...]:
    return tuple(int(x) for x in s.split(",") if x.strip())


def _flat(text: str) -> str:
    return " ".join(text.split())


def link_line(link: Link) -> str:
    en = ",".join(map(str, link.en))
    ru = ",".join(map(str, link.ru))
    return f"[{en}]:[{ru}]:{link.score:.2f}"


def format_links(links: Sequence[Link], fmt: str = "default", en: Sequence[str] = (), ru: Sequence[str] = ()) -> str:
    """The links rendered in ``fmt`` (not ``tmx``, which is bytes) as text ending in a newline."""
    if fmt == "default":
        lines = [link_line(link) for link in links]
    elif fmt == "jsonl":
        lines = [
            json.dumps(
                {
                    "en": list(link.en),
                    "ru": list(link.ru),
                    "score": round(link.score, 4),
                    "uncertain": link.uncertain,
                    "en_text": " ".join(en[i] for i in link.en) if en else None,
                    "ru_text": " ".join(ru[j] for j in link.ru) if ru else None,
                },
                ensure_ascii=False,
            )
            for link in links
        ]
    elif fmt == "tsv":
        lines = ["en\tru\tscore\tuncertain\ten_text\tru_text"]
        for link in links:
            lines.append(
                "\t".join(
                    [
                        ",".join(map(str, link.en)),
                        ",".join(map(str, link.ru)),
                        f"{link.score:.4f}",
                        "1" if link.uncertain else "0",
                        neutralise(_flat(" ".join(en[i] for i in link.en))) if en else "",
                        neutralise(_flat(" ".join(ru[j] for j in link.ru))) if ru else "",
                    ]
                )
            )
    else:
        raise ValueError(f"no text rendering for format {fmt!r}")
    return "\n".join(lines) + ("\n" if lines else "")


def parse_links(text: str, fmt: str = "default", *, path: str | None = None) -> list[Link]:
    """Read links written by ``format_links`` (``default``, ``jsonl`` or ``tsv``)."""
    links = []
    rows = text.splitlines()
    start = 1 if fmt == "tsv" and rows and rows[0].startswith("en\t") else 0
    for no, line in enumerate(rows[start:], start=start + 1):
        if not line.strip():
            continue
        try:
            if fmt == "default":
                m = _LINE_RE.match(line.strip())
                if not m:
                    raise ValueError("expected [en]:[ru]:score")
                score = float(m.group(3))
                links.append(Link(_ints(m.group(1)), _ints(m.group(2)), score, score < UNCERTAIN))
            elif fmt == "jsonl":
                d = json.loads(line)
                links.append(Link(tuple(d["en"]), tuple(d["ru"]), float(d["score"]), bool(d["uncertain"])))
            elif fmt == "tsv":
                cols = line.split("\t")
                links.append(Link(_ints(cols[0]), _ints(cols[1]), float(cols[2]), cols[3] == "1"))
            else:
                raise ValueError(f"unknown format {fmt!r}")
        except (ValueError, KeyError, IndexError, TypeError) as err:
            raise InputError(f"bad alignment line: {err}", path=path, line=no) from err
    return links
