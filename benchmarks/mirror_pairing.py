"""Time `bilingual pairs` on a generated site mirror (default 10,000 pages).

The mirror is written to a temporary folder: half English pages under
``en/news/<year>/<slug>/index.html``, half Russian under ``ru/novosti/<id>.html``
(different paths and slugs), each ~20 KB with a navigation bar, a language toggle,
share buttons and an article body. 60% name their counterpart with
``<link rel="alternate" hreflang>``, 30% only with the toggle, 10% with neither
(paired by slug: those Russian pages reuse the English slug). A few pages carry
each pairing problem.

    python benchmarks/mirror_pairing.py [--pages 10000]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bilingual.sources.mirror import pair_mirror  # noqa: E402

EN_PARA = ("The talks in Geneva ended without a joint statement, officials said on Tuesday, "
           "and both delegations promised to meet again before the end of the month. ")
RU_PARA = ("Переговоры в Женеве завершились без совместного заявления, сообщили во вторник "
           "официальные лица; обе делегации пообещали встретиться снова до конца месяца. ")


def page(lang: str, title: str, canonical: str, alternate: str | None, toggle: str | None,
         paragraphs: int = 60) -> str:
    para = EN_PARA if lang == "en" else RU_PARA
    head = [f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
            f"<title>{title}</title>", f'<link rel="canonical" href="{canonical}">',
            f'<meta property="og:url" content="{canonical}">',
            '<meta property="article:published_time" content="2024-03-05T10:00:00Z">',
            '<link rel="stylesheet" href="/static/site.css"><script src="/static/site.js"></script>']
    if alternate:
        other = "ru" if lang == "en" else "en"
        head.append(f'<link rel="alternate" hreflang="{lang}" href="{canonical}">')
        head.append(f'<link rel="alternate" hreflang="{other}" href="{alternate}">')
    nav = "".join(f'<li><a href="/{lang}/section/{i}/">Section {i}</a></li>' for i in range(25))
    label = "Русский" if lang == "en" else "English"
    tog = f'<a class="lang" href="{toggle}">{label}</a>' if toggle else ""
    body = "".join(f"<p>{para}{para}</p>" for _ in range(paragraphs))
    share = "".join(f'<a class="share" href="https://share.example/{i}">Share {i}</a>' for i in range(6))
    return ("".join(head) + f"</head><body><header><nav><ul>{nav}</ul>{tog}</nav></header>"
            f"<main><article><h1>{title}</h1>{body}</article></main><footer>{share}</footer></body></html>")


def generate(root: Path, pages: int, seed: int = 1) -> None:
    rnd = random.Random(seed)
    site = "https://news.example"
    for i in range(pages // 2):
        slug = f"story-{i:05d}"
        year = 2015 + i % 10
        en_rel = f"en/news/{year}/{slug}/index.html"
        kind = rnd.random()
        ru_name = slug if kind >= 0.9 else f"{i:05d}-novost"
        ru_rel = f"ru/novosti/{ru_name}.html"
        en_url, ru_url = f"{site}/en/news/{year}/{slug}/", f"{site}/ru/novosti/{ru_name}.html"
        if i % 500 == 7:  # a broken toggle: the Russian page was never published
            ru_rel = None
        if kind < 0.6:
            en_alt, ru_alt, en_tog, ru_tog = ru_url, en_url, ru_url, en_url
        elif kind < 0.9:
            en_alt, ru_alt, en_tog, ru_tog = None, None, f"../../../../ru/novosti/{ru_name}.html", f"/en/news/{year}/{slug}/"
        else:
            en_alt = ru_alt = en_tog = ru_tog = None
        if i % 500 == 11:  # one-way: the Russian toggle points home
            ru_alt, ru_tog = None, "/en/"
        for rel, lang, canon, alt, tog in ((en_rel, "en", en_url, en_alt, en_tog),
                                           (ru_rel, "ru", ru_url, ru_alt, ru_tog)):
            if rel is None:
                continue
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page(lang, f"{lang} {slug}", canon, alt, tog), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=10_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "mirror"
        generate(root, args.pages)
        files = sum(len(f) for _, _, f in os.walk(root))
        size = sum(p.stat().st_size for p in root.rglob("*.html"))
        t0, c0 = time.perf_counter(), time.process_time()
        result = pair_mirror(root)
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    by_method: dict[str, int] = {}
    for p in result.pairs:
        by_method[p.method] = by_method.get(p.method, 0) + 1
    print(f"pages: {files:,} ({size / 1e6:.0f} MB)")
    print(f"pairs: {len(result.pairs):,} {by_method}")
    print(f"problems: {result.counts()}")
    print(f"pairing time: {elapsed:.2f} s wall, {cpu:.2f} s CPU ({files / elapsed:,.0f} pages/s)")
    try:
        print(f"load: {os.getloadavg()[0]:.2f} (1-minute average, {os.cpu_count()} cores)")
    except OSError:
        pass


if __name__ == "__main__":
    main()
