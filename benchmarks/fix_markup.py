"""What fix's data-safety layers cost on a large article: the Markdown prose map and the file kept as read.

Builds a Markdown article from the shipped corpus/ Russian paragraphs, with a
link, inline code and a fenced block in every tenth paragraph, repeated up to
about SIZE megabytes (articles are capped at 2 MB), and prints the median over
REPEAT runs of bilingual.sources.markup.markdown_prose and of TextFile.read + edit.

    python benchmarks/fix_markup.py [SIZE_MB] [REPEAT]     # default 1.5 MB, 5 runs
"""

from __future__ import annotations

import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bilingual.sources.corpus import split_front_matter  # noqa: E402
from bilingual.sources.markup import markdown_prose  # noqa: E402
from bilingual.sources.textfile import TextFile  # noqa: E402


def article(size_mb: float) -> str:
    paras = []
    for f in sorted((ROOT / "corpus").glob("*/ru.md")):
        _meta, body = split_front_matter(f.read_text(encoding="utf-8"))
        paras += [p.strip() for p in body.split("\n\n") if p.strip()]
    out, n = [], 0
    while sum(map(len, out)) < size_mb * 1_000_000 / 2:  # Cyrillic: two bytes a letter
        p = paras[n % len(paras)]
        if n % 10 == 0:
            p += " См. [источник](https://example.org/Київ) и `Київ`.\n\n```\nКиїв = 1\n```"
        out.append(p)
        n += 1
    return "\n\n".join(out) + "\n"


def median_seconds(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    size = float(sys.argv[1]) if len(sys.argv) > 1 else 1.5
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    text = article(size)
    mb = len(text.encode("utf-8")) / 1e6
    prose = median_seconds(lambda: markdown_prose(text), repeat)
    logging.getLogger("bilingual").setLevel(logging.ERROR)  # the legacy-encoding warning, once a run
    print(f"article: {mb:.2f} MB, {text.count(chr(10) * 2) + 1} paragraphs")
    print(f"markdown_prose: {prose:.2f} s ({mb / prose:.1f} MB/s)")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ru.md"
        for encoding in ("utf-8", "cp1251"):
            path.write_bytes(text.replace("\n", "\r\n").encode(encoding, errors="replace"))

            def roundtrip():
                f = TextFile.read(path)
                f.encode(f.edit([(10, 20, "Молдова")]))

            keep = median_seconds(roundtrip, repeat)
            print(f"TextFile read + edit + encode ({encoding}, CRLF): {keep:.2f} s ({mb / keep:.1f} MB/s; "
                  "reading includes the encoding detection every command does)")


if __name__ == "__main__":
    main()
