"""`bilingual models`: install, list and remove translation models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from .options import TableOrJson


def register(app: typer.Typer) -> None:
    models = typer.Typer(help="Install, list and remove Argos Translate models (.argosmodel).",
                         no_args_is_help=True)

    @models.command("list")
    def list_(fmt: TableOrJson = typer.Option(TableOrJson.table, "--format", "-f", help="Output format.")) -> None:
        """List installed models."""
        from ..translate.models import list_models, packages_dir

        found = list_models()
        where = packages_dir()
        if fmt is TableOrJson.json:
            typer.echo(json.dumps([m.to_dict() for m in found], ensure_ascii=False, indent=2))
            return
        if not found:
            typer.echo(f"no models installed in {where}")
            return
        for m in found:
            typer.echo(f"{m.name}\t{m.from_code}→{m.to_code}\tv{m.version}\tsplitter: {m.sentence_splitter}")

    @models.command()
    def install(
        file: Optional[Path] = typer.Argument(None, help="A downloaded .argosmodel file."),
        online: bool = typer.Option(False, "--online", help="Download from the Argos package index instead."),
        from_code: str = typer.Option("en", "--from", help="Source language for --online."),
        to_code: str = typer.Option("ru", "--to", help="Target language for --online."),
    ) -> None:
        """Install a model from a file (checked first), or from the Argos index with --online."""
        from ..errors import UsageError
        from ..translate.models import install_model, install_online, installed_copy

        if online == (file is not None):
            raise UsageError("give a .argosmodel FILE or --online (not both)")
        same = None if online else installed_copy(file)
        if same is not None:
            typer.echo(f"already installed: {same.name} ({same.from_code}→{same.to_code}, v{same.version}) "
                       f"in {same.path}; nothing changed")
            return
        info = install_online(from_code, to_code) if online else install_model(file)
        typer.echo(f"installed {info.name} ({info.from_code}→{info.to_code}, v{info.version}) in {info.path}")

    @models.command()
    def remove(name: str = typer.Argument(..., help="Model name as `bilingual models list` shows it.")) -> None:
        """Remove an installed model."""
        from ..translate.models import remove_model

        info = remove_model(name)
        typer.echo(f"removed {info.name}")

    app.add_typer(models, name="models")
