"""Property-based fuzzing of the parsers that read outside input: the communication log (both
readers, which must agree on every input) and content YAML (aliases, nesting). Thousands of
generated inputs each, in bounded time; every input ends in a result or a located error."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prematch_kb.checker.commlog import (
    COLUMNS,
    KINDS,
    RECEIVED_KINDS,
    CommunicationLog,
    LogEntry,
    LogFormatError,
    load_log,
)
from prematch_kb.kb.errors import Problems
from prematch_kb.kb.yamlsource import parse_yaml
from test_commlog_formats import BROWSER_READER, NODE_RUNNER

GENERATED = 4000  # texts through both readers
NOISE = st.sampled_from(["", ",", '"', '""', "\n", "\r", "\r\n", " ", "\t", "\u00a0", "\u0085", "\u3000", "\ufeff",
                         "'", "=", "+", "-", "@", "ſ", "K", "İ", "٢", "yes", "no", "maybe", "sent", "received",
                         "update", "other", "2026-12-03", "0000-01-01", "2026-02-30", "{", "}", "[", "]", ":",
                         "NaN", "true", "1", "1.0", "null", "😀", "\x00", "\ud800"])


def csv_like() -> st.SearchStrategy[str]:
    header = st.permutations(list(COLUMNS)).map(",".join) | st.just(",".join(COLUMNS[:4]))
    cell = st.lists(NOISE, max_size=4).map("".join)
    row = st.lists(cell, min_size=0, max_size=7).map(",".join)
    return st.tuples(header, st.lists(row, max_size=4), st.sampled_from(["\n", "\r\n", "\r"])).map(
        lambda parts: parts[2].join([parts[0], *parts[1]]))


def json_like() -> st.SearchStrategy[str]:
    scalar = NOISE | st.booleans() | st.integers(-2, 2) | st.none()
    entry = st.dictionaries(st.sampled_from([*COLUMNS, "rank", "__proto__", "constructor"]), scalar, max_size=7)
    document = st.fixed_dictionaries({"schema": st.just("prematch-kb/communication-log") | NOISE,
                                      "version": st.sampled_from([1, 1.0, True, "1", 2, None]),
                                      "entries": st.lists(entry, max_size=3)})
    return document.map(lambda d: json.dumps(d, ensure_ascii=False)) | st.lists(NOISE, max_size=12).map("".join)


def python_verdict(text: str) -> dict:
    try:
        log = load_log(text)
    except LogFormatError as error:
        return {"ok": False, "where": error.where}
    return {"ok": True, "entries": [e.to_dict() for e in log.entries]}


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node to run the browser's reader")
def test_both_log_readers_agree_on_thousands_of_generated_files(tmp_path):
    """Hypothesis generates the files and checks the Python reader on each; then all of them go
    through the browser's reader under Node in one run, which must give the same verdicts."""
    started, texts, verdicts = time.monotonic(), [], []

    @settings(max_examples=GENERATED, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(csv_like() | json_like())
    def generate(text):
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")  # storable text only
        texts.append(text)
        verdicts.append(python_verdict(text))  # ends in entries or a LogFormatError, nothing else

    generate()
    (tmp_path / "texts.json").write_text(json.dumps(texts, ensure_ascii=True))
    out = subprocess.run(["node", str(NODE_RUNNER), str(BROWSER_READER), "--texts", str(tmp_path / "texts.json")],
                         capture_output=True, text=True, timeout=120, check=True)
    browser = json.loads(out.stdout)
    for index, (text, python) in enumerate(zip(texts, verdicts, strict=True)):
        js = browser[str(index)]
        assert js["ok"] == python["ok"], (text, js, python)
        if python["ok"]:
            assert js["entries"] == python["entries"], text
        else:
            assert js["where"] == python["where"], (text, js, python)
    assert len(texts) >= GENERATED * 0.9, len(texts)
    assert sum(v["ok"] for v in verdicts) > 50  # the generator reaches good files too, not only bad ones
    assert time.monotonic() - started < 300


ENTRY = st.builds(
    LogEntry,
    program=st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                    min_size=1, max_size=30).map(lambda s: "P" + s.strip(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0")),
    date=st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    direction=st.sampled_from(["sent", "received"]),
    kind=st.sampled_from(KINDS),
    first_choice_claim=st.booleans(),
    note=st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40),
    quote=st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60),
)


@pytest.mark.slow
@settings(max_examples=2000, deadline=None, derandomize=True)
@given(st.lists(ENTRY, max_size=4))
def test_exports_read_back_unchanged_and_never_start_a_cell_with_a_formula(entries):
    from prematch_kb.checker.commlog import _trim

    # A program's own kinds are valid only as received.
    entries = [LogEntry(_trim(e.program) or "P", e.date, "received" if e.kind in RECEIVED_KINDS else e.direction,
                        e.kind, e.first_choice_claim, _trim(e.note), _trim(e.quote))
               for e in entries]
    log = CommunicationLog(entries)
    exported = log.to_csv()
    assert CommunicationLog.from_csv(exported) == log
    assert CommunicationLog.from_json(log.to_json()) == log
    for entry in entries:
        for value in (entry.program, entry.note, entry.quote):
            if value[:1] in ("=", "+", "-", "@"):
                assert "'" + value[:1] in exported


YAML_PIECES = st.sampled_from(["a", "b: ", "- ", "  ", "\n", "[", "]", "{", "}", ", ", "&x ", "*x", "&y ", "*y",
                               "<<: *x", "!!str ", "? ", ": ", '"', "'", "|", ">", "#", "---", "...", "2026-02-30"])


@pytest.mark.slow
@settings(max_examples=3000, deadline=None, derandomize=True)
@given(st.lists(YAML_PIECES, max_size=40).map("".join))
def test_yaml_reading_ends_in_a_value_or_located_problems(text):
    problems = Problems()
    started = time.monotonic()
    value = parse_yaml(text, "fuzz.yml", problems)
    assert time.monotonic() - started < 2
    assert all(p.path == "fuzz.yml" and 0 <= p.line <= text.count("\n") + 2 for p in problems.items)
    # Nothing is ever expanded: an alias is refused, so the value is no bigger than the text.
    assert _size(value) <= len(text) + 1


def _size(value) -> int:
    if isinstance(value, dict):
        return 1 + sum(_size(k) + _size(v) for k, v in value.items())
    if isinstance(value, list):
        return 1 + sum(_size(v) for v in value)
    return 1
