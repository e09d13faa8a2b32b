# Two commands do all set-up on a fresh machine:
#   make serve   build the whole site (guide, checker, handbook) and serve it at http://127.0.0.1:8000
#   make test    run the full test suite
.PHONY: serve test build handbook validate bench clean

# Material for MkDocs prints a banner about its successor on every build.
export NO_MKDOCS_2_WARNING := 1

serve:
	@scripts/setup.sh serve
	PREMATCH_KB_HANDBOOK=1 .venv/bin/mkdocs serve --strict -a 127.0.0.1:8000

test:
	@scripts/setup.sh test
	.venv/bin/python -m pytest

build:
	@scripts/setup.sh serve
	PREMATCH_KB_HANDBOOK=1 .venv/bin/mkdocs build --strict

handbook:
	@scripts/setup.sh serve
	.venv/bin/prematch-kb handbook -o build/handbook.pdf

validate:
	@scripts/setup.sh serve
	.venv/bin/prematch-kb validate

bench:
	@scripts/setup.sh test
	.venv/bin/python -m bench

clean:
	rm -rf site build .pytest_cache
