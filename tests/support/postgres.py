"""A throwaway PostgreSQL server for the store tests: ``initdb`` in a temporary folder, started with
``pg_ctl`` on a unix socket only (no TCP port, so nothing else on the machine can collide with it
or reach it), trust authentication, and one fresh database per test.

PostgreSQL refuses to run as root, so as root the server runs as the ``postgres`` user (which the
Debian package creates) or else ``nobody``, through ``runuser``. The binaries are looked up on
PATH, then in Debian's ``/usr/lib/postgresql/*/bin`` (where ``apt-get install postgresql`` puts
them, off PATH). ``PostgresUnavailableError`` says why a server could not be had; the fixture decides
whether that skips (on a developer's machine) or fails (under CI, which installs PostgreSQL).
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import pytest

PORT = 5432
"""Only names the socket file (``.s.PGSQL.5432``): the server listens on no TCP address."""
SUPERUSER = "newsdiff"
INITDB = ["-E", "UTF8", "--locale=C", "--no-sync"]
"""UTF-8 text; the C locale, present everywhere (the store's times compare bytewise anyway)."""


class PostgresUnavailableError(Exception):
    """No PostgreSQL server could be started here; the message says why."""


def unavailable(reason: str, env: Mapping[str, str]) -> NoReturn:
    """No server: under CI (``CI=true``, which installs PostgreSQL) the test fails; elsewhere it
    is skipped, saying why."""
    if env.get("CI") == "true":
        pytest.fail(f"CI runs the store tests on PostgreSQL, but none could be started: {reason}")
    pytest.skip(f"no PostgreSQL server for the store tests: {reason}")


def bin_dir() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres, or None."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).parent
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0,  # the newest major version last
    )
    usable = [path.parent for path in debian if (path.parent / "pg_ctl").exists()]
    return usable[-1] if usable else None


def _run_as() -> list[str]:
    """The command prefix that runs the server's tools as a user PostgreSQL accepts."""
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    if runuser is None:
        raise PostgresUnavailableError("running as root and runuser is missing (PostgreSQL refuses root)")
    for user in ("postgres", "nobody"):
        try:
            pwd.getpwnam(user)
        except KeyError:
            continue
        return [runuser, "-u", user, "--"]
    raise PostgresUnavailableError("running as root with neither a postgres nor a nobody user")


@dataclass
class PostgresServer:
    root: Path
    tools: Path
    prefix: list[str]
    _names: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres") -> str:
        """A SQLAlchemy URL for ``database`` on this server, through its socket."""
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.root}&port={PORT}"

    def new_database(self) -> str:
        """A fresh, empty database's URL (each test its own: no test sees another's rows)."""
        import psycopg

        name = f"test_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(host=str(self.root), port=PORT, user=SUPERUSER, dbname="postgres") as conn:
            conn.autocommit = True
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        subprocess.run(
            [*self.prefix, str(self.tools / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.root, ignore_errors=True)


def _step(command: list[str], what: str, log: Path | None = None) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        if log is not None and log.exists():
            detail += log.read_text(errors="replace").strip().splitlines()
        raise PostgresUnavailableError(f"{what} failed: {' / '.join(detail[-3:]) or done.returncode}")


def start_postgres() -> PostgresServer:
    """A new server in a new temporary folder, running; ``PostgresUnavailableError`` if that cannot be."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise PostgresUnavailableError("psycopg is not installed (pip install '.[postgres]')") from None
    tools = bin_dir()
    if tools is None:
        raise PostgresUnavailableError(
            "PostgreSQL is not installed (no initdb on PATH or in /usr/lib/postgresql)"
        )
    prefix = _run_as()
    # Under /tmp, not pytest's tmp_path: that is private to the test's user, and the socket's path
    # must stay under the ~100 bytes a unix socket address holds.
    root = Path(tempfile.mkdtemp(prefix="newsdiff-pg-"))
    if prefix:
        shutil.chown(root, user=prefix[2])
    server = PostgresServer(root, tools, prefix)
    try:
        _step(
            [*prefix, str(tools / "initdb"), "-D", str(server.data), "-U", SUPERUSER, "-A", "trust", *INITDB],
            "initdb",
        )
        options = f"-k {root} -p {PORT} -c listen_addresses= -c fsync=off -c full_page_writes=off"
        start = ["-o", options, "start"]
        log = root / "server.log"
        _step(
            [
                *prefix,
                str(tools / "pg_ctl"),
                "-D",
                str(server.data),
                "-l",
                str(log),
                "-w",
                "-t",
                "60",
                *start,
            ],
            "pg_ctl start",
            log,
        )
    except (PostgresUnavailableError, OSError, subprocess.TimeoutExpired) as exc:
        server.stop()
        if isinstance(exc, PostgresUnavailableError):
            raise
        raise PostgresUnavailableError(f"starting PostgreSQL failed: {exc}") from None
    return server
