"""The article out of a web page (sources/article.py): blocks the aligner reads, the page's front
matter, the chrome and the captions left out."""

from __future__ import annotations

import pytest

from bilingual.errors import InputError
from bilingual.sources.article import extract_article

EN_BODY = [
    "The talks in Geneva ended without a joint statement on Tuesday, officials said, and both "
    "delegations promised to meet again before the end of the month.",
    "The main demands on the table were these:",
    "A second round is planned for July, according to two people familiar with the preparations, "
    "who spoke on condition of anonymity.",
]
RU_BODY = [
    "Переговоры в Женеве завершились во вторник без совместного заявления, сообщили официальные лица; "
    "обе делегации пообещали встретиться снова до конца месяца.",
    "Главные требования сторон были такими:",
    "Второй раунд запланирован на июль, сообщили два источника, знакомые с подготовкой, на условиях анонимности.",
]
CHROME = {
    "en": ("Today: Jun 18, 2025", "Search", "Русский", "4 mins read", "Delegates at the table",
           "Photo: Reuters", "Share", "Another story about the talks", "All rights reserved", "Home"),
    "ru": ("Сегодня: 18 июня 2025", "Поиск", "English", "4 мин. чтения", "Делегаты за столом",
           "Фото: Reuters", "Поделиться", "Другая статья о переговорах", "Все права защищены", "Главная"),
}


def page(lang: str) -> str:
    """A news page the way a real site serves one: a date line, a search box, the toggle, the
    navigation, a reading time, a picture with alt text and a credited caption, a share bar,
    related links and a footer around the article."""
    (today, search, toggle, read, alt, credit, share, related, rights, home) = CHROME[lang]
    body = EN_BODY if lang == "en" else RU_BODY
    title = "Talks end without a deal" if lang == "en" else "Переговоры завершились без сделки"
    items = (["a written pledge on the alliance's expansion;", "the partial lifting of sanctions."] if lang == "en"
             else ["письменное обязательство о расширении альянса;", "частичная отмена санкций."])
    heading = "What comes next" if lang == "en" else "Что дальше"
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title} | News</title>
<meta property="og:title" content="{title}">
<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "2025-06-18T09:30:00Z"}}</script>
<link rel="canonical" href="https://news.example/{lang}/talks.html"></head>
<body><header><div class="today">{today}</div><form action="/search"><input name="q"><button>{search}</button></form>
<div class="lang-switch"><a href="/other.html">{toggle}</a></div><nav><a href="/">{home}</a></nav></header>
<main><article><h1>{title}</h1><div class="meta"><span class="read-time">{read}</span></div>
<figure><img src="/a.jpg" alt="{alt}"><figcaption>Geneva, June 17, 2025. {credit}</figcaption></figure>
<p>{body[0]}</p><p>{body[1]}</p><ul><li>{items[0]}</li><li>{items[1]}</li></ul>
<h2>{heading}</h2><p>{body[2]}</p>
<div class="share"><a href="https://share.example/t">{share}</a></div></article>
<aside><h3>Related</h3><ul><li><a href="/a.html">{related}</a></li></ul></aside></main>
<footer>© News 2025. {rights}</footer></body></html>"""


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_article_blocks_of_a_real_page(lang):
    text, blocks, meta = extract_article(page(lang))
    got = [(text[a:b], heading) for a, b, heading in blocks]
    body = EN_BODY if lang == "en" else RU_BODY
    assert [heading for _, heading in got] == [True, False, False, False, False, True, False]
    assert [t for t, _ in got][1:3] == body[:2] and got[-1][0] == body[2]
    for chrome in CHROME[lang]:
        assert chrome not in text
    assert meta["date"] == "2025-06-18T09:30:00Z" and meta["url"] == f"https://news.example/{lang}/talks.html"
    assert text == "\n\n".join(t for t, _ in got)


def test_both_versions_have_the_same_blocks():
    """Captions and the rest of the chrome go on both sides alike: one block for one block."""
    en = [h for _, _, h in extract_article(page("en"))[1]]
    ru = [h for _, _, h in extract_article(page("ru"))[1]]
    assert en == ru


@pytest.mark.parametrize("html, blocks", [
    # a table row is one block, cells joined
    ("<html><body><article><h1>Results</h1><p>" + EN_BODY[0] + "</p><p>" + EN_BODY[2] + "</p>"
     "<table><tr><td>Moldova</td><td>neutral since 1994</td></tr></table></article></body></html>",
     ["Results", EN_BODY[0], EN_BODY[2], "Moldova | neutral since 1994"]),
    # a line break inside a paragraph separates words
    ("<html><body><article><h1>Tour</h1><p>" + EN_BODY[0] + "</p><p>June 9 -- Tampa, FL<br>June 10 -- Miami, FL</p>"
     "<p>" + EN_BODY[2] + "</p></article></body></html>",
     ["Tour", EN_BODY[0], "June 9 -- Tampa, FL June 10 -- Miami, FL", EN_BODY[2]]),
    # a short page is read by the tag walk: every heading and paragraph of <main>
    ("<html><body><nav><p>Menu</p></nav><main><h2>Title</h2><p>Body text.</p></main></body></html>",
     ["Title", "Body text."]),
])
def test_article_blocks(html, blocks):
    text, ranges, _ = extract_article(html)
    assert [text[a:b] for a, b, _ in ranges] == blocks


def test_a_page_with_no_text_is_bad_input():
    with pytest.raises(InputError, match="no article text"):
        extract_article("<html><body><nav><p>Home</p><p>About</p></nav><footer><p>(c)</p></footer></body></html>",
                        "page.html")
