"""Paragraphs trafilatura misses that readability-lxml and jusText both find (sources/agreement.py):
an article body split over two containers by an advertisement row is read whole, in order, on both
language versions alike; a caption, a link line and the headline are not added."""

from __future__ import annotations

import lxml.html
import pytest

from bilingual.sources.agreement import supplement
from bilingual.sources.article import extract_article

EN = [
    "The talks in Geneva ended without a joint statement on Tuesday, officials said, and both delegations "
    "promised to meet again before the end of the month to settle the questions that were left open.",
    "According to two people familiar with the preparations, the main demands on the table were a written "
    "pledge on the alliance's expansion and the partial lifting of the sanctions imposed three years ago.",
    "One senior diplomat, speaking on condition of anonymity because he was not authorised to brief the press, "
    "described the mood in the room as businesslike but cold, with long pauses between the sessions.",
    "The host country's foreign minister told reporters outside the hotel that progress had been made on "
    "humanitarian issues, including an exchange of prisoners that could take place within weeks.",
    "Markets barely reacted to the news: the currency closed almost unchanged against the dollar, and analysts "
    "said investors had expected little from a first round held so far from the front line.",
    "Critics at home accused the government of conceding too much before the talks had even begun, pointing "
    "to the withdrawal of a draft resolution that had been prepared for the spring session.",
    "A second round is planned for July in the same city, the organisers confirmed on Wednesday, although "
    "neither the agenda nor the composition of the delegations has been agreed by the parties yet.",
    "Until then, the ceasefire along the northern border remains fragile, with both sides reporting dozens of "
    "violations every night and accusing each other of moving heavy weapons closer to the line, while the "
    "monitors of the mission say they are still not allowed into half of the villages they should watch.",
]
RU = [
    "Переговоры в Женеве завершились во вторник без совместного заявления, сообщили официальные лица, и обе "
    "делегации пообещали встретиться снова до конца месяца, чтобы решить вопросы, которые остались открытыми.",
    "По словам двух человек, знакомых с подготовкой, главными требованиями были письменное обязательство о "
    "расширении альянса и частичная отмена санкций, которые были введены три года назад.",
    "Один из высокопоставленных дипломатов, который говорил на условиях анонимности, потому что не был "
    "уполномочен общаться с прессой, назвал атмосферу в зале деловой, но холодной, с долгими паузами.",
    "Министр иностранных дел принимающей страны сказал журналистам у гостиницы, что удалось продвинуться в "
    "гуманитарных вопросах, в том числе в обмене пленными, который может состояться в течение нескольких недель.",
    "Рынки почти не отреагировали на эту новость: курс валюты к доллару к закрытию почти не изменился, а "
    "аналитики сказали, что инвесторы ничего особенного не ждали от первого раунда так далеко от линии фронта.",
    "Критики внутри страны обвинили правительство в том, что оно слишком много уступило еще до начала "
    "переговоров, и указали на то, что был отозван проект резолюции, который готовили к весенней сессии.",
    "Второй раунд запланирован на июль в том же городе, подтвердили организаторы в среду, хотя ни повестка "
    "дня, ни состав делегаций пока не были согласованы сторонами, как и место проведения встречи.",
    "До тех пор режим прекращения огня на северной границе остается хрупким: обе стороны каждую ночь сообщают о "
    "десятках нарушений и обвиняют друг друга в том, что подтягивают тяжелое вооружение ближе к линии, а "
    "наблюдатели миссии говорят, что их до сих пор не пускают в половину деревень, за которыми они должны следить.",
]
EXTRAS = {
    "en": ("Talks end without a deal", "Delegates at the table. Photo: Reuters", "Another story about the talks"),
    "ru": ("Переговоры завершились без сделки", "Делегаты за столом. Фото: Reuters", "Другая статья о переговорах"),
}


def split_page(lang: str) -> str:
    """An article whose body stands in two containers with an advertisement row between them (as
    some large news sites lay out a long article), a captioned picture and a related link in the
    second half."""
    paras = EN if lang == "en" else RU
    title, caption, related = EXTRAS[lang]
    half = ["".join(f"<p>{p}</p>" for p in paras[:4]), "".join(f"<p>{p}</p>" for p in paras[4:6])]
    return f"""<html lang="{lang}"><head><title>{title}</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><main><article><h1>{title}</h1>
<div class="grid"><div class="grid--item body body__container article__body">{half[0]}</div>
<div class="grid--item grid-layout__aside"><div class="ad ad--rail"><div class="ad__slot"></div></div></div></div>
<div class="row full-bleed-ad"><div class="ad ad--mid-content"><span class="ad-label">Advertisement</span></div></div>
<div class="grid"><div class="grid--item body body__container article__body">{half[1]}
<figure><img src="/a.jpg" alt=""><figcaption>{caption}</figcaption></figure>
<div class="image-caption">{caption}</div><p>{paras[6]}</p><p><a href="/other.html">{related}</a></p><p>{paras[7]}</p></div>
<div class="grid--item grid-layout__aside"><div class="ad ad--rail"></div></div></div>
</article></main><footer>(c) News 2025</footer></body></html>"""


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_body_split_by_an_advertisement_row_is_read_whole(lang):
    text, blocks, _ = extract_article(split_page(lang))
    got = [(text[a:b], heading) for a, b, heading in blocks]
    paras = EN if lang == "en" else RU
    assert got == [(EXTRAS[lang][0], True)] + [(p, False) for p in paras]


def test_both_versions_have_the_same_blocks():
    en = [h for _, _, h in extract_article(split_page("en"))[1]]
    ru = [h for _, _, h in extract_article(split_page("ru"))[1]]
    assert en == ru and len(en) == 9


def test_what_the_extractor_missed_goes_where_it_stands_in_the_page():
    """Given only the first half (what trafilatura reads of such a page), the second half is added
    after it in the page's order; the caption, the link line and the headline are not."""
    root = lxml.html.document_fromstring(split_page("en"))
    title = EXTRAS["en"][0]
    first_half = [(p, False) for p in EN[:4]]
    assert supplement(root, first_half, leave_out=title) == [(p, False) for p in EN]
    # a block already read is never added again, wherever it was in the list
    assert supplement(root, [(p, False) for p in EN], leave_out=title) == [(p, False) for p in EN]


def test_one_extractor_alone_adds_nothing():
    """A paragraph readability keeps but jusText calls boilerplate (a line that is all link) stays
    out."""
    related = EXTRAS["en"][2]
    html = (f"<html><body><article><h1>T</h1>{''.join(f'<p>{p}</p>' for p in EN[:3])}"
            f"<p><a href='/x.html'>{related}</a></p></article></body></html>")
    root = lxml.html.document_fromstring(html)
    parts = [(p, False) for p in EN[:3]]
    assert supplement(root, parts, leave_out="T") == parts


# Corpus articles laid out as a large news site does (tests/web_page.py). putin-nato-pledge is
# not among them: its closing line (the source and its rights) is left out as boilerplate, on
# both versions alike.
SLUGS = ["moldova-georgia-nato", "moscow-iran-regime-change", "nato-open-door-bucharest",
         "putin-iran-israel-calls", "strikes-kharkiv-sumy", "trump-putin-phone-call"]


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_laid_out_article_reads_as_its_markdown(slug, lang):
    """Headline, subheadings and paragraphs, block for block, in order; the byline, the date line,
    the caption and its credit, the advertisement row, the related line and the chrome left out."""
    from bilingual.sources.corpus import read_document

    from .web_page import ROOT, article_page

    text, blocks, meta = extract_article(article_page(slug, lang))
    markdown = read_document(ROOT / "corpus" / slug / f"{lang}.md")
    assert [(text[a:b], h) for a, b, h in blocks] == [(p.text.lstrip("# "), p.heading)
                                                     for p in markdown.paragraphs]
    assert meta["date"].startswith(str(markdown.meta["date"]))


def test_check_of_the_laid_out_pages_gives_the_markdown_articles_flags(tmp_path):
    from bilingual.checks.pipeline import check

    from .web_page import ROOT, write_article_pages

    def flags(report):
        return [sorted((f.kind, f.term, f.found) for f in a.flags) for a in report.articles]

    glossary = ROOT / "glossary.csv"
    pages = write_article_pages("moldova-georgia-nato", tmp_path)
    expected = flags(check([ROOT / "corpus" / "moldova-georgia-nato"], glossary))
    assert flags(check([pages], glossary)) == expected and expected[0]


def test_the_extractor_s_own_order_is_kept():
    """Added blocks go between the blocks already read; those are never reordered, even when one
    of them (a quotation repeated as a pull quote, say) first stands earlier in the page."""
    root = lxml.html.document_fromstring(split_page("en"))
    read = [(EN[0], False), (EN[2], False), (EN[1], False), (EN[3], False)]
    got = supplement(root, read, leave_out=EXTRAS["en"][0])
    assert got[:4] == read and got[4:] == [(p, False) for p in EN[4:]]
