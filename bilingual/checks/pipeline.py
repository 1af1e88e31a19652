"""`bilingual check`: pair the articles, align them, run the drift rules.

Articles stream through one at a time (read → segment → align → rules), so a
large archive runs in flat memory; only flags, and the alignment when a report
needs it, are kept. An article that can't be checked is reported with its file
and reason while the others still run.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .. import __version__
from .drift import KIND_LEVEL, KINDS, check_alignment, level_at_least
from ..errors import BilingualError, CorpusError
from ..model import ArticlePair, ArticleResult, Flag, Glossary, Signature
from .article import check_article

DEFAULT_CORPUS = "corpus"
DEFAULT_GLOSSARY = "glossary.csv"
# why an article was not checked -> its level (no_translation: English-first publishing is normal)
NOT_CHECKED_LEVEL = {"no_translation": "warning", "unreadable": "error"}


@dataclass
class CheckReport:
    signature: Signature
    articles: list[ArticleResult] = field(default_factory=list)
    glossary: Glossary | None = None
    pairing: list | None = None  # a site mirror's pairing problems (bilingual.sources.mirror); None for a corpus
    stale: list = field(default_factory=list)  # baseline entries that matched no flag
    not_checked_levels: dict = field(default_factory=lambda: dict(NOT_CHECKED_LEVEL))
    whole_corpus: bool = False  # the run read one whole corpus: an article not in it was deleted

    @property
    def flags(self) -> list[tuple[ArticleResult, Flag]]:
        return [(a, f) for a in self.articles for f in a.flags]

    @property
    def notes(self) -> list[tuple[ArticleResult, Flag]]:
        """What the reader may like to know but is not a drift (``drift.NOTE_KINDS``); never fails a run."""
        return [(a, f) for a in self.articles for f in a.notes]

    @property
    def errors(self) -> list[ArticleResult]:
        return [a for a in self.articles if a.error]

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(KINDS, 0)
        for _, f in self.flags:
            out[f.kind] = out.get(f.kind, 0) + 1
        return {k: v for k, v in out.items() if v}

    def not_checked_level(self, article: ArticleResult) -> str:
        return self.not_checked_levels.get(article.not_checked, "error")

    def not_checked(self) -> list[dict]:
        """The articles that could not be checked: slug, kind (no_translation, unreadable), level, reason."""
        return [{"slug": a.pair.slug, "kind": a.not_checked, "level": self.not_checked_level(a), "reason": a.error}
                for a in self.errors]

    def exit_code(self, fail_on: str = "info") -> int:
        """0 clean; 1 flags (not accepted), or articles without a counterpart (``no_translation``,
        a warning by default), at or above ``fail_on``; 2 an article that could not be read (bad
        input). The report is complete either way: it lists what was not checked and why."""
        if any(a.not_checked == "unreadable" for a in self.errors):
            return 2
        if any(level_at_least(self.not_checked_level(a), fail_on) for a in self.errors):
            return 1
        if any(level_at_least(f.level, fail_on) for _, f in self.flags if not f.accepted):
            return 1
        if any(level_at_least(p.level, fail_on) for p in self.pairing or ()):
            return 1
        return 0

    def to_dict(self) -> dict:
        return {
            "signature": self.signature.to_dict(),
            "articles": [article_to_dict(a) for a in self.articles],
            "summary": self.counts(),
            "accepted": sum(1 for _, f in self.flags if f.accepted),
            "notes": len(self.notes),
            "stale_baseline": [e.to_dict() for e in self.stale],
            "not_checked": self.not_checked(),
            **({"pairing": [p.to_dict() | {"level": p.level} for p in self.pairing]}
               if self.pairing is not None else {}),
        }

    def to_frame(self):
        from .frame import flags_frame

        return flags_frame(self)


def article_to_dict(a: ArticleResult) -> dict:
    d = {
        "slug": a.pair.slug,
        "en_path": a.pair.en_path,
        "ru_path": a.pair.ru_path,
        "date": a.date,
        "flags": [f.to_dict() for f in a.flags],
        "notes": [f.to_dict() for f in a.notes],
        "uncertain": [{"en": [i + 1 for i in l.en], "ru": [j + 1 for j in l.ru], "score": round(l.score, 3)}
                      for l in a.uncertain],
    }
    if a.error:
        d["error"] = a.error
    return d


def make_signature(glossary: Glossary | None, mode: str, config: str | None = None) -> Signature:
    from importlib.metadata import version

    from ..align import semantic

    seg = f"en:pysbd-{version('pysbd')},ru:razdel-{version('razdel')}"
    # default mode confirms gaps with embeddings where the embedding package is installed
    gaps = "+gaps" if mode == "default" and semantic.available() else ""
    return Signature(
        version=__version__,
        segmenters=seg,
        aligner=f"bilingual-dp/{mode}{gaps}",
        glossary_sha=glossary.sha if glossary is not None else "none",
        config=config,
    )


def load_default_glossary(path: str | Path | None) -> Glossary | None:
    from ..glossary import load_glossary

    if path is None:
        if not Path(DEFAULT_GLOSSARY).exists():
            return None
        path = DEFAULT_GLOSSARY
    return load_glossary(path)


def iter_check(pairs: Iterable[ArticlePair], glossary: Glossary | None, *, mode: str = "default",
               keep_alignments: bool = False) -> Iterator[tuple[ArticleResult, list]]:
    matcher = None
    if glossary is not None and len(glossary):
        from ..glossary import matcher_for

        matcher = matcher_for(glossary)
    for pair in pairs:
        yield check_article(pair, glossary, mode=mode, matcher=matcher, keep_alignment=keep_alignments)


def check(paths: list[str | Path] | None = None, glossary: Glossary | str | Path | None = None, *,
          mode: str = "default", keep_alignments: bool = False,
          progress: Callable[[ArticleResult, bool, int], None] | None = None,
          jobs: int = 1, executor: str = "local", workers: int | None = None, scheduler: str | None = None,
          cache: bool | str | Path = False, rebuild_cache: bool = False, ru_name: str | None = None,
          config_file: str | None = None) -> CheckReport:
    """Check every article pair under ``paths`` (default ``corpus/``) against the glossary.

    ``jobs`` worker processes (or Dask: ``executor="dask"`` with ``workers`` or ``scheduler``)
    check articles in parallel; the report is the same as with one. ``cache``: True keeps
    per-article results in ``<corpus>/.bilingual/check.sqlite`` (or a path) and rechecks only
    articles whose files, glossary, mode or code changed. ``progress(result, reused, total)``
    is called for each article in order. ``ru_name`` (``ru.mt.md``) checks that file of each
    article folder instead of ``ru.md``. ``config_file``: the configuration file that set the run's
    defaults, named in the report's signature.
    """
    from .cache import covers_corpus
    from ..sources.corpus import find_pairs
    from .incremental import check_through_cache
    from ..executors import Plan

    plan = Plan(jobs, executor, workers, scheduler)
    if not isinstance(glossary, Glossary):
        glossary = load_default_glossary(glossary)
    if not paths:
        if not Path(DEFAULT_CORPUS).is_dir():
            raise CorpusError("no paths given and no corpus/ folder here", path=DEFAULT_CORPUS)
        paths = [DEFAULT_CORPUS]
    pairing: list = []
    pairs = find_pairs(paths, pairing=pairing, ru_name=ru_name)
    report = CheckReport(make_signature(glossary, mode, config_file), glossary=glossary,
                         pairing=pairing if pairing or _has_mirror(paths) else None,
                         whole_corpus=covers_corpus(paths))
    renderings: dict[str, list] = {}
    for outcome, reused in check_through_cache(pairs, glossary, paths=paths,
                                               glossary_sha=report.signature.glossary_sha, mode=mode,
                                               cache=cache, rebuild=rebuild_cache,
                                               keep_alignments=keep_alignments, plan=plan,
                                               whole_corpus=report.whole_corpus):
        report.articles.append(outcome.result)
        renderings[outcome.result.pair.slug] = outcome.renderings
        if progress:
            progress(outcome.result, reused, len(pairs))
    report.articles = archive_stage(report.articles, renderings, glossary)
    return report


def archive_stage(articles: list[ArticleResult], renderings: dict[str, list],
                  glossary: Glossary | None) -> list[ArticleResult]:
    """The archive-wide stage after every article is checked (``check`` and the review desk):
    one name rendered several ways (``inconsistent_rendering``), the QA checks that need the whole
    archive (a typo two articles share is no typo; repeated text translated two ways), the check
    profile, and every flag's ID and what was read on each side."""
    from .explain import explained
    from .qa import archive_pass
    from .rendering import Rendering, inconsistent_renderings

    names = {slug: [r for r in rs if isinstance(r, Rendering)] for slug, rs in renderings.items()}
    corpus_flags = inconsistent_renderings(articles, names, glossary)
    articles = [replace(a, flags=a.flags + tuple(a.locate(f) for f in corpus_flags.get(a.pair.slug, ())))
                for a in articles]
    return [replace(a, flags=tuple(explained(a.pair.slug, f) for f in a.flags))
            for a in archive_pass(articles, renderings)]


def _has_mirror(paths) -> bool:
    from ..sources.mirror import is_site_mirror

    return any(Path(p).is_dir() and is_site_mirror(Path(p)) for p in paths)


__all__ = ["CheckReport", "archive_stage", "check", "check_article", "iter_check", "KIND_LEVEL"]
