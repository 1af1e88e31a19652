"""A corpus article as a large news site lays out a long article: the headline, a byline and a
date line over the text, the body in two containers with an advertisement row between them, a
picture with a credited caption, a related-story line, a share bar, the language toggle, the
navigation and the footer around it. The article text read out of it should be the Markdown
article's, block for block."""

from __future__ import annotations

import html
from pathlib import Path

from bilingual.sources.corpus import split_front_matter

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"

CHROME = {
    "en": {"toggle": "Русский", "byline": "By our correspondent", "caption": "Delegates at the summit.",
           "credit": "Photo: Reuters", "related": "Read more: the alliance's summit in pictures",
           "share": "Share", "ad": "Advertisement", "home": "Home", "world": "World"},
    "ru": {"toggle": "English", "byline": "Наш корреспондент", "caption": "Делегаты на саммите.",
           "credit": "Фото: Reuters", "related": "Читайте также: саммит альянса в фотографиях",
           "share": "Поделиться", "ad": "Реклама", "home": "Главная", "world": "Мир"},
}


def _blocks(markdown: str) -> list[tuple[int, str]]:
    out = []
    for block in markdown.strip().split("\n\n"):
        block = block.strip()
        level = len(block) - len(block.lstrip("#"))
        out.append((level, " ".join(block[level:].split())))
    return out


def article_page(slug: str, lang: str) -> str:
    meta, body = split_front_matter((CORPUS / slug / f"{lang}.md").read_text(encoding="utf-8"))
    c = {k: html.escape(v) for k, v in CHROME[lang].items()}
    (_, headline), *rest = _blocks(body)
    tags = [f"<h{level}>{html.escape(t)}</h{level}>" if level else f"<p>{html.escape(t)}</p>" for level, t in rest]
    half = len(tags) // 2
    date = meta.get("date", "2025-06-01")
    other = "ru" if lang == "en" else "en"
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(headline)} | News</title>
<meta property="og:title" content="{html.escape(headline)}">
<meta property="article:published_time" content="{date}T09:30:00+00:00">
<link rel="alternate" hreflang="{other}" href="/{other}/{slug}.html"></head>
<body><header><nav><a href="/">{c['home']}</a> <a href="/{lang}/world/">{c['world']}</a></nav>
<div class="lang-switch"><a href="/{other}/{slug}.html">{c['toggle']}</a></div></header>
<main><article><header class="article__header"><h1>{html.escape(headline)}</h1>
<p class="byline">{c['byline']}</p><time datetime="{date}">{date}</time></header>
<div class="grid"><div class="grid--item body body__container article__body">
{chr(10).join(tags[:half])}
</div><div class="grid--item grid-layout__aside"><div class="ad ad--rail"><div class="ad__slot"></div></div></div></div>
<div class="row full-bleed-ad"><div class="ad ad--mid-content"><span class="ad-label">{c['ad']}</span></div></div>
<div class="grid"><div class="grid--item body body__container article__body">
<figure><img src="/summit.jpg" alt="{c['caption']}"><figcaption>{c['caption']} {c['credit']}</figcaption></figure>
{chr(10).join(tags[half:])}
<p class="related"><a href="/{lang}/summit-photos.html">{c['related']}</a></p>
</div><div class="grid--item grid-layout__aside"><div class="ad ad--rail"></div></div></div>
<div class="share"><a href="https://share.example/t">{c['share']}</a></div></article></main>
<footer>© News 2025</footer></body></html>
"""


def write_article_pages(slug: str, dest: Path) -> Path:
    """``dest/<slug>/en.html`` and ``ru.html``: the article's two language versions."""
    folder = dest / slug
    folder.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "ru"):
        (folder / f"{lang}.html").write_text(article_page(slug, lang), encoding="utf-8")
    return folder
