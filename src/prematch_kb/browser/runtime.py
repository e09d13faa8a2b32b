"""The self-hosted Pyodide runtime: copy the core files into the site and write its lock file.

The npm package's lock file lists some 350 packages that would be fetched from a CDN; the site
ships only the core and the checker wheel, so the lock file it serves lists the checker alone.
Pyodide then verifies the wheel's sha256 before installing it.

The wheel's file name keeps the checker's version, which does not change with every rule, so the
wheel sits in a folder named after its content (`checker-<sha256 prefix>/`): a changed checker
has a new address, and no cache (the browser's, a CDN's, the checker's service worker) can hand
out the old one for it.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from prematch_kb.browser.errors import BrowserBuildError
from prematch_kb.browser.wheel import DIST_NAME, build_checker_wheel

RULEBOOK_ARCHIVE_NAME = "prematch_kb/checker/rulebook.json"
PYODIDE_VERSION = "314.0.7"  # pinned in package.json and package-lock.json
RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.mjs.map",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
)
LOCK_FILE = "pyodide-lock.json"
WHEEL_FOLDER_PREFIX = "checker-"
WHEEL_HASH_CHARS = 16  # 64 bits of the sha256: no two checkers of one site collide


class RuntimeInstallError(BrowserBuildError):
    """The Pyodide runtime cannot be found or is not the pinned version."""


@dataclass(frozen=True)
class RuntimeBuild:
    directory: Path
    wheel: Path
    wheel_sha256: str
    lock_file: Path
    lock_sha256: str


def find_pyodide_package(project_root: Path) -> Path:
    """`node_modules/pyodide` of the project, checked against the pinned version."""
    package_dir = project_root / "node_modules" / "pyodide"
    manifest = package_dir / "package.json"
    if not manifest.is_file():
        raise RuntimeInstallError(
            f"{package_dir}: the Pyodide runtime is not installed; run `npm ci` in {project_root}"
        )
    version = json.loads(manifest.read_text()).get("version")
    if version != PYODIDE_VERSION:
        raise RuntimeInstallError(
            f"{manifest}: Pyodide {version} is installed but {PYODIDE_VERSION} is pinned; run `npm ci`"
        )
    missing = [name for name in (*RUNTIME_FILES, LOCK_FILE) if not (package_dir / name).is_file()]
    if missing:
        raise RuntimeInstallError(f"{package_dir}: missing {', '.join(missing)}; run `npm ci`")
    return package_dir


def lock_entry(wheel: Path, file_name: str | None = None) -> dict:
    """The lock file entry `pyodide lockfile add-wheels` writes for a pure-Python wheel;
    `file_name` is its address relative to the runtime folder (default: the wheel's name)."""
    version = wheel.name.split("-")[1]
    return {
        "name": DIST_NAME,
        "version": version,
        "file_name": file_name or wheel.name,
        "install_dir": "site",
        "sha256": sha256_of(wheel),
        "package_type": "package",
        "imports": ["prematch_kb"],
        "depends": [],
        "unvendored_tests": False,
        "tool": {},
    }


def install_runtime(project_root: Path, runtime_dir: Path, *, rulebook: bytes | None = None) -> RuntimeBuild:
    """Copy the Pyodide core into `runtime_dir`, build the checker wheel there, write the lock."""
    package_dir = find_pyodide_package(project_root)
    runtime_dir.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        _copy_if_changed(package_dir / name, runtime_dir / name)
    for stale in runtime_dir.glob("*.whl"):
        stale.unlink()
    for stale_folder in runtime_dir.glob(f"{WHEEL_FOLDER_PREFIX}*"):
        shutil.rmtree(stale_folder)
    replacements = {RULEBOOK_ARCHIVE_NAME: rulebook} if rulebook is not None else None
    wheel = _into_content_folder(build_checker_wheel(runtime_dir, replacements=replacements))
    upstream = json.loads((package_dir / LOCK_FILE).read_text())
    file_name = wheel.relative_to(runtime_dir).as_posix()
    lock = {"info": upstream["info"], "packages": {DIST_NAME: lock_entry(wheel, file_name)}}
    lock_file = runtime_dir / LOCK_FILE
    lock_file.write_text(json.dumps(lock, indent=2, sort_keys=True) + "\n")
    return RuntimeBuild(runtime_dir, wheel, sha256_of(wheel), lock_file, sha256_of(lock_file))


def _into_content_folder(wheel: Path) -> Path:
    """Move the wheel into `checker-<sha256 prefix>/` beside it. Pyodide installs a lock entry
    whose file name has a folder (it keeps the part after the last slash), so the wheel's own
    name, which Pyodide parses, stays the standard one."""
    folder = wheel.parent / f"{WHEEL_FOLDER_PREFIX}{sha256_of(wheel)[:WHEEL_HASH_CHARS]}"
    folder.mkdir()
    return wheel.replace(folder / wheel.name)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _copy_if_changed(source: Path, target: Path) -> None:
    # `mkdocs serve` rebuilds often; the 10 MB wasm need not be copied each time.
    if target.is_file():
        s, t = source.stat(), target.stat()
        if s.st_size == t.st_size and int(s.st_mtime) == int(t.st_mtime):
            return
    shutil.copy2(source, target)
