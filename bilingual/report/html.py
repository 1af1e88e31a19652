"""A self-contained HTML report: EN | RU side by side per link, terms highlighted, flags inline.

Every piece of article and glossary text goes through ``html.escape``; the page
carries its own CSS and no script at all, so a payload in an article can't run.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 2rem 3rem;color:#1d1d1f}
h1{font-size:1.4rem} h2{font-size:1.15rem;margin-top:2.2rem;border-bottom:1px solid #ddd}
table.links{border-collapse:collapse;width:100%;table-layout:fixed}
table.links td{vertical-align:top;padding:.35rem .6rem;border-top:1px solid #eee}
td.idx{width:5.5rem;color:#888;font-size:.8rem}
tr.uncertain td{background:#fafafa;color:#666}
mark.term{background:#e3f0ff;border-radius:3px;padding:0 2px}
mark.term.forbidden{background:#ffd9d9;text-decoration:line-through}
mark.term.variant{background:#e9f7e5}
ul.flags{margin:.3rem 0 0;padding-left:1.1rem;font-size:.85rem}
li.flag.error{color:#b00020} li.flag.warning{color:#8a5a00} li.flag.info{color:#2b5f8a}
.kind{font-weight:600} .summary td{padding:.1rem .8rem}
.error-article{color:#b00020} footer{margin-top:2rem;color:#888;font-size:.8rem}
"""


def _highlight(text: str, hits) -> str:
    """Escape ``text`` and wrap each glossary hit in <mark>; hits index into ``text``."""
    out, pos = [], 0
    for hit in sorted(hits, key=lambda h: h.start):
        if hit.start < pos:
            continue
        out.append(escape(text[pos:hit.start]))
        cls = "term" if hit.kind == "allowed" else f"term {hit.kind}"
        title = f"{hit.term.en} → {hit.term.ru}"
        out.append(f'<mark class="{escape(cls)}" title="{escape(title)}">{escape(text[hit.start:hit.stop])}</mark>')
        pos = hit.stop
    out.append(escape(text[pos:]))
    return "".join(out)


def _side(sentences: list[str], hits) -> str:
    return _highlight(" ".join(sentences), hits)


def render_check_html(report, title: str = "bilingual check") -> str:
    matcher = None
    if report.glossary is not None and len(report.glossary):
        from ..glossary import matcher_for

        matcher = matcher_for(report.glossary)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
    ]
    counts = report.counts()
    total = sum(counts.values())
    parts.append(f'<p id="flag-count" data-count="{total}">{total} flag{"s" if total != 1 else ""} in '
                 f"{len(report.articles)} article(s)</p>")
    if counts:
        parts.append('<table class="summary">')
        parts += [f"<tr><td>{escape(k)}</td><td>{v}</td></tr>" for k, v in counts.items()]
        parts.append("</table>")
    if report.pairing:
        parts.append('<section class="pairing"><h2>Pairing</h2><ul class="flags">')
        parts += [f'<li class="flag {escape(p.level)}" data-kind="{escape(p.kind)}"><span class="kind">'
                  f"{escape(p.kind)}</span>: {escape(p.path)}: {escape(p.message)}</li>" for p in report.pairing]
        parts.append("</ul></section>")
    for article in report.articles:
        parts.append(f'<section class="article"><h2>{escape(article.pair.slug)}'
                     f'{" · " + escape(article.date) if article.date else ""}</h2>')
        if article.error:
            parts.append(f'<p class="error-article">Not checked: {escape(article.error)}</p></section>')
            continue
        parts.append(_article_table(article, matcher))
        parts.append("</section>")
    parts.append(f"<footer>{escape(str(report.signature))}</footer></body></html>")
    return "\n".join(parts)


def _article_table(article, matcher) -> str:
    alignment = article.alignment
    by_link = defaultdict(list)
    for f in article.flags:
        by_link[(f.en_index, f.ru_index)].append(f)
    rows = ['<table class="links"><colgroup><col class="idx"><col><col></colgroup>']
    if alignment is None:
        rows += [_flag_list(article.flags), "</table>"]
        return "\n".join(rows)
    en = alignment.en_doc.sentence_texts
    ru = alignment.ru_doc.sentence_texts
    hits = alignment.hits
    if hits is None and matcher is not None:
        from ..glossary.hits import find_hits

        hits = find_hits(en, ru, matcher)
    for link in alignment.links:
        flags = []
        for i in link.en or (None,):
            for j in link.ru or (None,):
                flags += by_link.pop((i, j), [])
        for i in link.en:
            flags += by_link.pop((i, None), [])
        for j in link.ru:
            flags += by_link.pop((None, j), [])
        cls = ' class="uncertain"' if link.uncertain else ""
        note = '<br><small>alignment uncertain</small>' if link.uncertain else ""
        rows.append(
            f'<tr{cls}><td class="idx">{list(link.en)}:{list(link.ru)}<br>{link.score:.2f}{note}</td>'
            f'<td lang="en">{_side([en[i] for i in link.en], hits.en.of(link.en) if hits else [])}</td>'
            f'<td lang="ru">{_side([ru[j] for j in link.ru], hits.ru.of(link.ru) if hits else [])}'
            f'{_flag_list(flags)}</td></tr>'
        )
    leftover = [f for fl in by_link.values() for f in fl]
    if leftover:
        rows.append(f'<tr><td class="idx">other</td><td colspan="2">{_flag_list(leftover)}</td></tr>')
    rows.append("</table>")
    return "\n".join(rows)


def _flag_list(flags) -> str:
    if not flags:
        return ""
    items = [f'<li class="flag {escape(f.level)}" data-kind="{escape(f.kind)}"><span class="kind">'
             f"{escape(f.kind)}</span>: {_unit(f)}{escape(f.message)}</li>" for f in flags]
    return '<ul class="flags">' + "".join(items) + "</ul>"


def _unit(flag) -> str:
    """A CAT-file flag's unit, ahead of its message (unless the message already names it)."""
    if flag.unit is None:
        return ""
    where = flag.unit if flag.unit.startswith("line ") else f"unit {flag.unit}"
    return f'<span class="unit">{escape(where)}</span> '
