"""A version diff in a terminal (rich, coloured word diff) or as one
self-contained HTML page (EN | old | new).

In HTML every piece of article text goes through ``html.escape``; the page
carries its own CSS and no script, so a payload in an article can't run.
"""

from __future__ import annotations

from html import escape

from rich.console import Console
from rich.markup import escape as rich_escape
from rich.table import Table
from rich.text import Text

from ..report.terminal import escape_controls as _shown
from .stale import Stale
from .versions import KINDS, DiffResult
from .words import DELETE, EQUAL, INSERT

_KIND_STYLE = {
    "unchanged": "dim", "reworded": "yellow", "added": "green", "removed": "red",
    "split": "cyan", "merged": "cyan", "moved": "magenta",
}


def _idx(indexes) -> str:
    return ",".join(map(str, indexes)) if indexes else "-"


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
            where = f"EN {'-' if f.en_index is None else f.en_index}"
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


_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 2rem 3rem;color:#1d1d1f}
h1{font-size:1.4rem}
table.diff{border-collapse:collapse;width:100%;table-layout:fixed}
table.diff th{text-align:left;border-bottom:2px solid #ccc;padding:.3rem .6rem}
table.diff td{vertical-align:top;padding:.35rem .6rem;border-top:1px solid #eee}
col.kind{width:7rem}
tr.unchanged td{color:#777}
del{background:#ffd9d9;color:#8b0000} ins{background:#d9f7d9;color:#0b5d0b;text-decoration:none}
tr.added td.new{background:#effbef} tr.removed td.old{background:#fdf0f0}
tr.moved td{background:#f8f0fb}
.idx{color:#888;font-size:.8rem;display:block}
.kind{font-weight:600}
ul.terms li.fixed{color:#0b5d0b} ul.terms li.introduced{color:#b00020}
.summary td{padding:.1rem .8rem} footer{margin-top:2rem;color:#888;font-size:.8rem}
"""


def _html_side(change, which: str) -> str:
    skip = INSERT if which == "old" else DELETE
    tag = "del" if which == "old" else "ins"
    if change.word_diff:
        return "".join(
            f"<{tag}>{escape(piece)}</{tag}>" if op != EQUAL else escape(piece)
            for op, piece in change.word_diff if op != skip
        )
    return escape(change.old_text if which == "old" else change.new_text)


def render_html(result: DiffResult, title: str = "bilingual diff") -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="ru"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        '<table class="summary">',
        *(f'<tr><td>{escape(k)}</td><td data-kind="{escape(k)}">{result.summary[k]}</td></tr>' for k in KINDS),
        "</table>",
    ]
    if result.paragraphs:
        parts.append("<ul class=\"paragraphs\">")
        parts += [f"<li>paragraph {escape(p.kind)}: old {escape(_idx(p.old_paras))} → new "
                  f"{escape(_idx(p.new_paras))}</li>" for p in result.paragraphs]
        parts.append("</ul>")
    flags = [(label, f) for label in ("fixed", "introduced") for f in result.terms.get(label, [])]
    if flags:
        parts.append('<ul class="terms">')
        parts += [f'<li class="{label}" data-kind="{escape(f.kind)}">term {label} '
                  f'(EN {"-" if f.en_index is None else f.en_index}): {escape(f.kind)} — '
                  f"{escape(f.message)}</li>" for label, f in flags]
        parts.append("</ul>")
    parts.append('<table class="diff"><colgroup><col class="kind"><col><col><col></colgroup>'
                 "<tr><th>change</th><th>EN</th><th>old</th><th>new</th></tr>")
    for c in result.changes:
        en = " ".join(result.en_sentences[i] for i in c.en_indexes if i < len(result.en_sentences))
        parts.append(
            f'<tr class="{escape(c.kind)}"><td><span class="kind">{escape(c.kind)}</span></td>'
            f'<td class="en" lang="en"><span class="idx">{escape(_idx(c.en_indexes))}</span>{escape(en)}</td>'
            f'<td class="old"><span class="idx">{escape(_idx(c.old_indexes))}</span>{_html_side(c, "old")}</td>'
            f'<td class="new"><span class="idx">{escape(_idx(c.new_indexes))}</span>{_html_side(c, "new")}</td></tr>'
        )
    parts.append("</table>")
    if result.signature is not None:
        parts.append(f"<footer>{escape(str(result.signature))}</footer>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
