"""Backups: scripts/backup.sh dumps the whole database, scripts/restore.sh restores
it into a fresh one, and every table's row count and data checksum match."""

import hashlib
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def some_data(alby, tumba, org, alby_people, tumba_people, reader):
    from tests.trust.matrix_apps import app_world

    app_world(alby, alby_people, "alby")  # planning year, effort, follow-up row


def _script(name, env, *args):
    result = subprocess.run([str(ROOT / "scripts" / name), *args], env={**os.environ, **env},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.strip()


def _pg_fingerprint(url):
    """Per table: row count and md5 of all rows (as text, in a fixed order)."""
    import psycopg

    out = {}
    with psycopg.connect(url, autocommit=True) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")]
        for t in tables:
            count, digest = conn.execute(
                f'SELECT count(*), md5(coalesce(string_agg(t::text, \'|\' ORDER BY t::text), \'\')) '
                f'FROM "{t}" t').fetchone()
            out[t] = (count, digest)
    return out


def _sqlite_fingerprint(path):
    out = {}
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY 1")]
        for t in tables:
            rows = sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{t}"'))
            out[t] = (len(rows), hashlib.sha256("|".join(rows).encode()).hexdigest())
    finally:
        conn.close()
    return out


def _assert_same(before, after):
    assert set(after) == set(before)
    domain = [t for t in before if t.split("_")[0] in {"areas", "planning", "budget", "trust"}]
    assert domain and any(before[t][0] > 0 for t in domain)
    assert before["areas_membership"][0] > 0
    for table, fingerprint in before.items():
        assert after[table] == fingerprint, table


@pytest.mark.django_db(transaction=True)
def test_postgresql_dump_restores_into_a_fresh_database(some_data, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL variant (pg_dump/pg_restore): runs in the PostgreSQL CI run")
    s = connection.settings_dict
    base = f"postgres://{s['USER']}{':' + s['PASSWORD'] if s['PASSWORD'] else ''}@" \
           f"{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/"
    source = base + s["NAME"]
    fresh = s["NAME"] + "_restore"
    import psycopg

    with psycopg.connect(base + "postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{fresh}"')
        admin.execute(f'CREATE DATABASE "{fresh}"')
    try:
        dump = _script("backup.sh", {"DATABASE_URL": source}, str(tmp_path / "db.dump"))
        assert Path(dump).stat().st_size > 0
        _script("restore.sh", {"DATABASE_URL": base + fresh}, dump)
        _assert_same(_pg_fingerprint(source), _pg_fingerprint(base + fresh))
    finally:
        with psycopg.connect(base + "postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True)
def test_sqlite_backup_restores_into_a_fresh_file(some_data, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite variant (sqlite3 .backup/.restore): runs in the SQLite CI run")
    # The test database lives in memory: copy it to a file the scripts can read.
    source = tmp_path / "live.sqlite3"
    connection.ensure_connection()
    file_conn = sqlite3.connect(source)
    connection.connection.backup(file_conn)
    file_conn.close()
    dump = _script("backup.sh", {"DATABASE_URL": f"sqlite:///{source}"},
                   str(tmp_path / "backup.sqlite3"))
    fresh = tmp_path / "restored.sqlite3"
    _script("restore.sh", {"DATABASE_URL": f"sqlite:///{fresh}"}, dump)
    _assert_same(_sqlite_fingerprint(source), _sqlite_fingerprint(fresh))
