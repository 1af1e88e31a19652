"""`bilingual config`: the effective defaults and where each comes from."""

from __future__ import annotations

import json
import os

import typer

from .options import TableOrJson


def register(app: typer.Typer) -> None:
    @app.command()
    def config(
        fmt: TableOrJson = typer.Option(TableOrJson.table, "--format", "-f", help="Output format."),
    ) -> None:
        """Show the settings commands use by default: from bilingual.toml or [tool.bilingual] in pyproject.toml
        (the nearest, from this folder upwards), else built in. Command-line options override them."""
        from ..config import KEYS, effective
        from .options import project_config

        cfg = project_config()
        rows = effective(cfg)
        if fmt is TableOrJson.json:
            doc = {"file": str(cfg.path) if cfg.path else None,
                   "settings": {k: {"value": v, "source": src} for k, v, src in rows}}
            typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))
            return
        typer.echo(f"config file: {cfg.source if cfg.path else 'none (built-in defaults)'}")
        width = max(len(k) for k, _, _ in rows)
        for key, value, source in rows:
            values = value if isinstance(value, list) else [value]
            if KEYS[key][1] and source != "default":
                values = [os.path.relpath(v) for v in values]
            shown = "-" if value is None or value == [] else ", ".join(map(str, values))
            typer.echo(f"{key:<{width}}  {shown}  ({source})")
