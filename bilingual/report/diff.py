"""A version diff in a terminal (rich, coloured word diff) or as one
self-contained HTML page (EN | old | new).

The HTML page is built from a Jinja2 template with autoescaping; it carries its
own CSS and no script, so a payload in an article can't run. A term flag the
new version introduces is marked as an error where it appears, even though the
word diff shows it as an insertion; a fixed one is marked as fixed.
"""

from __future__ import annotations

from markupsafe import Markup, escape
from rich.console import Console
from rich.markup import escape as rich_escape
from rich.table import Table
from rich.text import Text

from ..diff.stale import Stale
from ..diff.versions import KINDS, DiffResult
from ..diff.words import DELETE, EQUAL, INSERT
from .terminal import escape_controls as _shown

_KIND_STYLE = {
    "unchanged": "dim", "reworded": "yellow", "added": "green", "removed": "red",
    "split": "cyan", "merged": "cyan", "moved": "magenta",
}


def _idx(indexes) -> str:
    """0-based positions as a reader counts them, from 1."""
    return ",".join(str(i + 1) for i in indexes) if indexes else "-"


_STYLE = {EQUAL: "", DELETE: "bold red strike", INSERT: "bold green underline"}
# Without colour, changed words are marked the way `git diff --word-diff` does.
_MARK = {EQUAL: ("", ""), DELETE: ("[-", "-]"), INSERT: ("{+", "+}")}


def _word_text(pieces, plain: bool) -> Text:
    out = Text()
    for op, piece in pieces:
        if plain:
            left, right = _MARK[op]
            out.append(left + _shown(piece) + right)
        else:
            out.append(_shown(piece), style=_STYLE[op])
    return out


def _plain(console: Console) -> bool:
    return console.no_color or not console.is_terminal


def _diff_text(change, plain: bool) -> Text:
    if change.kind == "added":
        return Text(_shown(change.new_text), style="green")
    if change.kind == "removed":
        return Text(_shown(change.old_text), style="red strike")
    if not change.word_diff:
        return Text(_shown(change.new_text), style="dim")
    return _word_text(change.word_diff, plain)


def render_table(result: DiffResult, console: Console, *, show_unchanged: bool = False) -> None:
    table = Table(show_edge=False, pad_edge=False, expand=False, show_lines=False)
    with_en = bool(result.en_sentences)
    plain = _plain(console)
    if with_en:
        table.add_column("EN", no_wrap=True, style="dim")
    table.add_column("old", no_wrap=True, justify="right")
    table.add_column("new", no_wrap=True, justify="right")
    table.add_column("change", no_wrap=True)
    table.add_column("text (−old +new)")
    for c in result.changes:
        if c.kind == "unchanged" and not show_unchanged:
            continue
        kind = Text(c.kind, style=_KIND_STYLE.get(c.kind, ""))
        row = [_idx(c.old_indexes), _idx(c.new_indexes), kind, _diff_text(c, plain)]
        table.add_row(*([_idx(c.en_indexes)] if with_en else []), *row)
    if table.row_count:
        console.print(table)
    else:
        console.print("[dim]no sentence changed[/dim]")
    for p in result.paragraphs:
        console.print(f"[cyan]paragraph {p.kind}[/cyan]: old {_idx(p.old_paras)} → new {_idx(p.new_paras)}")
    for label, style in (("fixed", "green"), ("introduced", "red")):
        for f in result.terms.get(label, []):
            where = f"EN {'-' if f.en_index is None else f.en_index + 1}"
            console.print(f"[{style}]term {label}[/{style}] [dim]{where}[/dim] {f.kind}: {rich_escape(f.message)}")
    summary = ", ".join(f"{n} {k}" for k, n in result.summary.items() if n)
    terms = ""
    if result.terms.get("fixed") or result.terms.get("introduced"):
        terms = f"; terms: {len(result.terms['fixed'])} fixed, {len(result.terms['introduced'])} introduced"
    console.print(f"[bold]{len(result.changes)} change(s):[/bold] {summary or 'none'}{terms}")
    if result.signature is not None:
        console.print(f"[dim]{rich_escape(str(result.signature))}[/dim]")


def render_stale_table(stale: list[Stale], console: Console) -> None:
    if not stale:
        console.print("[dim]no stale translation: every changed English sentence is retranslated[/dim]")
        return
    table = Table(show_edge=False, pad_edge=False, show_lines=True)
    table.add_column("RU", no_wrap=True, justify="right")
    table.add_column("EN old→new", no_wrap=True)
    table.add_column("reason", no_wrap=True)
    table.add_column("English change / Russian to redo")
    for s in stale:
        text = Text()
        if s.word_diff:
            text = _word_text(s.word_diff, _plain(console))
        elif s.reason == "added":
            text.append(_shown(s.new_en_text), style="green")
        else:
            text.append(_shown(s.old_en_text), style="red strike")
        text.append("\n")
        text.append(_shown(s.ru_text) if s.ru_indexes else "(no translation yet)", style="cyan" if s.ru_indexes else "dim")
        table.add_row(_idx(s.ru_indexes), f"{_idx(s.old_en_indexes)}→{_idx(s.new_en_indexes)}",
                      Text(s.reason, style=_KIND_STYLE.get(s.reason, "")), text)
    console.print(table)
    to_redo = sum(1 for s in stale if s.ru_indexes)
    console.print(f"[bold]{len(stale)} English change(s):[/bold] {to_redo} with a Russian sentence to "
                  f"retranslate, {len(stale) - to_redo} new sentence(s) to translate")


def _term_marks(piece: str, forms: dict[str, str]) -> Markup:
    """``piece`` escaped, with each term form of ``forms`` (form -> mark class) inside it marked."""
    if not forms:
        return escape(piece)
    import re

    rx = re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)), re.IGNORECASE)
    out, pos = [], 0
    for m in rx.finditer(piece):
        cls = forms.get(m.group(0)) or next(c for f, c in forms.items() if f.lower() == m.group(0).lower())
        out += [escape(piece[pos:m.start()]), Markup('<mark class="%s">%s</mark>') % (cls, m.group(0))]
        pos = m.end()
    out.append(escape(piece[pos:]))
    return Markup("").join(out)


def _has(piece: str, forms) -> bool:
    return any(form.lower() in piece.lower() for form in forms)


def _side(change, which: str, forms: dict[str, str], introduced: dict[str, str] | None = None) -> Markup:
    """One side of a change: its words, changed ones in <del>/<ins>, term flags marked.

    An insertion bringing in a flagged form is shown as the error it is (``ins.flagged``), and the
    words it replaced as correct ones (``del.replaced``), not as a red deletion and a green insertion.
    """
    skip = INSERT if which == "old" else DELETE
    tag = "del" if which == "old" else "ins"
    if not change.word_diff:
        return _term_marks(change.old_text if which == "old" else change.new_text, forms)
    pieces = change.word_diff
    out = []
    for n, (op, piece) in enumerate(pieces):
        if op == skip:
            continue
        text = _term_marks(piece, forms)
        if op != EQUAL:
            cls = ""
            if which == "new" and _has(piece, forms):
                cls = "flagged"
            elif which == "old" and _has(piece, forms):
                cls = "was-flagged"
            elif which == "old" and introduced:
                following = next((p for o, p in pieces[n + 1:] if o != DELETE), None)
                if following is not None and _has(following, introduced):
                    cls = "replaced"
            attr = Markup(' class="%s"') % cls if cls else ""
            text = Markup("<%s%s>%s</%s>") % (Markup(tag), attr, text, Markup(tag))
        out.append(text)
    return Markup("").join(out)


def diff_view(result: DiffResult, title: str) -> dict:
    from .templating import human_span

    fixed_at: dict[int, list] = {}
    introduced_at: dict[int, list] = {}
    for f in result.terms.get("fixed", []):
        if f.ru_index is not None:
            fixed_at.setdefault(f.ru_index, []).append(f)
    for f in result.terms.get("introduced", []):
        if f.ru_index is not None:
            introduced_at.setdefault(f.ru_index, []).append(f)
    rows, row_of = [], {}
    for k, c in enumerate(result.changes):
        fixed = [f for i in c.old_indexes for f in fixed_at.get(i, [])]
        introduced = [f for i in c.new_indexes for f in introduced_at.get(i, [])]
        for f in fixed:
            row_of[("fixed", id(f))] = f"c{k}"
        for f in introduced:
            row_of[("introduced", id(f))] = f"c{k}"
        old_forms = {f.found: "term fixed" for f in fixed if f.found}
        new_forms = {f.found: "term dev error" for f in introduced if f.found}
        en = " ".join(result.en_sentences[i] for i in c.en_indexes if i < len(result.en_sentences))
        rows.append(dict(id=f"c{k}", kind=c.kind, en=en, en_idx=human_span(c.en_indexes),
                         old_idx=human_span(c.old_indexes), new_idx=human_span(c.new_indexes),
                         old=_side(c, "old", old_forms, new_forms), new=_side(c, "new", new_forms),
                         flagged=bool(introduced), fixed=bool(fixed)))
    terms = [dict(label=label, flag=f, row=row_of.get((label, id(f))))
             for label in ("introduced", "fixed") for f in result.terms.get(label, [])]
    paragraphs = [dict(kind=p.kind, old=human_span(p.old_paras), new=human_span(p.new_paras))
                  for p in result.paragraphs]
    return dict(title=title, summary=[(k, result.summary[k]) for k in KINDS], rows=rows, terms=terms,
                paragraphs=paragraphs, with_en=bool(result.en_sentences),
                signature=str(result.signature) if result.signature is not None else None)


def render_html(result: DiffResult, title: str = "bilingual diff") -> str:
    from .templating import render

    return render("diff.html.j2", **diff_view(result, title))
