"""A local SPARQL endpoint and query page over the store: the `oxigraph` server from PyPI, read-only.

The server runs over a snapshot of the store (a RocksDB checkpoint: hard links, so it takes
milliseconds), not over the store itself. Oxigraph's read-only mode takes no lock, and reading
files that another process is writing is undefined behaviour; over a snapshot, an ingest can go on
while the server answers, and the server sees the store as it was when `nhskg serve` started.
Read-only also means nothing that reaches the port (a script on some web page included) can
change anything.
"""
from __future__ import annotations

import errno
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import requests

from .errors import UserError
from .lifetime import die_with_parent
from .store import open_store

STARTUP_TIMEOUT_S = 30


def oxigraph_binary() -> str:
    # pip puts the binary next to the interpreter, which is not always on PATH (a venv not activated).
    found = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if not found:
        raise UserError("the Oxigraph server is not installed: pip install 'oxigraph>=0.5,<0.6'")
    return found


@dataclass
class Serving:
    process: subprocess.Popen
    url: str  # the query page; the SPARQL endpoint is url + "query"
    snapshot: Path

    def wait(self) -> int:
        return self.process.wait()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.snapshot, ignore_errors=True)


def start(location: str, host: str, port: int) -> Serving:
    binary = oxigraph_binary()
    check_port_free(host, port)
    snapshot = take_snapshot(location)
    log = tempfile.TemporaryFile()
    # Its own session: Ctrl-C reaches nhskg only, which then stops the server and reports nothing odd.
    process = subprocess.Popen(
        [binary, "serve-read-only", "--location", str(snapshot / "store"), "--bind", f"{host}:{port}"],
        stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True, preexec_fn=partial(die_with_parent, os.getpid()))
    serving = Serving(process, f"http://{_url_host(host)}:{port}/", snapshot)
    try:
        _wait_until_up(serving, log, f"{host}:{port}")
    except BaseException:
        serving.stop()
        raise
    return serving


def check_port_free(host: str, port: int) -> None:
    """Refuse a port something already listens on. Without this, a server answering there (another
    Oxigraph, perhaps writable) would pass for ours: the start-up check only asks whether the port answers."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OverflowError) as e:
        raise UserError(f"the Oxigraph server could not start on {host}:{port}: {e}") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        try:
            probe.bind(address)
        except OSError as e:
            why = "the port is already in use" if e.errno == errno.EADDRINUSE else (e.strerror or str(e))
            raise UserError(f"the Oxigraph server could not start on {host}:{port}: {why} "
                            f"(choose another with --port)") from None


SNAPSHOT_OWNER = "serving-pid"


def take_snapshot(location: str) -> Path:
    """A checkpoint of the store in a hidden folder beside it (same file system, so hard links), marked
    with this process's id so that a later start can tell a snapshot left by a killed serve from one in use."""
    store = open_store(location, create=False)  # StoreError "in use ..." while another process writes it
    path = Path(location).resolve()
    remove_stale_snapshots(path)
    folder = Path(tempfile.mkdtemp(prefix=f".{path.name}.serving-", dir=path.parent))
    (folder / SNAPSHOT_OWNER).write_text(str(os.getpid()))
    try:
        store.backup(str(folder / "store"))
    except OSError as e:
        shutil.rmtree(folder, ignore_errors=True)
        raise UserError(f"cannot take a snapshot of {location} to serve: {e}") from None
    return folder


def remove_stale_snapshots(store: Path) -> None:
    """Snapshots whose serve is gone (kill -9 gives it no chance to clean up) are removed; others stay."""
    for folder in store.parent.glob(f".{store.name}.serving-*"):
        try:
            pid = int((folder / SNAPSHOT_OWNER).read_text())
        except (OSError, ValueError):
            continue  # not one this version marked: not ours to judge
        if not _alive(pid):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _wait_until_up(serving: Serving, log, address: str) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if serving.process.poll() is not None:
            raise UserError(f"the Oxigraph server could not start on {address}: {_error_line(log)}")
        try:
            if requests.get(serving.url + "query", params={"query": "ASK {}"}, timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    raise UserError(f"the Oxigraph server did not answer at {serving.url} within {STARTUP_TIMEOUT_S} s")


def _error_line(log) -> str:
    log.seek(0)
    lines = [l.strip() for l in log.read().decode("utf-8", "replace").splitlines() if l.strip()]
    # oxigraph prints "Error: <cause>" and then a backtrace; the cause is what the user needs.
    errors = [l.removeprefix("Error:").strip() for l in lines if l.startswith("Error:")]
    return (errors or lines or ["no message"])[0]


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
