"""Batch translation of articles: read, look up the cache, translate the rest, enforce, write.

Every segment of the run is collected first, so the model sees whole runs
sorted by length rather than one paragraph at a time. Finished chunks are
committed to the translation cache as they arrive; documents are written
atomically once all their segments are known. A run killed at any point
therefore leaves complete files or none, and the rerun translates only what no
earlier run finished.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import BilingualError, CorpusError, UsageError
from ..model import Document, Glossary
from .cache import Entry, TranslationCache

DEFAULT_OUT = "ru.mt.md"
CHUNK = 64  # segments per commit: what a kill can cost at most


@dataclass
class Job:
    key: str  # stable name of the source document (its path)
    doc: Document
    out: Path
    title: str | None

    @property
    def segments(self) -> list[str]:
        segs = [s.text for s in self.doc.sentences]
        return ([self.title] if self.title else []) + segs


@dataclass
class SegmentResult:
    source: str
    target: str
    origin: str  # translated / cached / reused
    info: dict = field(default_factory=dict)


@dataclass
class TranslateSummary:
    model: str
    glossary_sha: str
    executor: str
    documents: int = 0
    segments: int = 0
    unique: int = 0
    translated: int = 0
    cached: int = 0
    reused: int = 0
    enforced: int = 0
    fallbacks: int = 0
    unprotected: int = 0  # sentences with glossary terms the placeholders couldn't protect
    seconds: float = 0.0
    cache_moved_aside: str | None = None  # where --rebuild-cache put a damaged cache
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # outputs already as they would be written: left alone
    skipped_human: list[str] = field(default_factory=list)  # English articles with a human ru file, not translated
    residual: list[dict] = field(default_factory=list)
    enforcements: list[dict] = field(default_factory=list)

    @property
    def segments_per_second(self) -> float:
        return self.translated / self.seconds if self.seconds > 0 else 0.0

    def flag_counts(self) -> dict[str, int]:
        return dict(Counter(f["kind"] for f in self.residual))

    def to_dict(self) -> dict:
        return {
            "model": self.model, "glossary_sha256": self.glossary_sha, "executor": self.executor,
            "documents": self.documents, "segments": self.segments, "unique_segments": self.unique,
            "translated": self.translated, "cached": self.cached, "reused": self.reused,
            "enforced": self.enforced, "fallbacks": self.fallbacks, "unprotected": self.unprotected,
            "seconds": round(self.seconds, 3), "segments_per_second": round(self.segments_per_second, 2),
            "written": self.written, "unchanged": self.unchanged, "skipped_human": self.skipped_human,
            "residual_flags": self.flag_counts(), "residual": self.residual,
            "enforcements": self.enforcements, "cache_moved_aside": self.cache_moved_aside,
        }


def check_out_name(out_name: str) -> str:
    """Refuse an --out-name that isn't a plain file name (UsageError), before any work."""
    name = out_name.strip()
    if not name or name in (".", "..") or ".." in name or "/" in name or "\\" in name or (
            os.altsep and os.altsep in name) or "\x00" in name:
        raise UsageError(f"--out-name must be a plain file name such as {DEFAULT_OUT} "
                         f"(no folder, no '..', not empty), not {out_name!r}")
    from ..sources.corpus import lang_from_name

    if lang_from_name(name) == "en":  # the corpus would read the Russian output as an English side
        raise UsageError(f"--out-name {out_name!r} is the English file's own name or another English "
                         f"side's (en.*): the corpus would read the Russian translation as English; "
                         f"use a name such as {DEFAULT_OUT}")
    return out_name


def output_path(en_path: Path, out_name: str = DEFAULT_OUT) -> Path:
    """corpus/<slug>/en.md -> corpus/<slug>/ru.mt.md; story.md -> story.ru.mt.md."""
    if en_path.stem.lower() == "en":
        return en_path.with_name(out_name)
    return en_path.with_name(f"{en_path.stem}.{out_name}")


def resegment(doc: Document, split: Callable[[str], list[str]]) -> Document:
    """The document with each paragraph cut into sentences by ``split`` (spans kept exact)."""
    from dataclasses import replace

    from ..model import Sentence

    sents: list[Sentence] = []
    for para in doc.paragraphs:
        pos = para.start
        for piece in split(para.text):
            start = doc.text.find(piece, pos, para.stop)
            if start < 0:  # the splitter changed the text: keep this paragraph as one segment
                sents = [s for s in sents if s.para != para.idx]
                sents.append(Sentence(0, para.idx, para.start, para.stop, para.text, para.heading))
                break
            sents.append(Sentence(0, para.idx, start, start + len(piece), piece, para.heading))
            pos = start + len(piece)
    sents = [replace(s, idx=i) for i, s in enumerate(sents)]
    return replace(doc, sentences=tuple(sents))


def collect_jobs(paths: list[str | os.PathLike], out_name: str = DEFAULT_OUT,
                 overwrite: bool = False, split: Callable[[str], list[str]] | None = None,
                 reads: tuple = (), all_articles: bool = True, skipped: list | None = None) -> list[Job]:
    """Read every English document to translate (all before any is written).

    Each output path is checked first: never an English source, nor one of
    ``reads`` (the glossary, the cache), nor a folder or special file. Without
    ``all_articles``, an article of a folder that has a human Russian version
    (``ru.md``) is left out and its English path added to ``skipped``.
    """
    check_out_name(out_name)
    from ..sources.corpus import find_pairs, read_document

    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            for pair in find_pairs([p]):
                if pair.en_path and pair.en_path != pair.ru_path:  # a CAT file is not an article
                    if pair.ru_path and not all_articles:
                        if skipped is not None:
                            skipped.append(pair.en_path)
                        continue
                    files.append(Path(pair.en_path))
        elif p.is_file():
            files.append(p)
        else:
            raise CorpusError("no such file or directory", path=str(p))
    if not files:
        if skipped:
            return []
        raise CorpusError("no English articles to translate", path=str(paths[0]) if paths else None)
    from ..io import check_output

    sources = list(dict.fromkeys(files))
    for f in sources:  # every output checked against every source before any document is read
        out = output_path(f, out_name)
        if os.path.realpath(out) == os.path.realpath(f):
            raise UsageError(f"--out-name {out_name!r} is the English file's own name; it would be "
                             "translated over", path=str(f))
        check_output(out, reads=[*sources, *reads])
    jobs = []
    for f in sources:
        doc = read_document(f, "en")
        if split is not None:
            doc = resegment(doc, split)
        out = output_path(f, out_name)
        if out.exists() and out_name != DEFAULT_OUT and not overwrite:
            raise UsageError(f"{out} exists and may be a human translation; pass --overwrite to replace it")
        title = doc.meta.get("title") if isinstance(doc.meta.get("title"), str) else None
        jobs.append(Job(str(f), doc, out, title or None))
    return jobs


def default_cache_path(paths: list[str | os.PathLike]) -> Path:
    first = Path(paths[0]) if paths else Path(".")
    root = first if first.is_dir() else first.parent
    return root / ".bilingual" / "translations.sqlite"


def render_document(job: Job, targets: dict[str, str], *, model: str, glossary_sha: str) -> str:
    """The translated article: the English layout with each sentence replaced, plus front matter."""
    doc = job.doc
    parts, last = [], 0
    for s in doc.sentences:
        parts.append(doc.text[last:s.start])
        parts.append(targets[s.text])
        last = s.stop
    parts.append(doc.text[last:])
    body = "".join(parts)
    meta = {}
    if job.title:
        meta["title"] = targets[job.title]
    for key in ("date", "url"):
        if isinstance(doc.meta.get(key), str):
            meta[key] = doc.meta[key]
    meta.update({"lang": "ru", "source": Path(doc.path).name, "machine_translation": model,
                 "glossary_sha256": glossary_sha})
    head = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in meta.items())
    return f"---\n{head}---\n{body}" + ("" if body.endswith("\n") else "\n")


def _clean_stale_temp(out: Path) -> None:
    """Remove temporary files a killed run left next to ``out`` (see bilingual.io.atomic_open)."""
    if out.parent.is_dir():
        for tmp in out.parent.glob(f".{out.name}.*.tmp"):
            try:
                tmp.unlink()
            except OSError:
                pass


def translate_corpus(
    paths: list[str | os.PathLike],
    *,
    glossary: Glossary | None = None,
    backend: str = "argos",
    backend_options: dict | None = None,
    cache_path: str | os.PathLike | None = None,
    executor: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    incremental: bool = False,
    out_name: str = DEFAULT_OUT,
    overwrite: bool = False,
    progress: Callable[[int, int], None] | None = None,
    chunk_size: int = CHUNK,
    splitter: str = "project",
    rebuild_cache: bool = False,
    all_articles: bool = True,
) -> TranslateSummary:
    """Translate English articles to Russian and write ``ru.mt.md`` next to each.

    ``splitter``: "project" (the project's segmenter, pysbd) or "package" (the
    sentence splitter shipped in the model package). ``all_articles=False`` leaves
    out the articles of a folder that have a human ``ru.md`` (``summary.skipped_human``).
    Each article is written as soon as its last sentence is translated, and only when
    its text changed (``summary.unchanged`` lists the others). Interrupted (Ctrl-C),
    it raises ``Interrupted`` saying what was kept.
    """
    from .chunks import make_executor, process_backend

    options = dict(backend_options or {})
    check_out_name(out_name)
    if splitter not in ("project", "package"):
        raise UsageError(f"unknown splitter {splitter!r} (project or package)")
    cache_file = Path(cache_path or default_cache_path(paths))
    skipped: list[str] = []
    jobs = collect_jobs(paths, out_name, overwrite, None, reads=(cache_file, getattr(glossary, "path", None)),
                        all_articles=all_articles, skipped=skipped)
    if not jobs:  # every article already has a human translation
        return TranslateSummary("-", glossary.sha if glossary is not None else "none", executor, skipped_human=skipped)
    if splitter == "package":
        split = process_backend(backend, options).split_sentences
        jobs = [Job(j.key, resegment(j.doc, split), j.out, j.title) for j in jobs]
    if executor == "dask" and "inter_threads" not in options:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        options["inter_threads"] = max(1, cores // (workers or 2))
    model_id = _model_id(backend, options)  # the model itself loads only if something is left to translate
    gsha = glossary.sha if glossary is not None else "none"
    cache = TranslationCache(cache_file, rebuild=rebuild_cache)
    summary = TranslateSummary(model_id, gsha, executor, documents=len(jobs),
                               cache_moved_aside=cache.moved_aside, skipped_human=skipped)
    written: set[int] = set()

    def write_done() -> None:
        """Write every article whose sentences are all translated and that isn't written yet."""
        for k, job in enumerate(jobs):
            if k not in written and all(s in results for s in job.segments):
                written.add(k)
                _write_job(job, results, cache, summary, model_id, gsha)

    try:
        results: dict[str, SegmentResult] = {}
        all_segments: list[str] = []
        for job in jobs:
            segs = job.segments
            all_segments.extend(segs)
            if incremental:
                for src, entry in cache.last_outputs(job.key).items():
                    if src in segs and src not in results:
                        results[src] = SegmentResult(src, entry.target, "reused", entry.info)
        summary.segments = len(all_segments)
        unique = [s for s in dict.fromkeys(all_segments) if s not in results]
        summary.unique = len(dict.fromkeys(all_segments))
        for src, entry in cache.get_many(model_id, gsha, unique).items():
            results[src] = SegmentResult(src, entry.target, "cached", entry.info)
        pending = [s for s in unique if s not in results]
        pending.sort(key=len)
        chunks = [pending[i:i + chunk_size] for i in range(0, len(pending), chunk_size)]
        done = 0
        if progress:
            progress(0, len(pending))
        write_done()  # articles served whole from the cache
        runner = make_executor(executor, backend, options, workers=workers, scheduler=scheduler) if chunks else None
        started = time.perf_counter()
        try:
            if runner is not None:
                runner.prepare()  # load the model (or start the cluster) before the clock starts
                started = time.perf_counter()
                try:
                    for entries in runner.run(chunks, glossary):
                        cache.put_many(model_id, gsha, entries)
                        for e in entries:
                            results[e.source] = SegmentResult(e.source, e.target, "translated", e.info)
                        done += len(entries)
                        write_done()
                        if progress:
                            progress(done, len(pending))
                finally:
                    runner.close()
        except KeyboardInterrupt:
            raise Interrupted(summary, len(jobs), done, len(pending)) from None
        summary.seconds = time.perf_counter() - started
        _summarise(summary, jobs, results, glossary)
        write_done()
    finally:
        cache.close()
    return summary


def _write_job(job: Job, results: dict, cache, summary: TranslateSummary, model_id: str, gsha: str) -> None:
    """Write one finished article (atomically), unless the file already holds exactly this text."""
    from ..io import write_text_atomic

    _clean_stale_temp(job.out)
    targets = {s: results[s].target for s in job.segments}
    text = render_document(job, targets, model=model_id, glossary_sha=gsha)
    try:
        same = job.out.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        same = False
    if same:
        summary.unchanged.append(str(job.out))
    else:
        write_text_atomic(job.out, text)
        summary.written.append(str(job.out))
    cache.set_last_outputs(job.key, [Entry(s, results[s].target, "", results[s].info)
                                     for s in dict.fromkeys(job.segments)])


class Interrupted(BilingualError):
    """Ctrl-C during a translation run: what was kept, and how to go on."""

    exit_code = 130

    def __init__(self, summary: TranslateSummary, documents: int, done: int, pending: int):
        kept = len(summary.written) + len(summary.unchanged)
        super().__init__(f"interrupted: {kept} of {documents} article(s) written in full, {done} of {pending} "
                         "new sentences translated and kept in the translation cache; run the same command "
                         "again to resume (nothing kept is translated again)")
        self.summary = summary


def _model_id(backend: str, options: dict) -> str:
    """The backend's model id without loading the model here (the workers load it)."""
    if backend == "argos":
        from .models import find_model, model_id

        info = find_model(options.get("model"), options.get("from_code", "en"), options.get("to_code", "ru"))
        return model_id(info, options.get("beam", 4))
    from .chunks import process_backend

    return process_backend(backend, options).model_id


def _summarise(summary: TranslateSummary, jobs: list[Job], results: dict[str, SegmentResult],
               glossary: Glossary | None) -> None:
    from ..checks.drift import check_pairs

    counted: set[str] = set()
    for job in jobs:
        segs = job.segments
        for s in segs:
            r = results[s]
            if s in counted:
                continue
            counted.add(s)
            if r.origin == "translated":
                summary.translated += 1
            elif r.origin == "cached":
                summary.cached += 1
            else:
                summary.reused += 1
            reps = r.info.get("replacements", [])
            summary.enforced += len(reps)
            if r.info.get("method") == "fallback":
                summary.fallbacks += 1
            elif r.info.get("method") == "unprotected":
                summary.unprotected += 1
            for rep in reps:
                summary.enforcements.append({"document": job.key, "source": s, **rep})
        if glossary is not None and len(glossary):
            flags = check_pairs(segs, [results[s].target for s in segs], glossary)
            for f in flags:
                d = f.to_dict()
                d["document"] = job.key
                summary.residual.append(d)
