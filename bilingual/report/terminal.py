"""The check report in a terminal: grouped by article, counts by kind."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

_LEVEL_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _idx(i) -> str:
    return "-" if i is None else str(i)


def render_check(report, console: Console, *, explain: bool = False) -> None:
    for article in report.articles:
        head = f"[bold]{escape(article.pair.slug)}[/bold]"
        if article.date:
            head += f"  [dim]{escape(article.date)}[/dim]"
        if article.error:
            console.print(f"{head}  [bold red]not checked:[/bold red] {escape(article.error)}")
            continue
        n = len(article.flags)
        console.print(f"{head}  {n} flag{'s' if n != 1 else ''}")
        for f in article.flags:
            style = _LEVEL_STYLE.get(f.level, "")
            where = f"EN {_idx(f.en_index)} / RU {_idx(f.ru_index)}"
            console.print(f"  [{style}]{f.kind:<22}[/{style}] [dim]{where:<14}[/dim] {escape(f.message)}")
            text = f.ru_text if f.ru_index is not None else f.en_text
            if text:
                console.print(f"  {'':<22} [dim]{escape(_clip(text))}[/dim]")
            if explain:
                console.print(f"  {'':<22} [magenta]rule {escape(f.rule)}[/magenta]: {escape(f.why)}")
        for link in article.uncertain:
            console.print(f"  [dim]alignment uncertain here: EN {list(link.en)} / RU {list(link.ru)} "
                          f"(confidence {link.score:.2f}); term checks skipped[/dim]")
    counts = report.counts()
    table = Table(title="Flags by kind", show_edge=False, pad_edge=False)
    table.add_column("kind")
    table.add_column("count", justify="right")
    for kind, count in counts.items():
        table.add_row(kind, str(count))
    table.add_row("[bold]total[/bold]", f"[bold]{sum(counts.values())}[/bold]")
    console.print()
    console.print(table)
    checked = sum(1 for a in report.articles if not a.error)
    console.print(f"[dim]{checked} article(s) checked, {len(report.errors)} not checked · {escape(str(report.signature))}[/dim]")


def _clip(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
