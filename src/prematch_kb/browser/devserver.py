"""A local static server for a built site, with the content types Pyodide needs.

Python's default table may lack `.mjs` and `.wasm` on some systems; module workers refuse a
script served with the wrong type, and streaming WebAssembly compilation wants application/wasm.
Used by the browser tests and benchmarks; extra folders can be mounted beside the site.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

CONTENT_TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".map": "application/json",
}


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **CONTENT_TYPES}  # noqa: RUF012 - as http.server declares it
    mounts: ClassVar[dict[str, Path]] = {}

    def translate_path(self, path: str) -> str:
        for prefix, folder in self.mounts.items():
            if path.startswith(prefix):
                return _inside(folder, path[len(prefix):])
        return super().translate_path(path)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - quiet while tests run
        pass


def _inside(folder: Path, url_path: str) -> str:
    """The file a URL path names inside a mounted folder. A path that climbs out of it (`..`,
    also percent-encoded, or a link pointing outside) names a file that does not exist: 404."""
    relative = urllib.parse.unquote(url_path.split("?", 1)[0].split("#", 1)[0])
    parts = [part for part in relative.replace("\\", "/").split("/") if part not in ("", ".")]
    root = Path(folder).resolve()
    target = root.joinpath(*parts).resolve()
    if ".." in parts or "\0" in relative or not target.is_relative_to(root):
        return str(root / _NOT_SERVED)
    return str(target)


_NOT_SERVED = "\u2205-outside-the-mounted-folder"  # a name no real file has


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address) -> None:
        # A browser that closes a page mid-download hangs up: not a fault worth a traceback.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError, ConnectionAbortedError)):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve_site(site_dir: str | Path, *, mounts: dict[str, Path] | None = None, port: int = 0) -> Iterator[str]:
    """Serve `site_dir` on 127.0.0.1 (a free port unless given) in a thread; yield the base URL."""
    handler = type("SiteHandler", (_SiteHandler,), {"mounts": dict(mounts or {})})
    server = _Server(("127.0.0.1", port), functools.partial(handler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
