"""The local server used by the browser tests and benchmarks serves its folders and nothing else."""

from __future__ import annotations

import http.client
from urllib.parse import urlsplit

import pytest

from prematch_kb.browser.devserver import serve_site


@pytest.fixture
def served(tmp_path):
    (tmp_path / "secret.txt").write_text("outside")
    site, extra = tmp_path / "site", tmp_path / "mounts" / "extra"
    site.mkdir()
    extra.mkdir(parents=True)
    (site / "index.html").write_text("site")
    (extra / "page.html").write_text("mounted")
    (extra / "escape").symlink_to(tmp_path)
    with serve_site(site, mounts={"/__extra__/": extra}) as url:
        yield urlsplit(url)


def get(url, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    connection.request("GET", path)  # sent as written: no client-side normalising of ..
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def test_the_site_and_its_mounts_are_served(served):
    assert get(served, "/index.html") == (200, b"site")
    assert get(served, "/__extra__/page.html") == (200, b"mounted")


@pytest.mark.parametrize("path", [
    "/__extra__/../../secret.txt", "/__extra__/%2e%2e/%2e%2e/secret.txt", "/__extra__/..%2f..%2fsecret.txt",
    "/__extra__/..\\\\..\\\\secret.txt", "/__extra__/escape/secret.txt", "/../secret.txt", "/%2e%2e/secret.txt",
])
def test_no_path_leaves_the_served_folders(served, path):
    """Before: the mounted folders followed .. (and links) to any file the user could read."""
    status, body = get(served, path)
    assert status == 404 and b"outside" not in body
