#!/usr/bin/env bash
# Installs what the project needs on a fresh machine of its kind, and nothing twice.
#   scripts/setup.sh serve   Python environment and the Pyodide runtime (enough to build and serve)
#   scripts/setup.sh test    the above plus Debian's chromium and poppler-utils for the tests
set -euo pipefail
cd "$(dirname "$0")/.."
purpose="${1:-serve}"

log() { printf '[setup] %s\n' "$*" >&2; }

# --- System packages (Debian) -------------------------------------------------------------
missing=()
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ "$purpose" = test ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
fi
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Python (3.12+, pinned packages in .venv) ------------------------------------------------
python_bin=""
for candidate in python3 python3.12 python3.13; do
  if command -v "$candidate" >/dev/null 2>&1 &&
     "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
    python_bin="$candidate"; break
  fi
done
if [ -z "$python_bin" ]; then
  log "error: Python 3.12 or newer is needed (pyenv reads .python-version; or install python3.12)"
  exit 2
fi
stamp=.venv/.installed
if [ ! -x .venv/bin/python ] || [ ! -f "$stamp" ] || [ requirements.lock -nt "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  log "creating .venv with $("$python_bin" --version)"
  "$python_bin" -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.lock
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
  touch "$stamp"
fi

# --- Node packages (the Pyodide runtime, self-hosted in the built site) -----------------------
if [ ! -d node_modules/pyodide ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing Node packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
log "ready"
