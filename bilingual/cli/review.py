"""`bilingual review`: the review desk, a local page in the browser over the archive's flags."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .options import AlignMode


def register(app: typer.Typer) -> None:
    @app.command()
    def review(
        paths: Optional[List[Path]] = typer.Argument(
            None, help="Corpus folder(s) or article folder(s). Default: `corpus` in bilingual.toml, else corpus/."),
        glossary: Optional[Path] = typer.Option(
            None, "--glossary", "-g", help="Glossary CSV. Default: `glossary` in bilingual.toml, else glossary.csv."),
        baseline: Optional[Path] = typer.Option(
            None, "--baseline", help="Where accepted flags are recorded. Default: `baseline` in bilingual.toml, "
                                     "else .bilingual-baseline.json here."),
        mode: Optional[AlignMode] = typer.Option(None, "--mode", help="Alignment mode. Default: default."),
        port: int = typer.Option(0, "--port", min=0, max=65535, help="Port on 127.0.0.1. Default: a free one."),
        no_browser: bool = typer.Option(False, "--no-browser", help="Print the URL; don't open a browser."),
        author: Optional[str] = typer.Option(
            None, "--author", help="Name recorded with each action. Default: git config user.name, else $USER."),
        jobs: Optional[int] = typer.Option(
            None, "--jobs", "-j", min=1, help="Worker processes for checking. Default: the number of cores."),
        no_cache: bool = typer.Option(False, "--no-cache", help="Don't read or write the check cache."),
    ) -> None:
        """Serve a review desk on 127.0.0.1: the flags queue, fix/edit/accept, glossary and mining proposals.

        The URL it prints carries a random token; only that browser session can use the desk. Every change
        is written through the same guarded paths as the commands, and logged in <corpus>/.bilingual/review.log.
        Needs the review extra: pip install 'bilingual[review]'. Stop it with Ctrl-C.
        """
        from ..checks.pipeline import DEFAULT_CORPUS
        from ..errors import UsageError
        from ..executors import cores
        from ..review.desk import Settings
        from ..review.server import open_desk
        from .options import glossary_path, project_config
        from .output import echo

        config = project_config()
        if glossary_path(glossary, config) is None:
            raise UsageError("no glossary: pass -g FILE, put glossary.csv in this folder or set glossary in "
                             "bilingual.toml")
        settings = Settings(
            paths=[Path(p) for p in (paths or config.get("corpus") or [DEFAULT_CORPUS])],
            glossary=glossary_path(glossary, config),
            baseline=baseline or Path(config.get("baseline") or ".bilingual-baseline.json"),
            mode=mode.value if mode else config.get("mode", "default"),
            jobs=jobs or cores(), cache=not no_cache, author=author)
        server = open_desk(settings, port=port, who=author)
        echo(f"bilingual review: {len(server.app.state.desk.order)} articles, "
             f"{len(server.app.state.desk.items)} flags", err=True)
        echo(server.url)
        if not no_browser:
            import webbrowser

            webbrowser.open(server.url)
        server.run()
