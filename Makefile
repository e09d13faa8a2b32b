# Two commands do all set-up on a fresh machine:
#   make serve   build the whole site (guide, checker, handbook) and serve it at http://127.0.0.1:8000
#   make test    lint, types and the full test suite (what CI runs)
# While changing code:
#   make check   lint, types and the fast tests (no site build, browser, Pyodide or timing runs)
.PHONY: serve test check lint build handbook validate bench clean

FAST_TESTS := not slow and not browser and not pyodide

# Material for MkDocs prints a banner about its successor on every build.
export NO_MKDOCS_2_WARNING := 1

serve:
	@scripts/setup.sh serve
	PREMATCH_KB_HANDBOOK=1 .venv/bin/mkdocs serve --strict -a 127.0.0.1:8000

lint:
	@scripts/setup.sh serve
	.venv/bin/ruff check
	.venv/bin/mypy

check: lint
	.venv/bin/python -m pytest -m "$(FAST_TESTS)"

test: lint
	@scripts/setup.sh test
	.venv/bin/python -m pytest

build:
	@scripts/setup.sh serve
	PREMATCH_KB_HANDBOOK=1 .venv/bin/mkdocs build --strict

handbook:
	@scripts/setup.sh serve
	.venv/bin/prematch-kb handbook -o build/handbook.pdf
	.venv/bin/prematch-kb quick-reference -o build/quick-reference.pdf

validate:
	@scripts/setup.sh serve
	.venv/bin/prematch-kb validate

bench:
	@scripts/setup.sh test
	.venv/bin/python -m bench

clean:
	rm -rf site build .pytest_cache .mypy_cache .ruff_cache
