"""Build the site into a staging folder and publish it with one swap at the very end.

A build that fails at any point (invalid content, a plugin error, a warning under --strict)
leaves the previously built site exactly as it was; a build that succeeds replaces it whole, so
nobody ever serves half of an old site and half of a new one.

    staged = StagedSiteDir.begin(Path("site"))   # build into staged.staging instead
    ...                                          # the build writes there
    staged.publish()                             # or staged.abandon() on failure

Plain Python, no MkDocs: the MkDocs plugin calls it from its hooks.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

STAGING_MARK = ".building-"
_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


@dataclass
class StagedSiteDir:
    final: Path  # where the published site lives
    staging: Path  # where this build writes

    @classmethod
    def begin(cls, final: Path) -> StagedSiteDir:
        """Make an empty staging folder next to `final` (same file system, so the swap is a rename)."""
        final = Path(final).absolute()
        final.parent.mkdir(parents=True, exist_ok=True)
        _remove_abandoned_staging(final)
        staging = final.parent / f".{final.name}{STAGING_MARK}{os.getpid()}-{secrets.token_hex(4)}"
        staging.mkdir()  # default mode (honours umask), unlike mkdtemp's 0700
        return cls(final, staging)

    def publish(self) -> None:
        """Replace the published site with the staged one in a single rename where the OS allows."""
        if not self.staging.is_dir():
            raise FileNotFoundError(f"{self.staging}: the staged site is gone; nothing was published")
        if not self.final.exists():
            os.rename(self.staging, self.final)
            return
        if _exchange(self.staging, self.final):
            shutil.rmtree(self.staging)  # now holds the previous site
            return
        # No atomic exchange on this system: two renames, the window between them is tiny.
        previous = self.final.parent / f".{self.final.name}.previous-{os.getpid()}-{secrets.token_hex(4)}"
        os.rename(self.final, previous)
        os.rename(self.staging, self.final)
        shutil.rmtree(previous)

    def abandon(self) -> None:
        """Drop the staged build; the published site is not touched."""
        shutil.rmtree(self.staging, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with Linux renameat2(RENAME_EXCHANGE); False if unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    try:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    renameat2.restype = ctypes.c_int
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def _remove_abandoned_staging(final: Path) -> None:
    """Staging folders left by builds that were killed: their process no longer exists."""
    prefix = f".{final.name}{STAGING_MARK}"
    for path in final.parent.glob(f"{prefix}*"):
        pid_text = path.name[len(prefix):].split("-", 1)[0]
        if pid_text.isdigit() and not _process_exists(int(pid_text)):
            shutil.rmtree(path, ignore_errors=True)


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def source_date_epoch(project_dir: Path) -> str | None:
    """The time of the checked-out commit, for SOURCE_DATE_EPOCH: the one date MkDocs writes into
    a build (sitemap dates, the gzip header of sitemap.xml.gz), so two builds of the same sources
    are byte-identical. None outside a git checkout, where MkDocs uses the current time."""
    import subprocess

    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=project_dir, capture_output=True,
                                text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    stamp = result.stdout.strip()
    return stamp if result.returncode == 0 and stamp.isdigit() else None
