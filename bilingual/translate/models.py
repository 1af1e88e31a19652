"""Install, list and remove Argos Translate model packages (``.argosmodel``).

Packages go to Argos's own package folder (``ARGOS_PACKAGES_DIR`` or its
default), read at call time so a changed environment is honoured. An archive is
checked before anything is extracted: one top folder, no absolute paths, no
``..``, no links, a ``metadata.json`` and a CTranslate2 ``model/``.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import MissingExtraError, ModelError

INDEX_TIMEOUT = 10.0  # seconds; offline must fail fast, never hang


@dataclass(frozen=True)
class ModelInfo:
    name: str  # the package folder name, e.g. translate-en_ru-1_9
    from_code: str
    to_code: str
    version: str
    path: str
    sentence_splitter: str  # minisbd / stanza / none

    def to_dict(self) -> dict:
        return {"name": self.name, "from": self.from_code, "to": self.to_code, "version": self.version,
                "path": self.path, "sentence_splitter": self.sentence_splitter}


def model_id(info: ModelInfo, beam: int) -> str:
    """What identifies a translation in the cache: the model, its version and the beam."""
    return f"argos:{info.name}@{info.version}|beam{beam}"


def _argos():
    """Import argostranslate with its package folder pointed at the current setting."""
    try:
        from argostranslate import package, settings
    except ImportError as err:
        raise MissingExtraError("translate", f"Argos Translate models ({err.name})") from err
    wanted = os.environ.get("ARGOS_PACKAGES_DIR")
    if wanted and Path(wanted) != settings.package_data_dir:
        settings.package_data_dir = Path(wanted)
        settings.package_dirs[:] = [Path(wanted)]
    settings.package_data_dir.mkdir(parents=True, exist_ok=True)
    return package, settings


def packages_dir() -> Path:
    return _argos()[1].package_data_dir


# An archive that would extract to more than this, or that much more than its own size, is
# refused (a zip bomb); the zip reader stops each member at its declared size, so the
# declared sizes checked here bound what extraction writes.
MAX_MODEL_BYTES = 4 * 1024 ** 3
MAX_COMPRESSION_RATIO = 100
_RATIO_FLOOR = 1024 ** 2  # a few kilobytes of metadata may compress as well as they like


def check_archive(path: str | os.PathLike) -> str:
    """Validate an .argosmodel archive without extracting it; return its top folder name."""
    path = Path(path)
    if not path.is_file():
        raise ModelError("no such model file", path=str(path))
    if not zipfile.is_zipfile(path):
        raise ModelError("not an Argos model (.argosmodel must be a zip archive)", path=str(path))
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            tops = set()
            for info in infos:
                name = info.filename
                parts = PurePosixPath(name.replace("\\", "/")).parts
                if (name.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0])
                        or not parts):
                    raise ModelError(f"archive member {name!r} would be written outside the package folder",
                                     path=str(path))
                if stat.S_ISLNK(info.external_attr >> 16):
                    raise ModelError(f"archive member {name!r} is a link; refusing to install", path=str(path))
                tops.add(parts[0])
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos)
            if total > MAX_MODEL_BYTES:
                raise ModelError(f"archive would extract to {total / 1024 ** 3:.1f} GB; models are limited to "
                                 f"{MAX_MODEL_BYTES / 1024 ** 3:.0f} GB", path=str(path))
            if total > _RATIO_FLOOR and total > MAX_COMPRESSION_RATIO * max(packed, 1):
                raise ModelError(f"archive would extract to {total / max(packed, 1):.0f} times its size "
                                 f"(a zip bomb?); refused above {MAX_COMPRESSION_RATIO}", path=str(path))
            names = {i.filename.rstrip("/") for i in infos}
            if len(tops) != 1:
                raise ModelError(f"an .argosmodel has one top folder, this one has {len(tops)}", path=str(path))
            top = tops.pop()
            for required in ("metadata.json", "model/model.bin"):
                if f"{top}/{required}" not in names:
                    raise ModelError(f"not an Argos model: {top}/{required} is missing", path=str(path))
            try:
                meta = json.loads(zf.read(f"{top}/metadata.json"))
            except (ValueError, UnicodeDecodeError) as err:
                raise ModelError(f"{top}/metadata.json is not valid JSON: {err}", path=str(path)) from err
    except zipfile.BadZipFile as err:
        raise ModelError(f"damaged zip archive: {err}", path=str(path)) from err
    if not isinstance(meta, dict) or not meta.get("from_code") or not meta.get("to_code"):
        raise ModelError(f"{top}/metadata.json lacks from_code/to_code", path=str(path))
    return top


def installed_copy(path: str | os.PathLike) -> ModelInfo | None:
    """The installed model that ``path`` (a .argosmodel file) would install, when its metadata is
    byte for byte the archive's (the same model and version), else None."""
    top = check_archive(path)
    package, settings = _argos()
    target = settings.package_data_dir / top
    if not (target / "metadata.json").is_file():
        return None
    try:
        with zipfile.ZipFile(path) as zf:
            packed = zf.read(f"{top}/metadata.json")
        if packed != (target / "metadata.json").read_bytes():
            return None
    except (OSError, KeyError, zipfile.BadZipFile):
        return None
    return _info(package.Package(target))


def install_model(path: str | os.PathLike) -> ModelInfo:
    """Install a local .argosmodel file (checked first), as Argos's installer does, but atomically.

    ``argostranslate.package.install_from_path`` extracts straight into the package
    folder, so a run killed mid-extraction leaves a half-written model that later
    loads as if whole. Here the archive goes into a staging folder beside it and the
    model folder is renamed into place in one step, under Argos's package lock.
    """
    top = check_archive(path)
    package, settings = _argos()
    root = settings.package_data_dir
    staging = Path(tempfile.mkdtemp(prefix=".install-", dir=root))
    try:
        with package.package_lock:
            with zipfile.ZipFile(path) as zf:
                zf.extractall(staging)
            target = root / top
            if target.exists():  # reinstall: the old copy leaves with the staging folder
                os.replace(target, staging / ".previous")
            os.replace(staging / top, target)
    except (OSError, zipfile.BadZipFile) as err:
        raise ModelError(f"install failed: {err}", path=str(path)) from err
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    from argostranslate.translate import get_installed_languages

    get_installed_languages.cache_clear()
    return _info(package.Package(root / top))


def _info(pkg) -> ModelInfo:
    sbd = pkg.packaged_sbd_path.name if getattr(pkg, "packaged_sbd_path", None) else "none"
    return ModelInfo(pkg.package_path.name, pkg.from_code or "", pkg.to_code or "",
                     pkg.package_version or "", str(pkg.package_path), sbd)


def list_models() -> list[ModelInfo]:
    package, settings = _argos()
    found = []
    for directory in settings.package_dirs:
        if not Path(directory).is_dir():
            continue
        for sub in sorted(Path(directory).iterdir()):
            if (sub / "metadata.json").is_file():
                try:
                    found.append(_info(package.Package(sub)))
                except (OSError, ValueError):
                    continue  # a half-removed or foreign folder is not a model
    return found


def find_model(model: str | None = None, from_code: str = "en", to_code: str = "ru") -> ModelInfo:
    """The installed model named ``model`` (folder name), else the first for the language pair."""
    models = list_models()
    if model:
        for m in models:
            if m.name == model or m.path == model:
                return m
        raise ModelError(f"model {model!r} is not installed (installed: "
                         f"{', '.join(m.name for m in models) or 'none'})")
    for m in models:
        if m.from_code == from_code and m.to_code == to_code:
            return m
    raise ModelError(f"no {from_code}→{to_code} model installed; run "
                     f"`bilingual models install FILE.argosmodel` (or `bilingual models install --online "
                     f"--from {from_code} --to {to_code}` with network access)")


def remove_model(model: str) -> ModelInfo:
    package, _ = _argos()
    info = find_model(model)
    package.uninstall(package.Package(Path(info.path)))
    return info


def _fetch(url: str, timeout: float) -> bytes:
    req = urllib.request.Request(url, headers={"User-Agent": "bilingual"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.read()
    except (urllib.error.URLError, OSError, TimeoutError) as err:
        reason = getattr(err, "reason", err)
        raise ModelError(f"cannot reach {url} ({reason}); offline? Download the .argosmodel on a machine "
                         "with network access and run `bilingual models install FILE.argosmodel`") from err


def install_online(from_code: str = "en", to_code: str = "ru", *, timeout: float = INDEX_TIMEOUT) -> ModelInfo:
    """Download the pair's package from the Argos index and install it."""
    _, settings = _argos()
    index_url = os.environ.get("ARGOS_PACKAGE_INDEX", settings.package_index).rstrip("/") + "/index.json"
    raw = _fetch(index_url, timeout)
    try:
        index = json.loads(raw)
    except ValueError as err:
        raise ModelError(f"the package index at {index_url} is not JSON") from err
    for meta in index:
        if meta.get("from_code") == from_code and meta.get("to_code") == to_code and meta.get("links"):
            data = None
            for link in meta["links"]:
                try:
                    data = _fetch(link, timeout * 30)
                    break
                except ModelError:
                    continue
            if data is None:
                raise ModelError(f"could not download the {from_code}→{to_code} package from {meta['links']}")
            with tempfile.TemporaryDirectory() as tmp:
                file = Path(tmp) / f"translate-{from_code}_{to_code}.argosmodel"
                file.write_bytes(data)
                return install_model(file)
    raise ModelError(f"the Argos index has no {from_code}→{to_code} package")
