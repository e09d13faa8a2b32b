"""The checker's build outputs, without a browser: wheel, lock file, data file and policy."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import prematch_kb
from conftest import PROJECT_ROOT
from prematch_kb.browser import csp, data, runtime, wheel
from prematch_kb.kb.loader import load_knowledge_base

FIXTURE_KB = PROJECT_ROOT / "tests" / "fixtures" / "kb-minimal"


def make_package(root: Path, checker_source: str = "def check(text):\n    return text\n") -> Path:
    package = root / "prematch_kb"
    (package / "checker" / "__pycache__").mkdir(parents=True)
    (package / "__init__.py").write_text('__version__ = "1.2.3"\n')
    (package / "checker" / "__init__.py").write_text(checker_source)
    (package / "checker" / "rulebook.json").write_text('{"rules": {}}\n')
    (package / "checker" / "__pycache__" / "x.cpython-312.pyc").write_bytes(b"\0")
    (package / "kb").mkdir()
    (package / "kb" / "loader.py").write_text("import yaml\n")
    return package


def test_wheel_holds_only_the_checker_and_is_valid(tmp_path):
    package = make_package(tmp_path / "src")
    built = wheel.build_checker_wheel(tmp_path / "out", root=package)
    assert built.name == "prematch_kb-1.2.3-py3-none-any.whl"
    with zipfile.ZipFile(built) as archive:
        names = archive.namelist()
        assert names == sorted(names[:-3]) + names[-3:]
        assert set(names) == {
            "prematch_kb/__init__.py",
            "prematch_kb/checker/__init__.py",
            "prematch_kb/checker/rulebook.json",
            "prematch_kb-1.2.3.dist-info/METADATA",
            "prematch_kb-1.2.3.dist-info/WHEEL",
            "prematch_kb-1.2.3.dist-info/RECORD",
        }
        assert "Tag: py3-none-any" in archive.read("prematch_kb-1.2.3.dist-info/WHEEL").decode()
        metadata = archive.read("prematch_kb-1.2.3.dist-info/METADATA").decode()
        assert "Name: prematch-kb\n" in metadata and "Version: 1.2.3\n" in metadata
        record = list(csv.reader(io.StringIO(archive.read("prematch_kb-1.2.3.dist-info/RECORD").decode())))
        assert {row[0] for row in record} == set(names)
        for name, digest, size in record:
            if name.endswith("RECORD"):
                assert digest == size == ""
                continue
            payload = archive.read(name)
            expected = base64.urlsafe_b64encode(hashlib.sha256(payload).digest()).rstrip(b"=").decode()
            assert digest == f"sha256={expected}" and int(size) == len(payload)
        assert all(info.date_time == wheel.FIXED_DATE_TIME for info in archive.infolist())


def test_wheel_is_reproducible(tmp_path):
    package = make_package(tmp_path / "src")
    first = wheel.build_checker_wheel(tmp_path / "a", root=package).read_bytes()
    (package / "checker" / "__init__.py").touch()  # a new mtime changes nothing
    second = wheel.build_checker_wheel(tmp_path / "b", root=package).read_bytes()
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()
    (package / "checker" / "__init__.py").write_text("def check(text):\n    return None\n")
    third = wheel.build_checker_wheel(tmp_path / "c", root=package).read_bytes()
    assert third != first


def test_real_checker_wheel_installs_and_imports(tmp_path):
    built = wheel.build_checker_wheel(tmp_path / "dist")
    target = tmp_path / "site-packages"
    with zipfile.ZipFile(built) as archive:
        archive.extractall(target)
        assert all(n.startswith(("prematch_kb/__init__.py", "prematch_kb/checker/", "prematch_kb-")) for n in archive.namelist())
    # A fresh interpreter that sees only the unpacked wheel can import the checker.
    result = subprocess.run(
        [sys.executable, "-I", "-c", "import sys; sys.path.insert(0, sys.argv[1]); import prematch_kb.checker as c; print(c.check)", str(target)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_missing_checker_package_is_a_clear_error(tmp_path):
    (tmp_path / "prematch_kb").mkdir()
    (tmp_path / "prematch_kb" / "__init__.py").write_text('__version__ = "1"\n')
    with pytest.raises(wheel.WheelBuildError, match="checker"):
        wheel.build_checker_wheel(tmp_path / "out", root=tmp_path / "prematch_kb")


def test_lock_entry_matches_pyodide_lockfile_tool(tmp_path):
    built = wheel.build_checker_wheel(tmp_path)
    upstream = PROJECT_ROOT / "node_modules" / "pyodide" / "pyodide-lock.json"
    out = tmp_path / "lock.json"
    tool = Path(sys.executable).with_name("pyodide")
    result = subprocess.run(
        [str(tool), "lockfile", "add-wheels", "--input", str(upstream), "--output", str(out), str(built)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text())["packages"]["prematch-kb"] == runtime.lock_entry(built)


def test_install_runtime_copies_core_and_lists_only_the_checker(tmp_path):
    build = runtime.install_runtime(PROJECT_ROOT, tmp_path / "runtime")
    for name in runtime.RUNTIME_FILES:
        assert (tmp_path / "runtime" / name).is_file()
    lock = json.loads(build.lock_file.read_text())
    assert list(lock["packages"]) == ["prematch-kb"]
    assert lock["packages"]["prematch-kb"]["sha256"] == build.wheel_sha256
    assert lock["info"]["python"].startswith("3.14")


def test_the_wheel_address_changes_with_its_content_and_old_copies_go(tmp_path):
    # A returning visitor's caches key on the address: a changed checker must have a new one.
    runtime_dir = tmp_path / "runtime"

    def address(rulebook: bytes) -> str:
        build = runtime.install_runtime(PROJECT_ROOT, runtime_dir, rulebook=rulebook)
        file_name = json.loads(build.lock_file.read_text())["packages"]["prematch-kb"]["file_name"]
        assert runtime.sha256_of(runtime_dir / file_name) == build.wheel_sha256
        assert file_name.split("/")[0] == f"checker-{build.wheel_sha256[:16]}"
        return file_name

    first, again, changed = address(b'{"a": 1}'), address(b'{"a": 1}'), address(b'{"a": 2}')
    assert first == again != changed
    # The wheel's own name, which Pyodide parses, stays the standard one.
    assert changed.split("/")[1] == wheel.wheel_filename(prematch_kb.__version__)
    # Only the current wheel is left in the runtime folder.
    assert sorted(p.relative_to(runtime_dir).as_posix() for p in runtime_dir.rglob("*.whl")) == [changed]


def test_wheel_carries_the_rulebook_of_the_content_it_was_built_from(tmp_path):
    # A site built from other content (here the fixture) must not ship the committed rulebook.
    from prematch_kb.kb.loader import load_content
    from prematch_kb.kb.rulebook import RULEBOOK_PATH, build_rulebook, dump_rulebook

    kb, settings = load_content(FIXTURE_KB)
    expected = dump_rulebook(build_rulebook(kb, settings))
    assert expected != RULEBOOK_PATH.read_text(encoding="utf-8")
    build = runtime.install_runtime(PROJECT_ROOT, tmp_path / "runtime", rulebook=expected.encode())
    with zipfile.ZipFile(build.wheel) as archive:
        assert archive.read("prematch_kb/checker/rulebook.json").decode() == expected
        record = archive.read(next(n for n in archive.namelist() if n.endswith("RECORD"))).decode()
    digest = base64.urlsafe_b64encode(hashlib.sha256(expected.encode()).digest()).rstrip(b"=").decode()
    assert f"prematch_kb/checker/rulebook.json,sha256={digest}," in record


def test_replacing_a_file_the_wheel_lacks_is_a_clear_error(tmp_path):
    with pytest.raises(wheel.WheelBuildError, match=r"no such file in the checker package: prematch_kb/checker/nope\.json"):
        wheel.build_checker_wheel(tmp_path, replacements={"prematch_kb/checker/nope.json": b"{}"})


def test_missing_runtime_is_a_clear_error(tmp_path):
    with pytest.raises(runtime.RuntimeInstallError, match="npm ci"):
        runtime.install_runtime(tmp_path, tmp_path / "runtime")


def test_checker_data_lists_templates_and_context_ids():
    kb = load_knowledge_base(FIXTURE_KB)
    result = data.checker_data(kb, "https://example.test/")
    assert set(result["templates"]) == set(kb.templates)
    for template_id, entry in result["templates"].items():
        template = kb.templates[template_id]
        assert entry["body"] == template.body and entry["subject"] == template.subject
        assert entry["url"] == f"templates/{template_id}/"
        assert all(f"[{name}]" in template.subject + template.body for name in entry["placeholders"])
    assert [o["id"] for o in result["context"]["phase"]] == [
        p.id for p in sorted(kb.phases.values(), key=lambda p: p.order)
    ]
    assert [o["id"] for o in result["context"]["recipient"]] == ["program-director", "coordinator", "faculty", "resident"]
    assert {o["id"] for o in result["context"]["specialty"]} == set(kb.specialties)


PAGE = """<html><head><meta http-equiv="Content-Security-Policy" content="__PMKB_CSP__">
<script>var a = 1;</script><script src="x.js"></script>
<script id="__config" type="application/json">{"a": 1}</script>
<script>var a = 1;</script></head><body></body></html>"""


def test_policy_hashes_each_inline_script_once(tmp_path):
    hashes = csp.inline_script_hashes(PAGE)
    expected = "'sha256-" + base64.b64encode(hashlib.sha256(b"var a = 1;").digest()).decode() + "'"
    assert hashes[0] == expected and len(hashes) == 2
    page = tmp_path / "index.html"
    page.write_text(PAGE)
    policy = csp.apply_csp(page)
    assert expected in policy and "'self'" in policy
    assert csp.CSP_MARKER not in page.read_text()
    with pytest.raises(csp.CspError, match="marker"):
        csp.apply_csp(page)


def test_every_page_of_a_site_gets_its_policy_and_serving_drops_the_marker(tmp_path):
    site = tmp_path / "site"
    (site / "rules" / "x").mkdir(parents=True)
    (site / "index.html").write_text(PAGE)
    (site / "rules" / "x" / "index.html").write_text(PAGE.replace("var a = 1;", "var b = 2;"))
    (site / "done.html").write_text("<html><head></head></html>")  # already has its policy
    assert csp.apply_csp_to_site(site) == 2
    for page in ("index.html", "rules/x/index.html"):
        text = (site / page).read_text()
        assert csp.CSP_MARKER not in text and "wasm-unsafe-eval" not in text
        assert all(h.replace("'", "&#x27;") in text for h in csp.inline_script_hashes(text))
    served = tmp_path / "served"
    served.mkdir()
    (served / "index.html").write_text(PAGE)
    assert csp.apply_csp_to_site(served, serving=True) == 1
    assert "Content-Security-Policy" not in (served / "index.html").read_text()
