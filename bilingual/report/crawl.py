"""What a crawl did, for the terminal."""

from __future__ import annotations


def render_crawl(result) -> str:
    lines = [f"{'resumed' if result.resumed else 'crawled'} into {result.out}: "
             f"{len(result.saved)} page{'s' if len(result.saved) != 1 else ''} saved, "
             f"{result.unchanged} unchanged, {result.requests} requests"]
    for rel in result.saved:
        lines.append(f"  saved  {rel}")
    for p in result.problems:
        lines.append(f"  {p.kind:<18} {p.url}  {p.message}")
    return "\n".join(lines) + "\n"
