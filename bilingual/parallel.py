"""Many articles at once: in this process, in worker processes, or on a Dask cluster.

Work goes out in chunks of a few articles and comes back *in article order*,
so a report is the same byte for byte whichever way it ran. Each worker
process receives the run's context (the glossary, the options) once, builds
the glossary matcher and loads pymorphy3 once, and keeps them for every chunk
it is given. Log warnings raised while reading a file (a legacy encoding) are
caught where the article is read and handed back with its result, so the
command prints them in article order whichever process read the file.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections import deque
from dataclasses import dataclass
from typing import Callable, Iterator, Sequence

from .errors import BilingualError, MissingExtraError, UsageError
from .model import ArticlePair, ArticleResult, Glossary

EXECUTORS = ("local", "dask")
MAX_CHUNK = 8  # articles per task: small enough to keep both cores busy to the end
AHEAD = 3  # chunks queued per worker beyond the one it is working on
# fewer articles than this per worker are checked here: starting workers (a fork server importing
# the package, each worker loading pymorphy3, langdetect and the matcher) costs about 1.7 s of
# wall time against 1 s for loading them here, and an article about 60 ms
MIN_PER_WORKER = 12


class WorkerError(BilingualError):
    """A worker process or Dask worker died while checking."""


def cores() -> int:
    """The CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Outcome:
    """One article's result, its renderings (for the archive-wide rule) and its reading warnings."""

    result: ArticleResult
    renderings: list
    warnings: tuple[str, ...] = ()


# ---------------------------------------------------------------- per-process state

_CONTEXT: dict = {}  # set once per worker process by the pool's initializer


def process_matcher(glossary: Glossary | None):
    """The glossary's matcher in this process, built on first use (None for no glossary).

    The same one the aligner and the rules get from ``matcher_for``: the glossary object a
    worker was given lives as long as the worker, and so does its matcher.
    """
    if glossary is None or not len(glossary):
        return None
    from .glossary import matcher_for

    return matcher_for(glossary)


def warm(context: dict) -> None:
    """Load what every article needs (matcher, pymorphy3) before the first one arrives."""
    from . import morph

    process_matcher(context.get("glossary"))
    morph.lemma("проверка")


def _init_worker(context: dict) -> None:
    _CONTEXT.clear()
    _CONTEXT.update(context)
    warm(context)


def _in_worker(fn: Callable, chunk: list) -> list:
    return fn(_CONTEXT, chunk)


class _Capture(logging.Filter):
    """Keeps the records of threads that are collecting (and drops them before any handler)."""

    def __init__(self) -> None:
        super().__init__()
        self.local = threading.local()

    def filter(self, record: logging.LogRecord) -> bool:
        kept = getattr(self.local, "messages", None)
        if kept is None:
            return True
        kept.append(record.getMessage())
        return False


_CAPTURE = _Capture()


@contextlib.contextmanager
def captured_warnings():
    """The ``bilingual`` logger's records from this thread while the block runs, kept instead of printed."""
    log = logging.getLogger("bilingual")
    if _CAPTURE not in log.filters:
        log.addFilter(_CAPTURE)
    outer = getattr(_CAPTURE.local, "messages", None)
    messages: list[str] = []
    _CAPTURE.local.messages = messages
    try:
        yield messages
    finally:
        _CAPTURE.local.messages = outer


def check_chunk(context: dict, pairs: list[ArticlePair]) -> list[Outcome]:
    """The per-article step of `check`, for a few articles: the same code on every executor."""
    from .pipeline import check_article

    glossary = context.get("glossary")
    matcher = process_matcher(glossary)
    out = []
    for pair in pairs:
        with captured_warnings() as warnings:
            result, renderings = check_article(pair, glossary, mode=context.get("mode", "default"),
                                               matcher=matcher, keep_alignment=context.get("keep_alignment", False))
        out.append(Outcome(result, renderings, tuple(warnings)))
    return out


# ---------------------------------------------------------------- executors


@dataclass(frozen=True)
class Plan:
    """Where the work runs: ``jobs`` processes here, or Dask (``workers`` local ones, or ``scheduler``)."""

    jobs: int = 1
    executor: str = "local"
    workers: int | None = None
    scheduler: str | None = None

    def __post_init__(self):
        if self.executor not in EXECUTORS:
            raise UsageError(f"unknown executor {self.executor!r} (local or dask)")
        if self.jobs < 1:
            raise UsageError(f"--jobs must be at least 1, not {self.jobs}")
        if self.executor == "local" and (self.workers or self.scheduler):
            raise UsageError(f"{'--scheduler' if self.scheduler else '--workers'} needs --executor dask")
        if self.executor == "dask" and self.jobs > 1:
            raise UsageError("--jobs is for the local executor; a local Dask cluster takes --workers")
        if self.workers and self.scheduler:
            raise UsageError("give --workers (a local Dask cluster) or --scheduler (an existing one), not both")

    @property
    def width(self) -> int:
        """How many articles are in flight at once."""
        return (self.workers or 2) if self.executor == "dask" else self.jobs


def ordered_map(fn: Callable[[dict, list], list], items: Sequence, context: dict, plan: Plan) -> Iterator:
    """``fn(context, chunk)`` over chunks of ``items``; yields each item's result, in order."""
    if not items:
        return
    width = plan.width
    size = max(1, min(MAX_CHUNK, len(items) // (width * 4) or 1))
    chunks = [list(items[i:i + size]) for i in range(0, len(items), size)]
    if plan.executor == "dask":
        yield from _dask_map(fn, chunks, context, plan)
    elif width > 1 and len(items) >= MIN_PER_WORKER * width:
        yield from _pool_map(fn, chunks, context, min(width, len(chunks)))
    else:
        warm(context)
        for chunk in chunks:
            yield from fn(context, chunk)


def _pool_map(fn, chunks: list[list], context: dict, jobs: int) -> Iterator:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # forkserver: workers start from a clean process that has imported the package once,
    # never from a copy of this one (which may hold threads: the progress bar, a Dask client)
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(["bilingual.parallel", "bilingual.pipeline", "bilingual.align",
                                    "bilingual.drift", "bilingual.rendering", "bilingual.glossary"])
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker, initargs=(context,))
    queue: deque = deque()
    todo = iter(chunks)
    try:
        for chunk in todo:
            queue.append(pool.submit(_in_worker, fn, chunk))
            if len(queue) >= jobs * (AHEAD + 1):
                break
        while queue:
            try:
                done = queue.popleft().result()
            except BrokenProcessPool as err:  # a worker was killed (out of memory, a signal)
                raise WorkerError(f"a worker process died ({err}); rerun with --jobs 1 to see why") from None
            nxt = next(todo, None)
            if nxt is not None:
                queue.append(pool.submit(_in_worker, fn, nxt))
            yield from done
    finally:
        for fut in queue:
            fut.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _dask_map(fn, chunks: list[list], context: dict, plan: Plan) -> Iterator:
    try:
        from dask.distributed import Client, LocalCluster
        from distributed import KilledWorker
    except ImportError as err:
        raise MissingExtraError("dask", f"--executor dask ({err.name})") from err
    cluster = None
    try:
        if plan.scheduler:
            client = Client(plan.scheduler, timeout=30)
        else:
            import dask

            # the workers' statistical profiler samples the running thread every 10 ms: a cost
            # pure-Python tasks pay in full, for a dashboard nobody reads in a batch run
            with dask.config.set({"distributed.worker.profile.enabled": False}):
                cluster = LocalCluster(n_workers=plan.workers or 2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0")  # any free port: never "8787 is in use"
            client = Client(cluster)
    except (OSError, TimeoutError) as err:
        if cluster is not None:
            cluster.close()
        raise UsageError(f"can't reach the Dask scheduler {plan.scheduler or '(local)'}: {err}") from err
    try:
        shared = client.scatter(context, broadcast=True)
        futures = deque(client.submit(_dask_task, fn, shared, chunk, pure=False) for chunk in chunks)
        while futures:
            fut = futures.popleft()
            try:
                done = fut.result()
            except KilledWorker as err:
                raise WorkerError(f"Dask workers died on a task ({err})") from None
            fut.release()
            yield from done
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _dask_task(fn, context: dict, chunk: list) -> list:
    warm(context)  # once per worker: the matcher and pymorphy3 stay loaded in the worker process
    return fn(context, chunk)


__all__ = ["EXECUTORS", "Outcome", "Plan", "captured_warnings", "check_chunk", "cores", "ordered_map",
           "process_matcher"]
