#!/usr/bin/env bash
# `make run`: install, migrate the embedded SQLite database, load the demo
# data (idempotent) and serve on 127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install.sh
export DEBUG="${DEBUG:-true}"
.venv/bin/python manage.py migrate --no-input
.venv/bin/python manage.py load_demo
exec .venv/bin/python manage.py runserver 127.0.0.1:8000
