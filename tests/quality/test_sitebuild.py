"""The staging folder behind build integrity: publish swaps whole sites, abandon touches nothing."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import PROJECT_ROOT
from prematch_kb.sitebuild import STAGING_MARK, StagedSiteDir, source_date_epoch


def test_publish_replaces_the_old_site_whole(tmp_path):
    final = tmp_path / "site"
    final.mkdir()
    (final / "old.html").write_text("old")
    staged = StagedSiteDir.begin(final)
    assert staged.staging.parent == final.parent and staged.staging.name.startswith(f".site{STAGING_MARK}")
    (staged.staging / "new.html").write_text("new")
    staged.publish()
    assert sorted(p.name for p in final.iterdir()) == ["new.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging or previous site left


def test_publish_creates_a_missing_site(tmp_path):
    staged = StagedSiteDir.begin(tmp_path / "deep" / "site")
    (staged.staging / "index.html").write_text("hello")
    staged.publish()
    assert (tmp_path / "deep" / "site" / "index.html").read_text() == "hello"


def test_abandon_leaves_the_published_site_alone(tmp_path):
    final = tmp_path / "site"
    final.mkdir()
    (final / "index.html").write_text("published")
    staged = StagedSiteDir.begin(final)
    (staged.staging / "index.html").write_text("half-built")
    staged.abandon()
    assert (final / "index.html").read_text() == "published"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_staging_left_by_a_killed_build_is_removed(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    leftover = tmp_path / f".site{STAGING_MARK}{dead.stdout.strip()}-deadbeef"
    leftover.mkdir()
    alive = tmp_path / f".site{STAGING_MARK}{os.getpid()}-cafecafe"
    alive.mkdir()
    StagedSiteDir.begin(tmp_path / "site").abandon()
    assert not leftover.exists() and alive.exists()


def test_source_date_epoch_comes_from_the_checked_out_commit(tmp_path):
    epoch = source_date_epoch(PROJECT_ROOT)
    assert epoch is not None and epoch.isdigit()
    assert source_date_epoch(tmp_path) is None
