"""Translating chunks of segments: in this process, or on a Dask cluster through ``bilingual.executors``.

A chunk is translated *and* glossary-enforced by the same function on either
executor, so the two produce identical results. Each process (this one, or a
Dask worker) loads the model once and keeps it; only the client writes to the
translation cache.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Callable, Iterator

from ..errors import UsageError
from ..model import Glossary
from .cache import Entry
from .enforce import Enforcer

# (backend name, options) -> backend, and glossary sha -> Enforcer, per process
_BACKENDS: dict[tuple, object] = {}
_ENFORCERS: dict[str, Enforcer] = {}
_LOCK = threading.Lock()


def _key(name: str, options: dict) -> tuple:
    return (name, tuple(sorted(options.items())))


def process_backend(name: str, options: dict):
    """This process's instance of a backend, created on first use."""
    from .backends import get_backend

    key = _key(name, options)
    with _LOCK:
        backend = _BACKENDS.get(key)
        if backend is None:
            backend = _BACKENDS[key] = get_backend(name, **options)
    return backend


def _load_backend(name: str, options: dict) -> str:
    return process_backend(name, options).model_id  # the id, not the engine, travels back


def register_backend(name: str, options: dict, backend) -> None:
    """Use an already-built backend for (name, options) in this process."""
    _BACKENDS[_key(name, options)] = backend


def _enforcer(glossary: Glossary | None) -> Enforcer:
    key = glossary.sha if glossary is not None else ""
    with _LOCK:
        enf = _ENFORCERS.get(key)
        if enf is None:
            enf = _ENFORCERS[key] = Enforcer(glossary)
    return enf


def translate_chunk(name: str, options: dict, glossary: Glossary | None, sources: list[str]) -> list[Entry]:
    """Translate one chunk with glossary protection; fall back per sentence when placeholders break."""
    backend = process_backend(name, options)
    enforcer = _enforcer(glossary)
    protected = [enforcer.protect(s) for s in sources]
    return finish_chunk(backend, enforcer, protected, backend.translate_batch([p.text for p in protected]))


def finish_chunk(backend, enforcer: Enforcer, protected: list, raw: list[str]) -> list[Entry]:
    """Restore the glossary in the model's output; retranslate unprotected where that fails."""
    results: list[Entry | None] = []
    retry: list[int] = []
    for i, (p, mt) in enumerate(zip(protected, raw)):
        done = enforcer.restore(p, mt)
        if done is None:
            retry.append(i)
            results.append(None)
        else:
            results.append(Entry(p.source, done.text, mt, done.to_dict()))
    if retry:
        plain = backend.translate_batch([protected[i].source for i in retry])
        for i, mt in zip(retry, plain):
            done = enforcer.correct(mt, method="fallback")
            info = done.to_dict()
            info["method"] = "fallback"
            info["notes"] = ["placeholders lost by the model; translated unprotected and corrected"]
            results[i] = Entry(protected[i].source, done.text, mt, info)
    return [r for r in results if r is not None]


class LocalExecutor:
    """Translates here; the engine works on the next chunks while this thread restores the last one."""

    name = "local"
    AHEAD = 3  # chunks queued in the engine beyond the one being restored

    def __init__(self, backend: str, options: dict):
        self.backend, self.options = backend, options

    def prepare(self) -> None:
        process_backend(self.backend, self.options)

    def run(self, chunks: list[list[str]], glossary: Glossary | None) -> Iterator[list[Entry]]:
        backend = process_backend(self.backend, self.options)
        enforcer = _enforcer(glossary)
        submit = getattr(backend, "translate_async", None)
        if submit is None:
            for chunk in chunks:
                yield translate_chunk(self.backend, self.options, glossary, chunk)
            return
        queue: list[tuple[list, Callable[[], list[str]]]] = []
        todo = iter(chunks)

        def refill():
            while len(queue) <= self.AHEAD:
                chunk = next(todo, None)
                if chunk is None:
                    return
                protected = [enforcer.protect(s) for s in chunk]
                queue.append((protected, submit([p.text for p in protected])))

        refill()
        while queue:
            protected, wait = queue.pop(0)
            raw = wait()
            refill()
            yield finish_chunk(backend, enforcer, protected, raw)

    def close(self) -> None:
        pass


def _translate_task(context: dict, chunk: list[str]) -> list[Entry]:
    return translate_chunk(context["backend"], context["options"], context["glossary"], chunk)


def _warm_backend(context: dict) -> None:
    process_backend(context["backend"], context["options"])


class DaskExecutor:
    """Chunks go to Dask workers (the shared executor's Dask map); results come back in chunk order."""

    name = "dask"

    def __init__(self, backend: str, options: dict, *, workers: int = 2, scheduler: str | None = None):
        from ..executors import Plan, dask_client

        self.backend, self.options = backend, options
        self.plan = Plan(executor="dask", workers=None if scheduler else workers, scheduler=scheduler)
        self._open = contextlib.ExitStack()  # the client (and a local cluster) until close()
        self.client = self._open.enter_context(dask_client(self.plan))

    def prepare(self) -> None:
        """Load the model on every worker now, once per worker process."""
        self.client.run(_load_backend, self.backend, self.options)

    def run(self, chunks: list[list[str]], glossary: Glossary | None) -> Iterator[list[Entry]]:
        from ..executors import map_chunks

        context = {"backend": self.backend, "options": self.options, "glossary": glossary, "warm": _warm_backend}
        yield from map_chunks(_translate_task, chunks, context, self.plan, client=self.client)

    def close(self) -> None:
        self._open.close()


def make_executor(kind: str, backend: str, options: dict, *, workers: int | None = None,
                  scheduler: str | None = None) -> LocalExecutor | DaskExecutor:
    if kind == "local":
        if scheduler:
            raise UsageError("--scheduler needs --executor dask")
        return LocalExecutor(backend, options)
    if kind == "dask":
        return DaskExecutor(backend, options, workers=workers or 2, scheduler=scheduler)
    raise UsageError(f"unknown executor {kind!r} (local or dask)")


ProgressFn = Callable[[int, int], None]
