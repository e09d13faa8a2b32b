"""Each layer imports only the layers below it (CONTRIBUTING.md, "Map of the code"):

    checker  <-  kb  <-  compiler, handbook, browser, training  <-  mkdocs_plugin, cli

read from the source, imports inside functions included. The checker imports the standard library
only; the knowledge base reaches the checker through `prematch_kb.checker.public` alone; the
compiler knows nothing of MkDocs."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "src" / "prematch_kb"
# The package root's __init__ ships with the checker (as light as it); its other modules are
# helpers of the plugin and the CLI.
LAYERS = {
    "": 0, "checker": 0,
    "kb": 1,
    "compiler": 2, "handbook": 2, "browser": 2,
    "sitebuild": 2, "training": 2,
    "mkdocs_plugin": 3, "cli": 3,
    "__main__": 4,
}
KB_SEAM = "prematch_kb.checker.public"


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = ["prematch_kb", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imports(module: str, path: Path, modules: dict[str, Path]) -> list[tuple[str, int]]:
    """(imported module, line) for every import in the file; `from package import submodule`
    names the submodule."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.append((sub if sub in modules else target, node.lineno))
    return found


def _part(module: str) -> str:
    """The layer a project module belongs to: its sub-package, or its name at the package root."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _crossings(modules: dict[str, Path]) -> list[str]:
    problems = []
    for module, path in modules.items():
        part = _part(module)
        where = path.relative_to(PROJECT_ROOT) if path.is_relative_to(PROJECT_ROOT) else path
        for imported, line in _imports(module, path, modules):
            top = imported.split(".")[0]
            if part == "checker" and top != "prematch_kb" and top not in sys.stdlib_module_names:
                problems.append(f"{where}:{line}: the checker imports {imported} (standard library only)")
            if part == "compiler" and top == "mkdocs":
                problems.append(f"{where}:{line}: the compiler imports {imported} (it knows nothing of MkDocs)")
            if top != "prematch_kb":
                continue
            target = _part(imported)
            if target == part:
                continue
            if part == "checker" and imported != "prematch_kb":
                problems.append(f"{where}:{line}: the checker imports {imported} (nothing else from the project)")
            elif part == "kb" and target == "checker" and imported != KB_SEAM:
                problems.append(f"{where}:{line}: the knowledge base imports {imported}; only {KB_SEAM} may be")
            elif LAYERS[target] >= LAYERS[part] and target:
                problems.append(f"{where}:{line}: {part or module} imports {imported}, a layer at or above its own")
    return problems


def test_every_part_of_the_package_has_a_layer():
    assert {_part(module) for module in _modules()} <= set(LAYERS)


def test_layers_only_point_down():
    assert _crossings(_modules()) == []


@pytest.mark.parametrize("line, problem", [
    ("import yaml", "the checker imports yaml"),
    ("from prematch_kb.kb import model", "the checker imports prematch_kb.kb.model"),
])
def test_a_crossing_is_reported(tmp_path, line, problem):
    """The test catches what it is for: a checker module importing YAML or the knowledge base."""
    bad = tmp_path / "bad.py"
    bad.write_text(line + "\n", encoding="utf-8")
    assert any(problem in p for p in _crossings({**_modules(), "prematch_kb.checker.bad": bad}))
