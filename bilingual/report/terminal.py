"""The terminal layer: a console that can't be steered by the text it shows, and the check report.

Article and glossary text may carry control characters and ANSI/OSC escape
sequences (clear the screen, set the window title, hide text). Every human
readable output goes through ``escape_controls``: rich output through
``make_console``'s console, plain lines through the CLI's echo.
"""

from __future__ import annotations

import re

from rich.console import Console
from rich.segment import Segment
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table

# C0 controls but tab and newline, DEL, C1 controls (0x9b is a one-byte CSI on some terminals)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def escape_controls(text: str) -> str:
    """``text`` with every control character shown as ``\\xNN`` (``\\x1b[2J`` instead of a cleared screen)."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class SafeConsole(Console):
    """A rich console that shows control characters in the text it renders escaped.

    Strings are escaped as they become rich Text (before a table measures them);
    any text segment that still carries a control character (a Text built
    directly) is escaped on its way out. Rich's own control segments (cursor
    moves of a progress bar) and the escape codes of its styles are left alone.
    """

    def render_str(self, text: str, **options):
        return super().render_str(escape_controls(text), **options)

    def render(self, renderable, options=None):
        for seg in super().render(renderable, options):
            if seg.control or not _CONTROLS.search(seg.text):
                yield seg
            else:
                yield Segment(escape_controls(seg.text), seg.style, seg.control)


def make_console(**options) -> Console:
    """The console every terminal renderer draws on (``rich.console.Console`` options)."""
    return SafeConsole(**options)


_LEVEL_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def location(pair, flag) -> str:
    """``path:line`` of the flag's sentence (the Russian one when it has one), else its sentence numbers."""
    if flag.ru_line is not None and pair.ru_path:
        return f"{pair.ru_path}:{flag.ru_line}"
    if flag.en_line is not None and pair.en_path:
        return f"{pair.en_path}:{flag.en_line}"
    en = "-" if flag.en_index is None else flag.en_index + 1
    ru = "-" if flag.ru_index is None else flag.ru_index + 1
    return f"EN {en} / RU {ru}"


def render_check(report, console: Console, *, explain: bool = False) -> None:
    for article in report.articles:
        head = f"[bold]{escape(article.pair.slug)}[/bold]"
        if article.date:
            head += f"  [dim]{escape(article.date)}[/dim]"
        if article.error:
            level = report.not_checked_level(article) if hasattr(report, "not_checked_level") else "error"
            style = _LEVEL_STYLE.get(level, "")
            console.print(f"{head}  [{style}]not checked ({article.not_checked}):[/{style}] {escape(article.error)}")
            continue
        n = len(article.flags)
        console.print(f"{head}  {n} flag{'s' if n != 1 else ''}")
        if not article.flags and not article.uncertain:
            continue
        table = Table(show_header=False, box=None, pad_edge=False)
        table.add_column("kind", no_wrap=True)
        table.add_column("where and what", overflow="fold", ratio=1)
        for f in article.flags:
            style = "dim" if f.accepted else _LEVEL_STYLE.get(f.level, "")
            text = f.ru_text if f.ru_index is not None else f.en_text
            what = escape(f.message)
            if f.accepted:
                what = f"[dim]accepted · {what}[/dim]"
                if f.acceptance is not None and f.acceptance.reason:
                    who = ", ".join(x for x in (f.acceptance.author, f.acceptance.date[:10]) if x)
                    what += (f"\n[dim]reason: {escape(f.acceptance.reason)}" + (f" ({escape(who)})" if who else "")
                             + "[/dim]")
            if text:
                what += f"\n[dim]{escape(_clip(text))}[/dim]"
            if explain:
                e = f.explanation
                what += f"\n[magenta]rule {escape(e['rule'])}[/magenta]: {escape(e['cue'])}"
                for side in ("en", "ru"):
                    if e[side]:
                        what += f"\n[magenta]{side.upper()} read[/magenta]: {escape(e[side])}"
            where = _unit(f.unit) if f.unit is not None else location(article.pair, f)
            ident = f"  [dim]{f.id}[/dim]" if f.id else ""
            table.add_row(f"[{style}]{f.kind}[/{style}]", f"[dim]{escape(where)}[/dim]{ident}\n{what}")
        for link in article.uncertain:
            table.add_row("[dim]uncertain[/dim]",
                          f"[dim]EN {_span(link.en)} / RU {_span(link.ru)}: alignment uncertain here "
                          f"(confidence {link.score:.2f}); term checks skipped[/dim]")
        console.print(Padding(table, (0, 0, 0, 2)))
    if report.pairing:
        console.print()
        console.print("[bold]Pairing[/bold]")
        table = Table(show_header=False, box=None, pad_edge=False)
        table.add_column("kind", no_wrap=True)
        table.add_column("what", overflow="fold", ratio=1)
        for p in report.pairing:
            style = _LEVEL_STYLE.get(p.level, "")
            table.add_row(f"[{style}]{p.kind}[/{style}]", f"{escape(p.path)}\n[dim]{escape(p.message)}[/dim]")
        console.print(Padding(table, (0, 0, 0, 2)))
    counts = report.counts()
    table = Table(title="Flags by kind", show_edge=False, pad_edge=False)
    table.add_column("kind")
    table.add_column("count", justify="right")
    for kind, count in counts.items():
        table.add_row(kind, str(count))
    table.add_row("[bold]total[/bold]", f"[bold]{sum(counts.values())}[/bold]")
    console.print()
    console.print(table)
    accepted = sum(1 for _, f in report.flags if f.accepted)
    if accepted:
        console.print(f"[dim]{accepted} of them accepted in the baseline[/dim]")
    for e in getattr(report, "stale", ()):
        console.print(f"[yellow]stale baseline entry[/yellow] {escape(e.slug)} {escape(e.kind)}"
                      + (f" {escape(e.term)}" if e.term else "") + f" [dim]({escape(e.id)})[/dim]")
    checked = sum(1 for a in report.articles if not a.error)
    console.print(f"[dim]{checked} article(s) checked, {len(report.errors)} not checked · {escape(str(report.signature))}[/dim]")
    if any(not f.accepted for _, f in report.flags):
        console.print("[dim]accept a flag: bilingual accept ID --reason TEXT[/dim]")


def _unit(unit: str) -> str:
    """A CAT file's unit: an XLIFF id as «unit 12», a PO entry as «line 40»."""
    return unit if unit.startswith("line ") else f"unit {unit}"


def _span(idx: tuple[int, ...]) -> str:
    if not idx:
        return "-"
    return str(idx[0] + 1) if len(idx) == 1 else f"{idx[0] + 1}-{idx[-1] + 1}"


def _clip(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
