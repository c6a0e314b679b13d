"""`-o PATH` writes what a user expects of each kind of path (issue 22, point 1).

A regular file is replaced atomically; a symlink is written through to its target (the link stays); a
FIFO and a device node are written in place and stay what they were, never replaced by a regular file.
"""
from __future__ import annotations

import os
import stat
import threading

import pyoxigraph
import pytest

from cli_kit import build_store, facts_2021, run


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    location = str(tmp_path_factory.mktemp("kg") / "store")
    build_store(location, facts_2021())
    return location


def quads(data: bytes) -> int:
    return sum(1 for _ in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_QUADS))


def exported(capsys, store: str, *args: str) -> tuple[int, str]:
    code, _, err = run(capsys, "export", "--store", store, "--format", "nquads", *args)
    return code, err


def test_a_symlink_is_written_through_and_stays_a_link(store, capsys, tmp_path):
    target, link = tmp_path / "real.nq", tmp_path / "link.nq"
    target.write_text("old")
    link.symlink_to(target)
    code, err = exported(capsys, store, "-o", str(link))
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == str(target)
    _, whole, _ = run(capsys, "export", "--store", store, "--format", "nquads")
    assert quads(target.read_bytes()) == quads(whole.encode()) > 0


def test_a_dangling_symlink_creates_its_target(store, capsys, tmp_path):
    target, link = tmp_path / "new.nq", tmp_path / "link.nq"
    link.symlink_to(target)
    code, err = exported(capsys, store, "-o", str(link))
    assert code == 0, err
    assert link.is_symlink() and quads(target.read_bytes()) > 0


def _read_fifo(path, into: list) -> threading.Thread:
    def reader():
        with open(path, "rb") as f:
            into.append(f.read())
    t = threading.Thread(target=reader, daemon=True)
    t.start()
    return t


def test_a_fifo_gets_the_export_and_stays_a_fifo(store, capsys, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    t = _read_fifo(fifo, got)
    code, err = exported(capsys, store, "-o", str(fifo))
    t.join(10)
    assert code == 0, err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert got and quads(got[0]) > 0


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_node_is_written_in_place_and_stays_a_device(store, capsys, tmp_path):
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # the null device, under the test's own folder
    code, err = exported(capsys, store, "-o", str(null))
    assert code == 0, err
    assert stat.S_ISCHR(os.stat(null).st_mode)


def test_a_regular_file_is_replaced_and_no_temporary_file_is_left(store, capsys, tmp_path):
    out = tmp_path / "kg.nq"
    out.write_text("old")
    code, err = exported(capsys, store, "-o", str(out))
    assert code == 0, err
    assert quads(out.read_bytes()) > 0 and sorted(p.name for p in tmp_path.iterdir()) == ["kg.nq"]


@pytest.mark.parametrize("fmt", ["text", "png"])
def test_network_output_to_a_fifo_and_through_a_symlink(store, capsys, tmp_path, fmt):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    t = _read_fifo(fifo, got)
    code, _, err = run(capsys, "network", "--store", store, "--format", fmt, "-o", str(fifo))
    t.join(30)
    assert code == 0, err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and got and got[0]
    if fmt == "png":
        assert got[0].startswith(b"\x89PNG")
    target, link = tmp_path / f"real.{fmt}", tmp_path / f"link.{fmt}"
    link.symlink_to(target)
    code, _, err = run(capsys, "network", "--store", store, "--format", fmt, "-o", str(link))
    assert code == 0, err
    assert link.is_symlink() and target.stat().st_size > 0
