"""A reproducible py3-none-any wheel of the checker, for Pyodide.

The wheel holds only `prematch_kb/__init__.py` and `prematch_kb/checker/**`: the browser needs
nothing else, and the checker imports nothing else from the project. Entries are sorted and
stamped with one fixed time and mode, so the same sources always give the same bytes (and the
same sha256 in the Pyodide lock file).
"""

from __future__ import annotations

import base64
import hashlib
import re
import zipfile
from pathlib import Path

import prematch_kb
from prematch_kb.browser.errors import BrowserBuildError

DIST_NAME = "prematch-kb"
WHEEL_TAG = "py3-none-any"
# Zip cannot store times before 1980; any fixed value makes the archive reproducible.
FIXED_DATE_TIME = (1980, 1, 1, 0, 0, 0)
_FILE_MODE = 0o100644 << 16
_SKIPPED_DIRS = {"__pycache__"}
_SKIPPED_SUFFIXES = {".pyc", ".pyo"}


class WheelBuildError(BrowserBuildError):
    """The checker sources cannot be packed (missing package, unreadable file)."""


def package_root() -> Path:
    """The `prematch_kb` package folder these sources come from."""
    return Path(prematch_kb.__file__).resolve().parent


def checker_files(root: Path | None = None) -> list[tuple[str, Path]]:
    """(archive name, file) pairs for the wheel's payload, sorted by archive name."""
    root = root or package_root()
    checker_dir = root / "checker"
    if not (checker_dir / "__init__.py").is_file():
        raise WheelBuildError(f"{checker_dir}: no checker package (__init__.py missing)")
    files = [("prematch_kb/__init__.py", root / "__init__.py")]
    for path in checker_dir.rglob("*"):
        relative = path.relative_to(root)
        if path.is_dir() or path.suffix in _SKIPPED_SUFFIXES:
            continue
        if _SKIPPED_DIRS.intersection(relative.parts) or any(p.startswith(".") for p in relative.parts):
            continue
        files.append(("prematch_kb/" + relative.as_posix(), path))
    return sorted(files)


def wheel_filename(version: str) -> str:
    return f"{DIST_NAME.replace('-', '_')}-{_normalise_version(version)}-{WHEEL_TAG}.whl"


def build_checker_wheel(dest_dir: str | Path, *, root: Path | None = None,
                        replacements: dict[str, bytes] | None = None) -> Path:
    """Write the checker wheel into `dest_dir` and return its path.

    `replacements` maps archive names to the bytes to ship instead of the file on disk: the site
    build passes the rulebook generated from the site's own content, so the browser checker never
    speaks from a stale or foreign rulebook.json."""
    replacements = dict(replacements or {})
    version = prematch_kb.__version__ if root is None else _read_version(root / "__init__.py")
    dest = Path(dest_dir)
    dest.mkdir(parents=True, exist_ok=True)
    dist_info = f"{DIST_NAME.replace('-', '_')}-{_normalise_version(version)}.dist-info"

    entries: list[tuple[str, bytes]] = []
    for name, path in checker_files(root):
        if name in replacements:
            entries.append((name, replacements.pop(name)))
            continue
        try:
            entries.append((name, path.read_bytes()))
        except OSError as error:
            raise WheelBuildError(f"{path}: cannot read ({error.strerror})") from error
    if replacements:
        raise WheelBuildError(f"no such file in the checker package: {', '.join(sorted(replacements))}")
    entries.append((f"{dist_info}/METADATA", _metadata(version)))
    entries.append((f"{dist_info}/WHEEL", _wheel_file()))
    record_name = f"{dist_info}/RECORD"
    record = "".join(f"{name},sha256={_urlsafe_digest(data)},{len(data)}\n" for name, data in entries)
    entries.append((record_name, (record + f"{record_name},,\n").encode()))

    target = dest / wheel_filename(version)
    partial = target.with_suffix(".whl.tmp")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE_TIME)
            info.external_attr = _FILE_MODE
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    partial.replace(target)
    return target


def _metadata(version: str) -> bytes:
    return (
        "Metadata-Version: 2.1\n"
        f"Name: {DIST_NAME}\n"
        f"Version: {version}\n"
        "Summary: The prematch-kb email checker (standard library only), packed for the browser.\n"
        "License: MIT\n"
        "Requires-Python: >=3.12\n"
    ).encode()


def _wheel_file() -> bytes:
    return (
        "Wheel-Version: 1.0\n"
        "Generator: prematch-kb\n"
        "Root-Is-Purelib: true\n"
        f"Tag: {WHEEL_TAG}\n"
    ).encode()


def _urlsafe_digest(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def _normalise_version(version: str) -> str:
    return version.replace("-", "_")


def _read_version(init_file: Path) -> str:
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', init_file.read_text(), re.M)
    if not match:
        raise WheelBuildError(f"{init_file}: no __version__ found")
    return match.group(1)
