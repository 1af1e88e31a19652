"""Many pieces of work at once: in this process, in worker processes, or on a Dask cluster.

The one map that ``check``, ``glossary mine`` and ``translate`` run their work through. Work goes
out in chunks and comes back *in order*, so a report is the same byte for byte whichever way it
ran. Each worker process receives the run's context once; a ``"warm"`` function in the context
(a module-level function, so that it pickles) loads what every chunk needs (a glossary matcher,
pymorphy3, a translation model) once per worker, before the first chunk. Log warnings raised
while reading a file are caught with ``captured_warnings`` where the work is done and handed back
with its result, so a command prints them in order whichever process read the file.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Callable, Iterator, Sequence

from .errors import BilingualError, MissingExtraError, UsageError

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


# ---------------------------------------------------------------- per-process state

_CONTEXT: dict = {}  # set once per worker process by the pool's initializer


def warm(context: dict) -> None:
    """Run the context's ``warm`` function, if it has one (loads what every chunk needs)."""
    fn = context.get("warm")
    if fn is not None:
        fn(context)


def _init_worker(context: dict, parent: int | None = None) -> None:
    if parent is not None:
        watch_parent(parent)
    _CONTEXT.clear()
    _CONTEXT.update(context)
    warm(context)


def watch_parent(pid: int, every: float = 0.5) -> None:
    """End this worker process as soon as process ``pid`` (the run that started it) is gone.

    A worker's parent is the forkserver, not the run, so the kernel's parent-death signal would
    not fire when the run is killed (``kill -9``); a daemon thread waits on the run's process
    instead: a pidfd where the system has them (exact), else a poll that the pid still exists.
    """
    def wait() -> None:
        import select

        try:
            fd = os.pidfd_open(pid)
        except (AttributeError, OSError):
            fd = None
        while True:
            if fd is not None:
                ready, _, _ = select.select([fd], [], [], None)
                if ready:
                    break
                continue
            time.sleep(every)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            except PermissionError:
                continue
        os._exit(1)  # no cleanup to do: results go back to a run that no longer exists

    if pid != os.getpid():
        threading.Thread(target=wait, name="bilingual-parent-watch", daemon=True).start()


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
    local = plan.executor != "dask" and not (width > 1 and len(items) >= MIN_PER_WORKER * width)
    for done in map_chunks(fn, chunks, context, Plan(jobs=1) if local else plan):
        yield from done


def map_chunks(fn: Callable[[dict, list], list], chunks: Sequence[list], context: dict, plan: Plan, *,
               client=None) -> Iterator[list]:
    """``fn(context, chunk)`` for each chunk, yielding each chunk's result list in chunk order.

    ``client``: an open Dask client to use (and leave open) instead of one made from ``plan``.
    """
    if not chunks:
        return
    if plan.executor == "dask" or client is not None:
        yield from _dask_map(fn, chunks, context, plan, client)
    elif plan.width > 1:
        yield from _pool_map(fn, chunks, context, min(plan.width, len(chunks)))
    else:
        warm(context)
        for chunk in chunks:
            yield fn(context, chunk)


def _pool_map(fn, chunks: list[list], context: dict, jobs: int) -> Iterator:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # forkserver: workers start from a clean process that has imported the package once,
    # never from a copy of this one (which may hold threads: the progress bar, a Dask client)
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        preload = ["bilingual.executors", *context.get("preload", ())]
        ctx.set_forkserver_preload(preload)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker,
                               initargs=(context, os.getpid()))  # workers end with this process
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
            yield done
    finally:
        for fut in queue:
            fut.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


CONNECT_TIMEOUT = 10  # seconds for each step of reaching a Dask scheduler
_SCHEMES = ("tcp", "tls", "ws", "wss")


def scheduler_address(address: str) -> str:
    """``address`` checked as a Dask scheduler's (``tcp://host:port``, tls, ws, wss; a bare
    ``host:port`` is tcp), and a TCP connection to it opened and closed within the timeout, so a
    typo or a closed port is one line at once rather than a wait; UsageError otherwise."""
    import socket
    from urllib.parse import urlsplit

    raw = address.strip()
    full = raw if "://" in raw else f"tcp://{raw}"
    try:
        parts = urlsplit(full)
        host, port = parts.hostname, parts.port
    except ValueError as err:
        raise UsageError(f"--scheduler {address!r} is not a Dask scheduler address ({err}); "
                         "give tcp://HOST:PORT") from None
    if parts.scheme not in _SCHEMES or not host or port is None or parts.path not in ("", "/"):
        raise UsageError(f"--scheduler {address!r} is not a Dask scheduler address; give tcp://HOST:PORT "
                         f"({', '.join(_SCHEMES)})")
    try:
        socket.create_connection((host, port), timeout=CONNECT_TIMEOUT).close()
    except OSError as err:
        raise UsageError(f"can't reach the Dask scheduler {address}: {err.strerror or err}") from None
    return full


def _bounded(make: Callable, seconds: float):
    """``make()`` in a daemon thread (never waited for at exit), given up on after ``seconds``
    (TimeoutError); what it raises is raised here."""
    box: dict = {}

    def run() -> None:
        try:
            box["value"] = make()
        except BaseException as err:  # noqa: BLE001 — handed to the caller's thread
            box["error"] = err

    thread = threading.Thread(target=run, name="bilingual-connect", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise TimeoutError(f"no answer in {seconds:.0f} s")
    if "error" in box:
        raise box["error"]
    return box["value"]


@contextlib.contextmanager
def dask_client(plan: Plan):
    """A Dask client for ``plan``: the scheduler it names, or a local cluster of ``plan.workers``."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as err:
        raise MissingExtraError("dask", f"--executor dask ({err.name})") from err
    cluster = None
    try:
        if plan.scheduler:
            import dask

            address = scheduler_address(plan.scheduler)
            # every step of the handshake is bounded: a service that accepts and never answers
            # fails at the timeout like a host that never accepts
            with dask.config.set({"distributed.comm.timeouts.connect": f"{CONNECT_TIMEOUT}s",
                                  # the kernel's keep-alive on the connection: distributed asks for 11 s at least
                                  "distributed.comm.timeouts.tcp": f"{max(CONNECT_TIMEOUT, 15)}s",
                                  "distributed.comm.retry.count": 0}):
                client = _bounded(lambda: Client(address, timeout=CONNECT_TIMEOUT), CONNECT_TIMEOUT + 5)
        else:
            import dask

            # the workers' statistical profiler samples the running thread every 10 ms: a cost
            # pure-Python tasks pay in full, for a dashboard nobody reads in a batch run
            with dask.config.set({"distributed.worker.profile.enabled": False}):
                cluster = LocalCluster(n_workers=plan.workers or 2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0")  # any free port: never "8787 is in use"
            client = Client(cluster)
    except UsageError:
        raise
    except Exception as err:  # noqa: BLE001 — whatever a non-scheduler answers with (a web server's reply
        # read as a frame length asks for exabytes), the run stops with one line naming the address
        if cluster is not None:
            cluster.close()
        why = " ".join(str(err).split())[:160] or type(err).__name__
        raise UsageError(f"can't reach the Dask scheduler {plan.scheduler or '(local)'}: {why}") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _dask_map(fn, chunks: Sequence[list], context: dict, plan: Plan, client=None) -> Iterator[list]:
    from distributed import KilledWorker

    with contextlib.ExitStack() as stack:
        if client is None:
            client = stack.enter_context(dask_client(plan))
        shared = client.scatter(context, broadcast=True)
        futures = deque(client.submit(_dask_task, fn, shared, chunk, pure=False) for chunk in chunks)
        try:
            while futures:
                fut = futures.popleft()
                try:
                    done = fut.result()
                except KilledWorker as err:
                    raise WorkerError(f"Dask workers died on a task ({err})") from None
                fut.release()
                yield done
        finally:
            for fut in futures:
                fut.cancel()


def _dask_task(fn, context: dict, chunk: list) -> list:
    warm(context)  # once per worker: the matcher and pymorphy3 stay loaded in the worker process
    return fn(context, chunk)


__all__ = ["EXECUTORS", "Plan", "WorkerError", "captured_warnings", "cores", "dask_client", "map_chunks",
           "ordered_map"]
