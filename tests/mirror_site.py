"""A small saved site built from the shipped corpus: English and Russian pages at different
paths and slugs, paired by hreflang, by the toggle and by slug, with one page for each
pairing problem."""

from __future__ import annotations

import html
import json
from pathlib import Path

from bilingual.sources.corpus import split_front_matter

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SITE = "https://news.example"

# page -> (corpus slug, language, canonical path or None, links); links: ("alt"|"toggle", href)
PAGES = {
    # hreflang both ways, absolute URLs, canonical differs from the saved path
    "en/2025/06/putin-nato-pledge.html": ("putin-nato-pledge", "en", "/en/2025/06/putin-pledge/",
                                          [("alt", f"{SITE}/ru/novosti/putin-garantii/")]),
    "ru/novosti/putin-garantii/index.html": ("putin-nato-pledge", "ru", "/ru/novosti/putin-garantii/",
                                             [("alt", f"{SITE}/en/2025/06/putin-pledge/")]),
    # the toggle only, relative links with index.html, a query string and a fragment
    "en/world/moldova/index.html": ("moldova-georgia-nato", "en", None,
                                    [("toggle", "../../../ru/mir/moldaviya-gruziya/index.html?ref=toggle")]),
    "ru/mir/moldaviya-gruziya/index.html": ("moldova-georgia-nato", "ru", None,
                                            [("toggle", "/en/world/moldova/#top")]),
    # no links at all: the same slug under both languages
    "en/news/strikes-kharkiv-sumy.html": ("strikes-kharkiv-sumy", "en", None, []),
    "ru/news/strikes-kharkiv-sumy.html": ("strikes-kharkiv-sumy", "ru", None, []),
    # one_way_toggle: the English page names its Russian version, which has no link back
    "en/news/putin-iran-israel.html": ("putin-iran-israel-calls", "en", None,
                                       [("alt", "/ru/novosti/putin-iran.html")]),
    "ru/novosti/putin-iran.html": ("putin-iran-israel-calls", "ru", None, []),
    # broken_toggle: the Russian version was never saved
    "en/news/nato-open-door.html": ("nato-open-door-bucharest", "en", None,
                                    [("toggle", "/ru/novosti/net-takoy-stranitsy.html")]),
    # same_language: the «Русский» link leads to another English page
    "en/news/moscow-iran.html": ("moscow-iran-regime-change", "en", None,
                                 [("toggle", "/en/news/trump-putin-call.html")]),
    # no_translation: an English page nothing pairs
    "en/news/trump-putin-call.html": ("trump-putin-phone-call", "en", None, []),
    # orphan_translation: a Russian page no English page points to
    "ru/novosti/moskva-iran.html": ("moscow-iran-regime-change", "ru", None, []),
}

EXPECTED_PAIRS = [
    ("en/2025/06/putin-nato-pledge.html", "ru/novosti/putin-garantii/index.html", "hreflang"),
    ("en/news/putin-iran-israel.html", "ru/novosti/putin-iran.html", "hreflang"),
    ("en/news/strikes-kharkiv-sumy.html", "ru/news/strikes-kharkiv-sumy.html", "slug"),
    ("en/world/moldova/index.html", "ru/mir/moldaviya-gruziya/index.html", "toggle"),
]
EXPECTED_PROBLEMS = [
    ("same_language", "en/news/moscow-iran.html"),
    ("broken_toggle", "en/news/nato-open-door.html"),
    ("one_way_toggle", "en/news/putin-iran-israel.html"),
    ("no_translation", "en/news/trump-putin-call.html"),
    ("orphan_translation", "ru/novosti/moskva-iran.html"),
]
# The corpus articles the mirror pairs, for comparing flags with the Markdown check.
PAIRED_SLUGS = ["moldova-georgia-nato", "putin-iran-israel-calls", "putin-nato-pledge", "strikes-kharkiv-sumy"]


def _body(markdown: str) -> str:
    out = []
    for block in markdown.strip().split("\n\n"):
        block = block.strip()
        level = len(block) - len(block.lstrip("#"))
        if level:
            out.append(f"<h{level}>{html.escape(block[level:].strip())}</h{level}>")
        else:
            out.append(f"<p>{html.escape(' '.join(block.split()))}</p>")
    return "\n".join(out)


def page_html(slug: str, lang: str, canonical: str | None, links, date_style: int) -> str:
    meta, body = split_front_matter((CORPUS / slug / f"{lang}.md").read_text(encoding="utf-8"))
    date = meta.get("date", "2025-06-01")
    head = [f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">',
            f"<title>{html.escape(meta.get('title', slug))}</title>"]
    if canonical:
        head.append(f'<link rel="canonical" href="{SITE}{canonical}">')
    # Three ways a site states the date: a meta tag, a <time> element, JSON-LD.
    time_el = ""
    if date_style == 0:
        head.append(f'<meta property="article:published_time" content="{date}T09:30:00+00:00">')
    elif date_style == 1:
        time_el = f'<time datetime="{date}T09:30:00Z">{date}</time>'
    else:
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": f"{date}T09:30:00Z"}
        head.append(f'<script type="application/ld+json">{json.dumps(ld)}</script>')
    toggle = ""
    for kind, href in links:
        if kind == "alt":
            other = "ru" if lang == "en" else "en"
            head.append(f'<link rel="alternate" hreflang="{other}" href="{href}">')
        else:
            toggle = f'<a class="lang" href="{href}">{"Русский" if lang == "en" else "English"}</a>'
    nav = "".join(f'<li><a href="/{lang}/section/{i}/">Section {i}</a></li>' for i in range(3))
    return ("\n".join(head) + "\n<script>var x = 1;</script></head>\n<body>"
            f"<header><nav><ul>{nav}</ul></nav><div class=\"lang-switch\">{toggle}</div></header>\n"
            f"<main><article>{time_el}\n{_body(body)}\n"
            '<div class="share"><a href="https://share.example/t">Share</a></div></article></main>\n'
            "<footer>© News</footer></body></html>\n")


def build_mirror(root: Path) -> Path:
    for n, (rel, (slug, lang, canonical, links)) in enumerate(PAGES.items()):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page_html(slug, lang, canonical, links, n % 3), encoding="utf-8")
    return root
