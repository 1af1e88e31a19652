"""The check report as one self-contained HTML page an editor works through.

On top, counts per kind, level and status that filter the issue list (radio
inputs and ``:checked ~`` selectors work without script); a small inline script
(allowed by its hash in the page's CSP, nothing loaded) adds a search box, an
article filter, sorting, counts that follow every filter and copy buttons. Then
one row per problem — related flags grouped (``group_flags``) — with its ID, the
form ``fix`` would write, the why, the accepted reason, a file link and the
``bilingual accept`` command, linking to its sentence pair in the side-by-side
view. A per-article summary and the articles not checked follow; below, each
article: flagged links open with one link of context either side, clean runs
folded into ``<details>``, clean articles on one line. The deviating words of
every flag are marked in its sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

from ..checks.drift import KIND_LEVEL, LEVELS
from .grouping import group_flags
from .marks import Mark, deviation_spans, highlight, term_marks
from .suggest import accept_command, fix_command
from .templating import SCRIPT, csp, human_span, render

CONTEXT = 1  # clean links shown open either side of a flagged one
# Above this many clean links folded away in the side-by-side view, their text is left out (a line
# says how many and where): a 1,000-article report stays a few MB and opens in a second or two,
# each flagged link still shown with its neighbours; a smaller report keeps every sentence.
LAZY_LINKS = 3000


@dataclass
class FlagView:
    id: str
    issue_id: str
    article: "ArticleView"
    flag: object
    where: str
    line: str
    path: str
    anchor: str = ""  # what the issue row links to: its sentence pair's row, else the flag
    url: str = ""  # the file link (file:// or the configured editor URL)
    fix: str | None = None  # the fix command, for a flag fix corrects


@dataclass
class IssueView:
    """One row of the issue list: a flag, or related flags grouped (their parts listed)."""

    id: str
    parts: list  # FlagView, the first one the row's lead
    label: str = ""  # what the group is, when there are several parts

    @property
    def lead(self) -> FlagView:
        return self.parts[0]

    @property
    def kinds(self) -> list[str]:
        return list(dict.fromkeys(p.flag.kind for p in self.parts))

    @property
    def level(self) -> str:
        return min((p.flag.level for p in self.parts), key=lambda lv: -LEVELS.index(lv))

    @property
    def accepted(self) -> bool:
        return all(p.flag.accepted for p in self.parts)

    @property
    def ids(self) -> str:
        return " ".join(p.flag.id for p in self.parts if p.flag.id and not p.flag.accepted)


@dataclass
class RowView:
    index: int
    en: str
    ru: str
    en_html: object
    ru_html: object
    score: float
    uncertain: bool
    flags: list = field(default_factory=list)
    en_from: str = "—"
    en_to: str = "—"
    ru_from: str = "—"
    ru_to: str = "—"


@dataclass
class FoldView:
    rows: list
    label: str


@dataclass
class ArticleView:
    id: str
    slug: str
    date: str | None
    en_path: str | None
    ru_path: str | None
    error: str | None = None
    blocks: list = field(default_factory=list)  # RowView | FoldView in reading order
    flags: list = field(default_factory=list)
    leftover: list = field(default_factory=list)  # flags not placed on a link
    uncertain: int = 0


def _where(flag, link) -> str:
    en = human_span(link.en) if link is not None else human_span((flag.en_index,) if flag.en_index is not None else ())
    ru = human_span(link.ru) if link is not None else human_span((flag.ru_index,) if flag.ru_index is not None else ())
    return f"EN {en} · RU {ru}"


def _line(flag, pair) -> tuple[str, str]:
    """``("ru.md:10", full path:line)`` for the side the flag is on."""
    for path, line in ((pair.ru_path, flag.ru_line), (pair.en_path, flag.en_line)):
        if path and line:
            return f"{PurePath(path).name}:{line}", f"{path}:{line}"
    path = pair.ru_path if flag.ru_index is not None else pair.en_path
    return (PurePath(path).name, path) if path else ("", "")


def _link_of(flag, en_map, ru_map):
    if flag.en_index is not None and flag.en_index in en_map:
        return en_map[flag.en_index]
    if flag.ru_index is not None:
        return ru_map.get(flag.ru_index)
    return None


def file_url(path: str | None, line: int | str | None, editor_url: str | None = None) -> str:
    """A link that opens ``path`` (at ``line``): the configured editor URL template
    (``vscode://file/{path}:{line}``), else a ``file://`` URL."""
    if not path:
        return ""
    from pathlib import Path
    from urllib.parse import quote

    full = str(Path(path).resolve())
    if editor_url:
        return editor_url.replace("{path}", quote(full, safe="/\\:")).replace("{line}", str(line or 1))
    return Path(full).as_uri()


def _article_view(n: int, article, matcher, editor_url: str | None = None) -> ArticleView:
    pair = article.pair
    view = ArticleView(f"a{n}", pair.slug, article.date, pair.en_path, pair.ru_path, article.error,
                       uncertain=len(article.uncertain))
    alignment = article.alignment
    links = alignment.links if alignment is not None else ()
    en_map = {i: k for k, link in enumerate(links) for i in link.en}
    ru_map = {j: k for k, link in enumerate(links) for j in link.ru}
    on_link: dict[int, list[FlagView]] = {}
    for m, flag in enumerate(article.flags):
        k = _link_of(flag, en_map, ru_map)
        short, full = _line(flag, pair)
        fv = FlagView(f"f{n}-{m}", f"i{n}-{m}", view, flag, _where(flag, links[k] if k is not None else None),
                      short, full)
        fv.anchor = f"{view.id}-l{k}" if k is not None and alignment is not None else fv.id
        on_ru = flag.ru_line is not None and pair.ru_path
        fv.url = file_url(pair.ru_path if on_ru else pair.en_path, flag.ru_line if on_ru else flag.en_line,
                          editor_url)
        fv.fix = fix_command(article, flag)
        view.flags.append(fv)
        (on_link.setdefault(k, []) if k is not None else view.leftover).append(fv)
    if not article.flags or alignment is None:
        return view
    en = alignment.en_doc.sentence_texts
    ru = alignment.ru_doc.sentence_texts
    hits = alignment.hits
    if hits is None and matcher is not None:
        from ..glossary.hits import find_hits

        hits = find_hits(en, ru, matcher)
    shown = {k + d for k in on_link for d in range(-CONTEXT, CONTEXT + 1)}
    fold: list[RowView] = []
    for k, link in enumerate(links):
        row = _row(k, link, en, ru, on_link.get(k, []), hits)
        if k in shown:
            _close_fold(view, fold)
            view.blocks.append(row)
        else:
            fold.append(row)
    _close_fold(view, fold)
    return view


def _close_fold(view: ArticleView, fold: list) -> None:
    if not fold:
        return
    n = len(fold)
    def span(starts, ends):
        starts, ends = [s for s in starts if s != "—"], [e for e in ends if e != "—"]
        return f"{starts[0]}–{ends[-1]}" if starts else "—"

    en = span([r.en_from for r in fold], [r.en_to for r in fold])
    ru = span([r.ru_from for r in fold], [r.ru_to for r in fold])
    label = f"{n} link{'s' if n != 1 else ''} without flags · EN {en} · RU {ru}"
    view.blocks.append(FoldView(list(fold), label))
    fold.clear()


def _row(k, link, en, ru, flags, hits) -> RowView:
    en_texts = [en[i] for i in link.en]
    ru_texts = [ru[j] for j in link.ru]
    en_text, ru_text = " ".join(en_texts), " ".join(ru_texts)
    en_hits = hits.en.of(link.en) if hits is not None else []
    ru_hits = hits.ru.of(link.ru) if hits is not None else []
    en_marks, ru_marks = term_marks(en_hits), term_marks(ru_hits)
    for fv in flags:
        f = fv.flag
        en_spans, ru_spans = deviation_spans(f, link, en_texts, ru_texts, en_hits, ru_hits)
        cls = f"dev {f.level}" + (" accepted" if f.accepted else "")
        en_marks += [Mark(s, e, cls, f.kind) for s, e in en_spans]
        ru_marks += [Mark(s, e, cls, f.kind) for s, e in ru_spans]
    return RowView(k, human_span(link.en), human_span(link.ru), highlight(en_text, en_marks),
                   highlight(ru_text, ru_marks), link.score, link.uncertain, flags,
                   *_ends(link.en), *_ends(link.ru))


def _ends(indexes) -> tuple[str, str]:
    return (str(indexes[0] + 1), str(indexes[-1] + 1)) if indexes else ("—", "—")


def check_view(report, title: str = "bilingual check", editor_url: str | None = None) -> dict:
    matcher = None
    if report.glossary is not None and len(report.glossary):
        from ..glossary import matcher_for

        matcher = matcher_for(report.glossary)
    articles = [_article_view(n, a, matcher, editor_url) for n, a in enumerate(report.articles, start=1)]
    issues = [IssueView(f"i{a.id[1:]}-{k}", [a.flags[i] for i in group], label)
              for a in articles for k, (group, label) in enumerate(group_flags([fv.flag for fv in a.flags]))]
    for issue in issues:  # the rows' own ids, for the links back from the side-by-side view
        for fv in issue.parts:
            fv.issue_id = issue.id
    kinds: dict[str, int] = {}
    levels = dict.fromkeys(reversed(LEVELS), 0)
    for issue in issues:
        for kind in issue.kinds:
            kinds[kind] = kinds.get(kind, 0) + 1
        levels[issue.level] = levels.get(issue.level, 0) + 1
    order = {k: i for i, k in enumerate(KIND_LEVEL)}
    kinds = dict(sorted(kinds.items(), key=lambda kv: order.get(kv[0], len(order))))
    flags = [fv for a in articles for fv in a.flags]
    accepted = sum(1 for issue in issues if issue.accepted)
    not_checked = [dict(item, id=a.id) for item, a in zip(report.not_checked(), [a for a in articles if a.error])] \
        if hasattr(report, "not_checked") else []
    return dict(title=title, articles=articles, issues=issues, kinds=kinds, levels=levels, nflags=len(flags),
                accepted=accepted, stale=getattr(report, "stale", ()), signature=str(report.signature),
                pairing=getattr(report, "pairing", None) or (), not_checked=not_checked,
                summary=_summary(articles), checked=sum(1 for a in report.articles if not a.error),
                errors=len(report.errors), script=SCRIPT, csp=csp(), accept_command=accept_command,
                lazy=sum(len(b.rows) for a in articles for b in a.blocks if isinstance(b, FoldView)) > LAZY_LINKS)


def _summary(articles) -> list[dict]:
    """Per flagged article: its flags by level and how many are accepted."""
    rows = []
    for a in articles:
        if not a.flags:
            continue
        row = {"id": a.id, "slug": a.slug, "date": a.date or "", "accepted": 0, **dict.fromkeys(LEVELS, 0)}
        for fv in a.flags:
            row[fv.flag.level] += 1
            row["accepted"] += fv.flag.accepted
        rows.append(row)
    return rows


def render_check_html(report, title: str = "bilingual check", editor_url: str | None = None) -> str:
    return render("check.html.j2", **check_view(report, title, editor_url))
