"""The review desk's state: the archive's flags as `check` reports them, kept current as files change.

A desk opens an archive the way ``bilingual check`` does — the same settings, the
same check cache, so an archive checked before opens at once — and keeps each
article's own result and its renderings apart from the archive-wide rule, so a
write to one article rechecks that article only and re-runs the archive rule
over the stored renderings. A glossary change rechecks the archive in a
background thread (through the cache, which the next ``check`` then reuses);
writes wait until it is done.

Flags are known by their baseline fingerprint (``flag_id``): short, stable
across runs, and the key an accepted flag is recorded under.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import BilingualError, UsageError

LEVEL_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass
class Settings:
    """What a desk serves: the inputs ``check`` would read, and who is reviewing."""

    paths: list[Path]  # corpus folders or article folders
    glossary: Path | None  # the glossary file (None: term rules off)
    baseline: Path | None = None  # the accepted-flags file
    mode: str = "default"
    jobs: int = 1
    cache: bool = True
    author: str | None = None

    @property
    def root(self) -> Path:
        """The folder whose ``.bilingual/`` keeps the cache, the audit log and the mining memory."""
        from ..checks.cache import default_cache_path

        cache = default_cache_path(self.paths)
        if cache is not None:
            return cache.parent.parent
        return Path(self.paths[0]).resolve().parent

    @property
    def state_dir(self) -> Path:
        return self.root / ".bilingual"

    @property
    def baseline_path(self) -> Path:
        return self.baseline or self.root.parent / ".bilingual-baseline.json"


def default_author() -> str:
    from ..checks.accept import default_author as author

    return author()


def flag_id(slug: str, flag) -> str:
    """The flag's short stable ID, the one `bilingual check` shows and `bilingual accept` takes."""
    from ..checks.accept import flag_id as short_id

    return short_id(slug, flag)


@dataclass(frozen=True)
class Item:
    """One flag of the queue: its id, article and the flag as the report has it."""

    id: str
    article: object  # ArticleResult (with the archive rule's flags and the baseline applied)
    flag: object

    @property
    def slug(self) -> str:
        return self.article.pair.slug


@dataclass
class Recheck:
    """A background recheck of the whole archive (after a glossary change)."""

    done: int = 0
    total: int = 0
    running: bool = False
    error: str | None = None


@dataclass
class Desk:
    settings: Settings
    glossary: object = None  # model.Glossary
    signature: object = None
    base: dict = field(default_factory=dict)  # slug -> ArticleResult without the archive rule
    renderings: dict = field(default_factory=dict)  # slug -> renderings the archive rule reads
    pairs: dict = field(default_factory=dict)  # slug -> ArticlePair
    order: list = field(default_factory=list)  # slugs in report order
    items: dict = field(default_factory=dict)  # flag id -> Item
    articles: dict = field(default_factory=dict)  # slug -> ArticleResult as reported
    stale: list = field(default_factory=list)
    recheck: Recheck = field(default_factory=Recheck)
    lock: threading.RLock = field(default_factory=threading.RLock)
    fixes: dict = field(default_factory=dict)  # fix's result for one article's current bytes
    _enforcer: object = None

    # ------------------------------------------------------------ loading

    @classmethod
    def open(cls, settings: Settings) -> "Desk":
        desk = cls(settings)
        desk.load_glossary()
        desk._check_all()
        return desk

    def load_glossary(self) -> None:
        from ..glossary import load_glossary
        from ..model import Glossary
        from ..checks.pipeline import make_signature

        path = self.settings.glossary
        self.glossary = load_glossary(path) if path is not None else Glossary(terms=(), sha="none")
        self.signature = make_signature(self.glossary, self.settings.mode)
        self._enforcer = None

    def _find_pairs(self) -> list:
        from ..sources.corpus import find_pairs

        return find_pairs(self.settings.paths)

    def _check(self, pairs: list, progress=None, whole_corpus: bool = False) -> list:
        """(result, renderings) for ``pairs`` through the check cache, in order."""
        from ..checks.incremental import check_through_cache
        from ..executors import Plan

        s = self.settings
        out = []
        for outcome, _reused in check_through_cache(pairs, self.glossary, paths=s.paths,
                                                    glossary_sha=self.signature.glossary_sha, mode=s.mode,
                                                    cache=s.cache, plan=Plan(s.jobs if len(pairs) > 1 else 1),
                                                    whole_corpus=whole_corpus):
            out.append((outcome.result, outcome.renderings))
            if progress is not None:
                progress()
        return out

    def _check_all(self, progress=None) -> None:
        from ..checks.cache import covers_corpus

        pairs = self._find_pairs()
        results = self._check(pairs, progress, whole_corpus=covers_corpus(self.settings.paths))
        with self.lock:
            self.pairs = {p.slug: p for p in pairs}
            self.order = [p.slug for p in pairs]
            self.base = {r.pair.slug: r for r, _ in results}
            self.renderings = {r.pair.slug: rend for r, rend in results}
            self._publish()

    def _publish(self) -> None:
        """Apply the archive-wide rule and the baseline to the per-article results; index the flags."""
        from ..checks.baseline import apply_baseline
        from ..checks.pipeline import CheckReport, archive_stage

        articles = archive_stage([self.base[s] for s in self.order], self.renderings, self.glossary)
        report = CheckReport(self.signature, articles, glossary=self.glossary)
        entries = self.baseline_entries()
        if entries:
            apply_baseline(report, entries)
        self.stale = report.stale
        self.articles = {a.pair.slug: a for a in report.articles}
        items = {}
        for a in report.articles:
            for f in a.flags:
                fid = flag_id(a.pair.slug, f)
                items.setdefault(fid, Item(fid, a, f))
        self.items = items

    def baseline_entries(self) -> list:
        """The accepted flags (``accept.Entry``: with reason, author and date)."""
        from ..checks.accept import read_entries

        return read_entries(self.settings.baseline_path)

    # ------------------------------------------------------------ after a write

    def recheck_article(self, slug: str) -> None:
        """Check one article again (its file changed) and re-run the archive rule."""
        pair = self.pairs[slug]
        [(result, rend)] = self._check([pair])
        with self.lock:
            self.base[slug] = result
            self.renderings[slug] = rend
            self._publish()

    def refresh_baseline(self) -> None:
        with self.lock:
            self._publish()

    def recheck_archive(self, *, wait: bool = False) -> None:
        """Reload the glossary and check every article again, in a background thread unless ``wait``."""
        with self.lock:
            if self.recheck.running:
                return
            self.recheck = Recheck(running=True, total=len(self.order))

        def run() -> None:
            def tick() -> None:
                self.recheck.done += 1

            try:
                self.load_glossary()
                self._check_all(tick)
            except BilingualError as err:  # shown on the page; the desk keeps its last good state
                self.recheck.error = str(err)
            finally:
                self.recheck.running = False

        if wait:
            run()
        else:
            threading.Thread(target=run, name="bilingual-review-recheck", daemon=True).start()

    def require_idle(self) -> None:
        if self.recheck.running:
            raise Busy("the archive is being rechecked after a glossary change; try again in a moment")

    # ------------------------------------------------------------ queries

    def queue(self, *, kind: str | None = None, level: str | None = None, status: str = "all",
              q: str | None = None) -> tuple[list[Item], dict]:
        """The flags, new before accepted, then by level and archive order; and the counts the filters show."""
        with self.lock:
            items = list(self.items.values())
            position = {s: i for i, s in enumerate(self.order)}
        items.sort(key=lambda it: (it.flag.accepted, LEVEL_ORDER.get(it.flag.level, 3), position.get(it.slug, 0),
                                   it.flag.ru_index if it.flag.ru_index is not None else -1,
                                   it.flag.en_index if it.flag.en_index is not None else -1, it.id))
        needle = " ".join(q.split()).casefold() if q else ""

        def keep(it: Item, skip: str = "") -> bool:
            f = it.flag
            if kind and skip != "kind" and f.kind != kind:
                return False
            if level and skip != "level" and f.level != level:
                return False
            if skip != "status" and ((status == "new" and f.accepted) or (status == "accepted" and not f.accepted)):
                return False
            if needle:
                hay = " ".join(str(x) for x in (it.slug, f.kind, f.term or "", f.found or "", f.message,
                                                 f.en_text, f.ru_text)).casefold()
                if needle not in hay:
                    return False
            return True

        counts = {"kind": {}, "level": {}, "status": {"new": 0, "accepted": 0}}
        for it in items:
            if keep(it, "kind"):
                counts["kind"][it.flag.kind] = counts["kind"].get(it.flag.kind, 0) + 1
            if keep(it, "level"):
                counts["level"][it.flag.level] = counts["level"].get(it.flag.level, 0) + 1
            if keep(it, "status"):
                counts["status"]["accepted" if it.flag.accepted else "new"] += 1
        return [it for it in items if keep(it)], counts

    def item(self, fid: str) -> Item | None:
        with self.lock:
            return self.items.get(fid)

    def enforcer(self):
        if self._enforcer is None:
            from ..translate.enforce import Enforcer

            self._enforcer = Enforcer(self.glossary)
        return self._enforcer

    def warm(self) -> None:
        """Load what the first flag page needs ahead of it: fix's matcher and the tagger and parser
        the case resolver reads a sentence with (a few seconds, once per process)."""
        if self.glossary is not None and len(self.glossary):
            from ..russian import tagger

            self.enforcer()
            tagger.models()

    def errors(self) -> list:
        with self.lock:
            return [a for a in self.articles.values() if a.error]

    # ------------------------------------------------------------ what may be written

    def writable(self, path: str | os.PathLike, slug: str | None = None) -> Path:
        """``path`` resolved, if it is an article file of this archive (of article ``slug`` when given);
        UsageError otherwise."""
        real = Path(os.path.realpath(path))
        pairs = [self.pairs[slug]] if slug in self.pairs else [] if slug is not None else self.pairs.values()
        known = {os.path.realpath(p) for pair in pairs for p in (pair.en_path, pair.ru_path) if p}
        roots = [os.path.realpath(p) for p in self.settings.paths]
        inside = any(os.path.commonpath([str(real), r]) == r for r in roots if os.path.isdir(r))
        if str(real) not in known or not inside:
            raise UsageError("not an article file of the archive under review; refused", path=str(path))
        return real


class Busy(UsageError):
    """A write asked for while the archive is being rechecked."""


__all__ = ["Busy", "Desk", "Item", "Settings", "default_author", "flag_id"]
