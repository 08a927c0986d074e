"""Concurrent sign-ups and follows all succeed on the configured database.

On SQLite the test database is in memory, where no two connections ever wait for a
lock. The threads here therefore work on a copy of it in a file, as the embedded
default does on a demo: each thread opens its own connection with the settings'
options (WAL, busy timeout, immediate transactions). On PostgreSQL they share the test
database. A barrier starts the requests together; every one must succeed.
"""

import sqlite3
import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.test import Client

from motions.models import Subscription

# Committed transactions, so the threads see the data; Wagtail's root page, which the
# migrations create, is restored after each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

THREADS = 8


@pytest.fixture
def shared_database(home, tmp_path):
    """The database the threads use: a file copy of the SQLite test database, or the
    PostgreSQL test database itself. Yields a function that counts rows of a table."""
    if connection.vendor != "sqlite":
        yield lambda table: _count(connection, table)
        return
    path = tmp_path / "demo.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as target:
        connection.connection.backup(target)
    target.close()
    original = connections.settings[DEFAULT_DB_ALIAS]
    connections.settings[DEFAULT_DB_ALIAS] = {**original, "NAME": str(path)}
    try:
        with sqlite3.connect(path) as reader:
            yield lambda table: reader.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
        reader.close()
    finally:
        connections.settings[DEFAULT_DB_ALIAS] = original


def _count(conn, table: str) -> int:
    with conn.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608
        return cursor.fetchone()[0]


def _run_together(requests) -> list:
    """Run each request (a function of a test client) in its own thread, all released at
    once by a barrier; return each one's status code or exception."""
    barrier = threading.Barrier(len(requests))
    results: list = [None] * len(requests)

    def worker(index, request):
        client = Client(REMOTE_ADDR=f"192.0.2.{index + 1}")
        try:
            barrier.wait(timeout=30)
            results[index] = request(client).status_code
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            results[index] = error
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=worker, args=(index, request))
        for index, request in enumerate(requests)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def _signup(number: int):
    def post(client):
        return client.post(
            "/hesap/kayit/",
            {
                "first_name": "Deniz",
                "last_name": f"Yılmaz {number}",
                "email": f"deniz{number}@example.org",
                "password1": "uzun-ve-guclu-parola-2026",
                "password2": "uzun-ve-guclu-parola-2026",
                "privacy_consent": "on",
            },
        )

    return post


def _follow(number: int):
    def post(client):
        return client.post(
            "/takip/",
            {"email": f"takipci{number}@example.org", "scope": "all", "consent": "on"},
        )

    return post


def test_the_sqlite_default_waits_for_its_turn_instead_of_failing(settings):
    options = settings.DATABASES[DEFAULT_DB_ALIAS].get("OPTIONS", {})
    if connection.vendor == "sqlite":
        assert options["transaction_mode"] == "IMMEDIATE"
        assert options["timeout"] >= 5
        assert "journal_mode=WAL" in options["init_command"]
    else:
        assert "transaction_mode" not in options


def test_concurrent_signups_and_follows_all_succeed(shared_database):
    users_before = shared_database(get_user_model()._meta.db_table)
    follows_before = shared_database(Subscription._meta.db_table)

    results = _run_together(
        [_signup(number) for number in range(THREADS)]
        + [_follow(number) for number in range(THREADS)]
    )

    assert results == [302] * (2 * THREADS), results
    assert shared_database(get_user_model()._meta.db_table) == users_before + THREADS
    assert shared_database(Subscription._meta.db_table) == follows_before + THREADS


def test_the_threads_connections_use_write_ahead_logging(shared_database):
    journal_modes = []

    def read_mode(client):
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("PRAGMA journal_mode" if connection.vendor == "sqlite" else "SELECT 1")
            journal_modes.append(cursor.fetchone()[0])
        return client.get("/hesap/giris/")

    assert _run_together([read_mode, read_mode]) == [200, 200]
    assert journal_modes == (["wal", "wal"] if connection.vendor == "sqlite" else [1, 1])
