"""`bilingual rules`: the house-style rules of the configuration, tested on their own examples."""

from __future__ import annotations

import typer

sub = typer.Typer(
    name="rules",
    help="House-style rules ([[rules]] in bilingual.toml): run each rule on its must/must-not examples.",
    no_args_is_help=True,
)


@sub.command("test")
def test() -> None:
    """Run every house-style rule on its must_match and must_not_match examples.

    Exit codes: 0 every example behaves, 1 an example doesn't, 2 a rule can't be read.
    """
    from ..checks.qa import house_rules
    from ..checks.style import test_rules

    rules, source = house_rules()
    if not rules:
        typer.echo(f"no house-style rules in {source}")
        raise typer.Exit(0)
    results = test_rules(rules)
    failed = [r for r in results if not r.ok]
    for r in failed:
        want = "should match" if r.should_match else "should not match"
        typer.echo(f"FAIL {r.rule}: {want}: {r.example}")
    typer.echo(f"{len(rules)} rule(s), {len(results)} example(s): {len(results) - len(failed)} passed, "
               f"{len(failed)} failed ({source})")
    raise typer.Exit(1 if failed else 0)


def register(app: typer.Typer) -> None:
    app.add_typer(sub, name="rules")
