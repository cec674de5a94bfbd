#!/usr/bin/env bash
# Installs the app into .venv. `install.sh` installs what the app needs,
# `install.sh test` also what the tests need. Reuses what is there: it only
# runs pip again when pyproject.toml changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."

extra="${1:-}"
python="${PYTHON:-python3.11}"
if ! command -v "$python" >/dev/null 2>&1; then
    echo "Python 3.11 behövs (python3.11 hittades inte). Installera: apt-get install python3.11 python3.11-venv" >&2
    exit 1
fi

./scripts/system_deps.sh

if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
    .venv/bin/python -m pip install --quiet --upgrade pip
fi

stamp=".venv/.installed${extra:+-$extra}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    # Read the pinned requirements straight from pyproject.toml (no build step).
    .venv/bin/python - "$extra" > .venv/requirements.txt <<'PY'
import sys, tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
reqs = list(project["dependencies"])
if sys.argv[1]:
    reqs += project["optional-dependencies"][sys.argv[1]]
print("\n".join(reqs))
PY
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r .venv/requirements.txt
    touch "$stamp"
fi
