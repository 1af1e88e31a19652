"""Glossary command output: term lines, merge reports, mining proposals, the term table."""

from __future__ import annotations


def term_line(t) -> str:
    bits = [f"{t.en} → {t.ru}"]
    if t.type:
        bits.append(f"[{t.type}]")
    if t.variants:
        bits.append("variants: " + "; ".join(t.variants))
    if t.forbidden:
        bits.append("forbidden: " + "; ".join(t.forbidden))
    if t.en_variants:
        bits.append("en variants: " + "; ".join(t.en_variants))
    return "  ".join(bits)


def merge_dict(report, source, dry_run: bool) -> dict:
    """A merge into the glossary (import, mine --accept) as JSON."""
    from ..glossary.load import term_row

    return {"source": str(source), "dry_run": dry_run,
            "added": [term_row(t) for t in report.added], "merged": [term_row(t) for t in report.merged],
            "unchanged": len(report.unchanged),
            "conflicts": [{"line": c.line, "en": c.en, "column": c.column, "ours": c.ours, "theirs": c.theirs,
                           "message": str(c)} for c in report.conflicts]}


def merge_lines(report, source, dry_run: bool) -> tuple[list[str], str]:
    """The merge as lines for stdout, and the one-line summary for stderr."""
    lines = [f"{'would add' if dry_run else 'added'}: {term_line(t)}" for t in report.added]
    lines += [f"{'would merge' if dry_run else 'merged'}: {term_line(t)}" for t in report.merged]
    lines += [f"conflict: {source}:{c.line}: {c}" for c in report.conflicts]
    summary = (f"{len(report.added)} added, {len(report.merged)} merged, {len(report.unchanged)} unchanged, "
               f"{len(report.conflicts)} conflicts" + (" (dry run)" if dry_run else ""))
    return lines, summary


def mine_dict(result) -> dict:
    return {"proposals": [p.row() for p in result.proposals], "variations": [p.row() for p in result.variations],
            "articles": result.articles, "links": result.links, "errors": result.errors}


def mine_summary(result, output=None) -> str:
    where = f" → {output}" if output is not None else ""
    return (f"{len(result.proposals)} new names, {len(result.variations)} terms with unlisted renderings{where} "
            f"({result.articles} articles, {result.links} aligned links)")


def mine_lines(result) -> list[str]:
    lines = [f"{p.confidence:.2f}  {p.en} → {p.ru}  (×{p.count})" for p in result.proposals]
    for p in result.variations:
        forms = "; ".join(p.forbidden) if p.forbidden else "; ".join(p.variants)
        what = "forbid" if p.forbidden else "variant"
        lines.append(f"{p.confidence:.2f}  {p.en} → {p.ru}  {what}: {forms}  ({p.evidence})")
    return lines


def terms_table(terms, title: str):
    """A rich table of glossary terms with their file lines."""
    from rich.table import Table

    from ..glossary.load import COLUMNS, term_row

    table = Table(title=f"{title}: {len(terms)} term{'s' if len(terms) != 1 else ''}", title_justify="left")
    table.add_column("line", justify="right")
    for name in COLUMNS:
        table.add_column(name, overflow="fold")
    for t in terms:
        row = term_row(t)
        table.add_row(str(t.line), *(row[c] for c in COLUMNS))
    return table
