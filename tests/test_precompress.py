"""Pre-compressed copies (FILE.gz) of the built site's large assets, for hosts that serve them."""

from __future__ import annotations

import gzip
import os
import random
from pathlib import Path

from prematch_kb.compiler.precompress import MAX_RATIO, MIN_BYTES, precompress_site


def _site(root: Path) -> Path:
    (root / "checker" / "runtime").mkdir(parents=True)
    (root / "assets").mkdir()
    (root / "checker" / "runtime" / "runtime.wasm").write_bytes(b"\0asm" + bytes(range(256)) * 200)
    (root / "assets" / "app.js").write_text("function f() { return 1; }\n" * 1000)
    (root / "assets" / "small.css").write_text("a { color: red }\n")  # too small to be worth it
    (root / "assets" / "noise.zip").write_bytes(random.Random(1).randbytes(50_000))  # will not shrink
    (root / "index.html").write_text("<p>hello</p>\n" * 2000)  # pages: the host compresses them
    return root


def test_large_compressible_files_get_a_gzip_copy_that_decompresses_to_the_original(tmp_path):
    site = _site(tmp_path / "site")
    os.utime(site / "assets" / "app.js", (1_000_000, 1_000_000))
    written = precompress_site(site)
    assert sorted(f.path.as_posix() for f in written) == ["assets/app.js", "checker/runtime/runtime.wasm"]
    for entry in written:
        original = site / entry.path
        copy = original.with_name(original.name + ".gz")
        assert gzip.decompress(copy.read_bytes()) == original.read_bytes()
        assert entry.gzip_bytes == copy.stat().st_size <= entry.original_bytes * MAX_RATIO
        assert copy.stat().st_mtime_ns == original.stat().st_mtime_ns
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*.gz")) == [
        "assets/app.js.gz", "checker/runtime/runtime.wasm.gz"]
    assert not list(site.rglob("*.partial"))


def test_copies_are_reproducible_and_a_stale_copy_is_removed(tmp_path):
    site = _site(tmp_path / "site")
    precompress_site(site)
    first = (site / "assets" / "app.js.gz").read_bytes()
    assert first[4:8] == b"\0\0\0\0"  # no time in the gzip header
    (site / "assets" / "app.js").touch()
    precompress_site(site)
    assert (site / "assets" / "app.js.gz").read_bytes() == first
    # The file changed into one that no longer pays: its old copy must not be served.
    (site / "assets" / "app.js").write_text("x" * (MIN_BYTES - 1))
    precompress_site(site)
    assert not (site / "assets" / "app.js.gz").exists()


def test_the_built_site_serves_valid_gzip_copies_of_its_runtime_search_index_and_scripts(built_site):
    copies = sorted(built_site.rglob("*.gz"))
    names = {p.relative_to(built_site).as_posix() for p in copies}
    assert {"checker/runtime/pyodide.asm.wasm.gz", "checker/runtime/pyodide.asm.mjs.gz",
            "search/search_index.json.gz"} <= names
    assert any(n.startswith("assets/javascripts/bundle.") and n.endswith(".js.gz") for n in names)
    assert any(n.startswith("assets/stylesheets/main.") and n.endswith(".css.gz") for n in names)
    for copy in copies:
        original = copy.with_suffix("")
        assert original.is_file(), f"{copy}: no original beside it"
        assert gzip.decompress(copy.read_bytes()) == original.read_bytes(), f"{copy}: not the original"
    wasm = built_site / "checker" / "runtime" / "pyodide.asm.wasm"
    assert (wasm.with_name(wasm.name + ".gz")).stat().st_size < wasm.stat().st_size * 0.5
