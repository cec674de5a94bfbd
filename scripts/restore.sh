#!/usr/bin/env bash
# Restore a dump made by scripts/backup.sh into DATABASE_URL: scripts/restore.sh FILE
#   PostgreSQL: pg_restore into the database named by DATABASE_URL, which should be
#     new and empty (createdb NAME first); objects that exist are dropped and
#     recreated (--clean --if-exists). Stop the app first.
#   SQLite: sqlite3's .restore over the database file. Stop the app first.
set -euo pipefail
cd "$(dirname "$0")/.."
file="${1:?usage: scripts/restore.sh FILE}"
test -f "$file" || { echo "No such dump: $file" >&2; exit 1; }
url="${DATABASE_URL:-sqlite:///$(pwd)/db.sqlite3}"
case "$url" in
  postgres://*|postgresql://*)
    pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error \
      --dbname="$url" "$file"
    ;;
  sqlite://*)
    db="${url#sqlite://}"
    sqlite3 "$db" ".restore '$file'"
    ;;
  *) echo "Unsupported DATABASE_URL scheme: ${url%%:*}" >&2; exit 2 ;;
esac
echo "restored $file"
