"""Two builds of the same sources are byte-identical, the checker wheel and the handbook included."""

from __future__ import annotations

import pytest

from conftest import PROJECT_ROOT, mkdocs_build

from .sitekit import tree_digest

pytestmark = pytest.mark.slow


def test_building_twice_gives_identical_bytes(built_site, tmp_path):
    second = tmp_path / "site"
    result = mkdocs_build(PROJECT_ROOT / "mkdocs.yml", second)
    assert result.returncode == 0, result.stdout + result.stderr
    first_digest, second_digest = tree_digest(built_site), tree_digest(second)
    assert sorted(first_digest) == sorted(second_digest), "the two builds hold different files"
    differing = sorted(path for path in first_digest if first_digest[path] != second_digest[path])
    assert not differing, f"files that differ between two builds of the same sources: {differing}"
    wheels = [path for path in first_digest if path.endswith(".whl")]
    assert wheels, "the site holds no checker wheel"
    assert {"sitemap.xml.gz", "handbook.pdf", "search/search_index.json"} <= set(first_digest)
