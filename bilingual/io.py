"""Safe file writes: the output-path guard and atomic replacement.

``check_output`` runs before a command does any work: it refuses an output path
that names a file the command reads (after following symlinks, and across hard
links), a file inside a corpus the command reads, a folder, or a device, FIFO
or socket.

``atomic_open`` writes through a temporary file next to the *target* (the file
a symlink points to, so the link itself stays a link), fsyncs it, renames it
onto the target and fsyncs the folder: a reader never sees a half-written file,
and a killed run leaves the old file intact. A file with other hard links is
updated in place instead (its inode is what the other names share), from a
complete, fsynced copy that stays next to it until the update is done.

A file the tool makes afresh rather than updates (a backup, a cache, a lock)
is written with ``fresh=True``: whatever sits at its name (a symlink, a hard
link of another file) is replaced by a new regular file, never written through.

``read_regular`` is the one way a file is read whole: it opens without waiting
(a FIFO or a device is refused by its kind, never read), checks the size
limit before reading and reads at most the limit, so no input can hang a run
or fill its memory.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import Iterable

from .errors import InputError, OutputError

_SPECIAL = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
            (stat.S_ISSOCK, "a socket"))


def _kind(mode: int) -> str | None:
    """'a FIFO' etc. for anything an output can't be, or None for a regular file."""
    if stat.S_ISDIR(mode):
        return "a folder"
    for test, what in _SPECIAL:
        if test(mode):
            return what
    return None


def _inside(path: str, folder: str) -> bool:
    try:
        return os.path.commonpath([path, folder]) == folder
    except ValueError:  # different drives
        return False


def check_output(path: str | os.PathLike, *, reads: Iterable[str | os.PathLike | None] = (),
                 folders: Iterable[str | os.PathLike | None] = (), allow: Iterable[str | os.PathLike] = ()) -> Path:
    """Refuse (OutputError naming ``path``) an output that would destroy an input or can't be a file.

    ``reads`` are the files the command reads, ``folders`` the corpora it reads
    every file of; ``allow`` are inputs the caller explicitly lets the output
    replace (``fix --in-place``). Returns ``path`` unchanged.
    """
    path = Path(path)
    real = os.path.realpath(path)
    try:
        st = os.stat(path)  # follows links, /proc's magic ones too (/dev/stdout is then a FIFO or a tty)
    except FileNotFoundError:
        st = None
    except OSError as err:
        raise OutputError(f"can't write: {err.strerror or err}", path=str(path)) from None
    if st is not None:
        what = _kind(st.st_mode)
        if what:
            raise OutputError(f"is {what}, not a regular file; give a file name for -o", path=str(path))
    allowed = {_identity(a) for a in allow}
    for src in reads:
        if src is None:
            continue
        ident = _identity(src)
        if ident in allowed:
            continue
        if (st is not None and ident[1] == (st.st_dev, st.st_ino)) or ident[0] == real:
            raise OutputError(f"is also an input of this command ({src}); "
                              "writing there would destroy it — choose another output file", path=str(path))
    for folder in folders:
        if folder is None:
            continue
        top = os.path.realpath(folder)
        if os.path.isdir(top) and _inside(real, top):
            raise OutputError(f"is inside the corpus being read ({folder}); "
                              "choose an output file outside it", path=str(path))
    return path


def _identity(path: str | os.PathLike) -> tuple[str, tuple[int, int] | None]:
    real = os.path.realpath(path)
    try:
        st = os.stat(real)
        return real, (st.st_dev, st.st_ino)
    except OSError:
        return real, None


def move_aside(path: str | os.PathLike, label: str, companions: Iterable[str] = ()) -> str:
    """Rename ``path`` to ``<path>.<label>-<time>`` (and ``path + c`` for each companion suffix alike).

    Returns the new name. Nothing is deleted: the old file stays for inspection.
    """
    import time

    path = str(path)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    aside, n = f"{path}.{label}-{stamp}", 1
    while os.path.lexists(aside):
        n += 1
        aside = f"{path}.{label}-{stamp}-{n}"
    try:
        for suffix in ("", *companions):
            if os.path.lexists(path + suffix):
                os.rename(path + suffix, aside + suffix)
    except OSError as err:
        raise OutputError(f"can't move aside: {err.strerror or err}", path=path) from None
    fsync_folder(os.path.dirname(os.path.abspath(path)))
    return aside


def fsync_folder(folder: str | os.PathLike) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders can't be opened, as on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8", newline: str | None = None,
                *, fresh: bool = False, like: str | os.PathLike | None = None):
    """Open ``path`` for writing through a temporary file that replaces it on success.

    A symlink is followed: the file it points to is replaced and the link kept.
    With ``fresh`` the name itself is replaced: a symlink or a hard link there is
    not followed, and the new file gets the permissions of ``like`` (the file it
    is a copy of) when given. A failure to create, write or move the file raises
    OutputError naming ``path``, so every command reports it as one line
    whatever it was writing.
    """
    path = Path(path)
    if fresh:
        target = path
        try:
            st = os.lstat(path)
        except OSError:
            st = None
        if st is not None and stat.S_ISDIR(st.st_mode):
            raise OutputError("is a folder, not a regular file", path=str(path))
        if st is not None and not stat.S_ISLNK(st.st_mode) and _kind(st.st_mode):
            raise OutputError(f"is {_kind(st.st_mode)}, not a regular file", path=str(path))
        model = None
        if like is not None:
            with contextlib.suppress(OSError):
                model = os.stat(like)
        st = model  # the mode to give the new file; no other name shares it
    else:
        target = Path(os.path.realpath(path)) if path.is_symlink() else path
        try:
            st = os.stat(path)
        except OSError:
            st = None
        if st is not None and _kind(st.st_mode):
            raise OutputError(f"is {_kind(st.st_mode)}, not a regular file", path=str(path))
    binary = "b" in mode
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise OutputError(f"can't write: {err.strerror or err}", path=str(path)) from None
    try:
        with os.fdopen(fd, mode, **({} if binary else {"encoding": encoding, "newline": newline})) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if st is not None and st.st_nlink > 1 and not fresh:
            _copy_in_place(tmp, target, path)
            os.unlink(tmp)
        else:
            if st is not None:
                with contextlib.suppress(OSError):
                    os.chmod(tmp, st.st_mode & 0o7777)
            else:
                with contextlib.suppress(OSError):
                    umask = os.umask(0)
                    os.umask(umask)
                    os.chmod(tmp, 0o666 & ~umask)
            os.replace(tmp, target)
        fsync_folder(folder)
    except _KeptCopy:
        raise
    except OSError as err:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise OutputError(f"can't write: {err.strerror or err}", path=str(path)) from None
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _copy_in_place(src: str, target: Path, shown: Path) -> None:
    """Overwrite ``target``'s contents (its inode, shared by its hard links) with ``src``'s.

    Not atomic as a rename is, but ``src`` is complete and fsynced before the
    first byte of ``target`` changes; if the copy fails, ``src`` is kept and named.
    """
    try:
        with open(src, "rb") as new, open(target, "r+b") as old:
            shutil.copyfileobj(new, old)
            old.truncate()
            old.flush()
            os.fsync(old.fileno())
    except OSError as err:
        raise _KeptCopy(f"can't write: {err.strerror or err}; the complete new version is in {src}",
                        path=str(shown)) from None


class _KeptCopy(OutputError):
    """An in-place update failed after the new version was saved beside the file: keep that copy."""


def write_text_atomic(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> None:
    with atomic_open(path, "w", encoding=encoding, newline="") as fh:
        fh.write(text)


def write_bytes_atomic(path: str | os.PathLike, data: bytes, *, fresh: bool = False,
                       like: str | os.PathLike | None = None) -> None:
    with atomic_open(path, "wb", fresh=fresh, like=like) as fh:
        fh.write(data)


def read_regular(path: str | os.PathLike, *, limit: int | None = None, what: str = "files",
                 error: type[Exception] = InputError) -> bytes:
    """The bytes of the regular file at ``path`` (symlinks followed), read without waiting on it.

    Refuses (``error`` naming the path) a FIFO, a device, a socket or a folder,
    and a file over ``limit`` bytes ("``what`` are limited to ..."), before
    anything is read; a file that grows while read is cut off at the limit and
    refused too. A file that can't be opened raises the ``OSError`` itself, for
    the caller to word (a missing glossary is "glossary file not found").
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
    except OSError:
        os.close(fd)
        raise
    what_it_is = _kind(st.st_mode)
    if what_it_is or (limit is not None and st.st_size > limit):
        os.close(fd)
        if what_it_is:
            raise error(f"is {what_it_is}, not a regular file", path=str(path))
        raise error(f"file is {st.st_size / 1e6:.1f} MB; {what} are limited to {_mb(limit)}", path=str(path))
    # a regular file: O_NONBLOCK changes nothing for it. Read the size fstat gave and one byte
    # more (did it grow?), then on in blocks, never past the limit.
    parts, total, ask = [], 0, st.st_size + 1
    cap = None if limit is None else limit + 1
    try:
        while True:
            n = ask if cap is None else min(ask, cap - total)
            chunk = os.read(fd, n) if n > 0 else b""
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
            ask = 1 << 16
    except OSError as err:
        raise error(f"can't read: {err.strerror or err}", path=str(path)) from None
    finally:
        os.close(fd)
    data = parts[0] if len(parts) == 1 else b"".join(parts)
    if limit is not None and len(data) > limit:
        raise error(f"file is over {_mb(limit)}; {what} are limited to {_mb(limit)}", path=str(path))
    return data


def _mb(size: int) -> str:
    return f"{size / 1e6:.0f} MB" if size % 1_000_000 == 0 else f"{size / 1e6:.1f} MB"


def check_regular(path: str | os.PathLike, error: type[Exception] = InputError) -> None:
    """Refuse (``error`` naming it) a path that is there but is not a regular file, without opening it."""
    try:
        st = os.stat(path)
    except OSError:
        return  # the reader names a missing file in its own words
    what_it_is = _kind(st.st_mode)
    if what_it_is:
        raise error(f"is {what_it_is}, not a regular file", path=str(path))


# What a document format's first bytes say a file is: refused as text with that name.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (.docx, .odt, .epub ...)"),
    (b"\xd0\xcf\x11\xe0", "a legacy Office document (.doc)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
)


def binary_kind(data: bytes) -> str | None:
    """What a document format's magic bytes say the data is («a PDF document»), or None."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    return None


def walk(top: str | os.PathLike):
    """``os.walk(top)`` (top-down, symlinked folders listed but not entered, unreadable ones
    skipped) without recursion, so a tree nested thousands of folders deep is walked too."""
    stack = [os.fspath(top)]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError:
            continue
        dirnames, filenames, links = [], [], set()
        for entry in entries:
            try:
                is_dir = entry.is_dir()
                if is_dir and entry.is_symlink():  # listed, as os.walk does, but not entered
                    links.add(entry.name)
            except OSError:
                is_dir = False
            (dirnames if is_dir else filenames).append(entry.name)
        yield folder, dirnames, filenames  # the caller may prune dirnames, as with os.walk
        for name in reversed(dirnames):
            if name not in links:
                stack.append(os.path.join(folder, name))
