"""The log's vocabularies have one source, prematch_kb.checker.commlog: the browser's reader
(docs/assets/log/commlog.js) holds a copy, and the pages and guides that list the kinds must
follow. A kind added, renamed or moved in Python and not in the copies fails here."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from conftest import PROJECT_ROOT
from prematch_kb.checker import categories, commlog

BROWSER_READER = PROJECT_ROOT / "docs" / "assets" / "log" / "commlog.js"
NODE_RUNNER = PROJECT_ROOT / "tests" / "node" / "read_logs.mjs"


@pytest.fixture(scope="module")
def browser_vocabulary() -> dict:
    if shutil.which("node") is None:
        pytest.skip("needs Node to run the browser's reader")
    result = subprocess.run(["node", str(NODE_RUNNER), str(BROWSER_READER), "--vocabulary"],
                            capture_output=True, text=True, timeout=60, check=True)
    return json.loads(result.stdout)


def test_the_browser_reader_has_the_python_vocabularies(browser_vocabulary):
    js = browser_vocabulary
    assert js["SCHEMA"] == commlog.SCHEMA
    assert js["VERSION"] == commlog.VERSION
    assert js["VERSIONS"] == list(commlog.VOCABULARY)
    assert js["DIRECTIONS"] == list(commlog.DIRECTIONS)
    assert js["KINDS"] == list(commlog.KINDS)
    assert js["RECEIVED_KINDS"] == list(commlog.RECEIVED_KINDS)
    assert js["DRAFT_KINDS"] == list(commlog.DRAFT_KINDS)
    assert js["COLUMNS"] == list(commlog.COLUMNS)
    assert js["KIND_FOR_CATEGORY"] == commlog.KIND_FOR_CATEGORY
    assert js["MAX_FIELD"] == commlog.MAX_FIELD and js["MAX_QUOTE"] == commlog.MAX_QUOTE
    assert sorted(js["KIND_LABELS"]) == sorted(commlog.KINDS)  # every kind has a label, and no other


def test_both_pick_the_same_kind_for_a_programs_message(browser_vocabulary):
    for category, kind in browser_vocabulary["receivedKind"].items():
        assert kind == commlog.received_kind([{"category": category}]) == commlog.KIND_FOR_CATEGORY[category]
    every = [{"category": c} for c in commlog.KIND_FOR_CATEGORY]
    assert browser_vocabulary["receivedKindAll"] == commlog.received_kind(every) == commlog.RECEIVED_KINDS[0]
    assert browser_vocabulary["receivedKindNone"] == commlog.received_kind([{"category": "placeholder"}]) == "other"


def test_every_received_mode_category_names_a_kind_of_the_log():
    assert sorted(commlog.KIND_FOR_CATEGORY) == sorted(categories("received"))
    assert set(commlog.KIND_FOR_CATEGORY.values()) <= set(commlog.RECEIVED_KINDS)
    assert set(commlog.RECEIVED_KINDS) < set(commlog.KINDS)
    assert not set(commlog.RECEIVED_KINDS) & set(commlog.CADENCE)


def test_version_1_knew_everything_but_the_quote_and_the_programs_kinds():
    columns, kinds = commlog.VOCABULARY[1]
    assert set(commlog.COLUMNS) - set(columns) == {"quote"}
    assert set(commlog.KINDS) - set(kinds) == set(commlog.RECEIVED_KINDS)
    assert commlog.VOCABULARY[commlog.VERSION] == (commlog.COLUMNS, commlog.KINDS)


@pytest.mark.parametrize("path", ["docs/log/index.md", "content/guides/communication-log.md", "content/README.md"])
def test_the_pages_that_list_the_kinds_list_every_one(path):
    text = (PROJECT_ROOT / path).read_text()
    listed = set(re.findall(r"`([a-z-]+)`", text))
    assert set(commlog.KINDS) <= listed, sorted(set(commlog.KINDS) - listed)
    assert "quote" in listed
