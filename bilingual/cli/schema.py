"""`bilingual schema`: the JSON Schema of a command's --format json output."""

from __future__ import annotations

import json
from enum import Enum

import typer


class SchemaOf(str, Enum):
    check = "check"
    diff = "diff"


def register(app: typer.Typer) -> None:
    @app.command()
    def schema(
        command: SchemaOf = typer.Argument(..., help="check or diff."),
    ) -> None:
        """Print the JSON Schema (draft 2020-12) of `bilingual COMMAND --format json`, for tools that read it."""
        from ..report.schema import SCHEMAS

        typer.echo(json.dumps(SCHEMAS[command.value](), ensure_ascii=False, indent=2))
