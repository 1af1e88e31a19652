"""`bilingual crawl`: fetch a live site into a mirror the other commands read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from .options import TableOrJson


def register(app: typer.Typer) -> None:
    @app.command()
    def crawl(
        url: str = typer.Argument(..., help="The site's root, a section page, or a sitemap URL."),
        out: Path = typer.Option(..., "--output", "-o", help="The mirror folder (created; a re-run updates it)."),
        max_pages: Optional[int] = typer.Option(None, "--max-pages", min=1,
                                                help="Stop after fetching this many pages."),
        since: Optional[str] = typer.Option(None, "--since", help="Skip sitemap entries older than this date "
                                                                  "(YYYY-MM-DD)."),
        prefix: Optional[List[str]] = typer.Option(None, "--prefix", help="Only sitemap/section URLs under "
                                                   "this path (repeatable); language links are followed anywhere."),
        rate: float = typer.Option(1.0, "--rate", min=0.01, help="Requests a second per host, at most "
                                                                 "(robots.txt's Crawl-delay can only slow it)."),
        timeout: float = typer.Option(10.0, "--timeout", min=0.1, help="Seconds to wait for an answer."),
        retries: int = typer.Option(3, "--retries", min=0, help="Retries of a 429/503 answer."),
        fmt: TableOrJson = typer.Option(TableOrJson.table, "--format", "-f", help="Output format."),
    ) -> None:
        """Fetch a bilingual site into a mirror (wget -m paths) by its sitemaps and language links,
        politely: robots.txt and Crawl-delay, one request at a time per host, Retry-After on 429/503,
        conditional GET and sitemap lastmod so a re-run fetches only what changed; a killed crawl
        resumes. Then run `bilingual pairs` or `bilingual check` on the folder.

        Exit codes: 0 done, 1 some pages could not be fetched, 2 bad input.
        """
        from ..sources.crawl import CrawlOptions, crawl as run_crawl, since_date
        from ..sources.urls import tracking_params_from_config

        options = CrawlOptions(max_pages=max_pages, since=since_date(since) if since else None,
                               prefixes=tuple(prefix or ()), rate=rate, timeout=timeout, retries=retries,
                               tracking_params=tracking_params_from_config())
        result = run_crawl(url, out, options)
        if fmt is TableOrJson.json:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        else:
            from ..report.crawl import render_crawl

            typer.echo(render_crawl(result), nl=False)
        raise typer.Exit(1 if result.problems else 0)
