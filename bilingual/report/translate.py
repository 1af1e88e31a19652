"""The summary of a translation run, as the terminal shows it."""

from __future__ import annotations

from pathlib import Path


def render_summary(summary) -> str:
    lines = [f"moved the damaged translation cache aside to {summary.cache_moved_aside}; started a new one"
             ] if summary.cache_moved_aside else []
    lines += [
        f"{summary.documents} article(s), {summary.segments} segments: {summary.translated} translated, "
        f"{summary.cached} from cache, {summary.reused} kept (incremental)"
        + (f" — {summary.segments_per_second:.1f} segments/s" if summary.translated else ""),
        f"model {summary.model}; glossary {summary.glossary_sha[:12]}",
        f"glossary enforced {summary.enforced} time(s); {summary.fallbacks} sentence(s) needed the fallback"
        + (f"; protection skipped for {summary.unprotected} sentence(s)" if summary.unprotected else ""),
    ]
    counts = summary.flag_counts()
    if counts:
        lines.append("residual flags: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        for f in summary.residual[:20]:
            lines.append(f"  {Path(f['document']).parent.name or f['document']} #{f['en_sentence']}: "
                         f"{f['kind']}: {f['message']}")
        if len(summary.residual) > 20:
            lines.append(f"  … {len(summary.residual) - 20} more (--format json lists all)")
    else:
        lines.append("residual flags: none")
    lines += [f"wrote {p}" for p in summary.written]
    if summary.unchanged:
        lines.append(f"{len(summary.unchanged)} file(s) already up to date, not rewritten")
    return "\n".join(lines)
