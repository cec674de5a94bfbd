#!/usr/bin/env bash
# `make test`: install what the tests need and run the whole suite. With
# DATABASE_URL set it runs against that database (PostgreSQL in CI).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install.sh test
./scripts/ensure_chromium.sh
export SECRET_KEY="${SECRET_KEY:-test-only-secret-key-not-for-production-0123456789}"
.venv/bin/python manage.py check
.venv/bin/python manage.py makemigrations --check --dry-run
exec .venv/bin/python -m pytest "$@"
