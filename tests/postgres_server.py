"""A throwaway PostgreSQL server (Debian's ``postgresql`` package) on a free local port, for
the batch store's tests and bench/batch_scale.py."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path


class Unavailable(Exception):
    """No server could start; the message says why."""


def _free_port() -> int:
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def throwaway_server() -> Iterator[str]:
    """Start a server in a new folder, yield its URL without a database (user ``budgetlens``,
    no password), then stop it and remove the folder. Runs as the ``postgres`` user when this
    process is root, which PostgreSQL refuses to run as."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    if not found:
        raise Unavailable("no /usr/lib/postgresql/*/bin/pg_ctl (apt-get install postgresql)")
    bin_dir = found[-1].parent
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    home = Path(tempfile.mkdtemp(prefix="budgetlens-pg-"))
    if as_user:
        shutil.chown(home, "postgres", "postgres")
    port, data = _free_port(), home / "data"
    options = f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off"
    initdb = [str(bin_dir / "initdb"), "-D", str(data), "-U", "budgetlens", "--auth=trust"]
    start = [str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(home / "log"), "-w", "-o", options]
    try:
        for command in ([*initdb, "-E", "UTF8"], [*start, "start"]):
            done = subprocess.run([*as_user, *command], capture_output=True, text=True)
            if done.returncode != 0:
                reason = (done.stderr or done.stdout).strip().splitlines() or ["no output"]
                raise Unavailable(reason[-1])
        yield f"postgresql://budgetlens@127.0.0.1:{port}"
    finally:
        subprocess.run(
            [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(home, ignore_errors=True)
