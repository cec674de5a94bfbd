#!/usr/bin/env bash
# Dump the whole database to one file: scripts/backup.sh [FILE]
#   PostgreSQL (DATABASE_URL=postgres://...): pg_dump custom format (-Fc), compressed,
#     restorable with scripts/restore.sh (pg_restore) into an empty database.
#   SQLite (DATABASE_URL unset or sqlite:///...): sqlite3's online .backup, safe
#     while the app runs.
# Default FILE: backups/omradesutveckling-YYYYmmdd-HHMMSS.{dump,sqlite3}
set -euo pipefail
cd "$(dirname "$0")/.."
url="${DATABASE_URL:-sqlite:///$(pwd)/db.sqlite3}"
stamp="$(date +%Y%m%d-%H%M%S)"
case "$url" in
  postgres://*|postgresql://*)
    out="${1:-backups/omradesutveckling-$stamp.dump}"
    mkdir -p "$(dirname "$out")"
    pg_dump --format=custom --no-owner --no-privileges --dbname="$url" --file="$out"
    ;;
  sqlite://*)
    db="${url#sqlite://}"
    out="${1:-backups/omradesutveckling-$stamp.sqlite3}"
    mkdir -p "$(dirname "$out")"
    test -f "$db" || { echo "No SQLite database at $db" >&2; exit 1; }
    sqlite3 "$db" ".backup '$out'"
    ;;
  *) echo "Unsupported DATABASE_URL scheme: ${url%%:*}" >&2; exit 2 ;;
esac
echo "$out"
