"""Gzip copies of a built site's large assets, for static hosts that serve pre-compressed files.

nginx (`gzip_static on`), Caddy (`precompressed gzip`) and many CDNs answer a browser that
accepts gzip with `FILE.gz` when it sits beside `FILE`. Most hosts compress text on the fly but
send WebAssembly and zip files as they are, so for the checker's runtime (a 9 MB .wasm that gzip
brings to about 3.5 MB) the copy made here is what shrinks the download.

    precompress_site(Path("site"))   # after every file of the build is written

Plain Python, no MkDocs. The copies are reproducible (no name or time in the gzip header), and
a copy that would save little is not written.
"""

from __future__ import annotations

import gzip
import os
from dataclasses import dataclass
from pathlib import Path

# The formats worth it: the runtime (.wasm, .mjs, .json, .zip), the checker wheel (.whl), the
# search index (.json), scripts and styles, and their source maps.
COMPRESSIBLE_SUFFIXES = frozenset({".wasm", ".js", ".mjs", ".json", ".zip", ".whl", ".css", ".map", ".svg"})
MIN_BYTES = 10 * 1024  # below this, one packet either way; hosts compress small text on the fly
MAX_RATIO = 0.9  # a copy must save at least a tenth, or the host might as well send the original
GZIP_SUFFIX = ".gz"


@dataclass(frozen=True)
class CompressedFile:
    path: Path  # the original, relative to the site
    original_bytes: int
    gzip_bytes: int


def precompress_site(site_dir: str | Path) -> list[CompressedFile]:
    """Write `FILE.gz` beside every large compressible file of `site_dir`; return what was written.

    A copy left by an earlier build into the same folder that no longer pays is removed, so a
    host never sends a stale copy."""
    site = Path(site_dir)
    written = []
    for path in sorted(site.rglob("*")):
        if path.suffix.lower() not in COMPRESSIBLE_SUFFIXES or not path.is_file():
            continue
        target = path.with_name(path.name + GZIP_SUFFIX)
        data = path.read_bytes()
        packed = gzip.compress(data, compresslevel=9, mtime=0) if len(data) >= MIN_BYTES else b""
        if not packed or len(packed) > len(data) * MAX_RATIO:
            target.unlink(missing_ok=True)
            continue
        _write_beside(target, packed, path)
        written.append(CompressedFile(path.relative_to(site), len(data), len(packed)))
    return written


def _write_beside(target: Path, packed: bytes, original: Path) -> None:
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(packed)
    # The original's time, so a host's Last-Modified is the same whichever copy it sends.
    stat = original.stat()
    os.utime(partial, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    partial.replace(target)
