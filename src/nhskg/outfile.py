"""Writing a command's output file (`export -o`, `network -o`) the way a user expects of each kind of path.

A regular file (or a name not yet taken) is written under a temporary name beside it and renamed over
it once complete and on disk, so a crash or a full disk never leaves half a file where the old one was.
The rename is only right for regular files: renaming over `/dev/null`, a FIFO or a socket would replace
the special file with a regular one (as root, a device node), and renaming over a symlink would replace
the link instead of writing the file it points to. So a symlink is followed to its target (which is then
handled by its own kind), and a special file is written in place, as a shell redirection would.
"""
from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import UserError


def write_output(output: str, content: bytes | Callable[[BinaryIO], None]) -> None:
    """Write `content` (bytes, or a function writing into a binary file) to `output`: into a temporary file
    renamed over a regular target, or straight into a special file (device, FIFO), never seeking.
    Errors become one-line UserErrors."""
    write = content if callable(content) else (lambda f: f.write(content))
    target = Path(os.path.realpath(output))  # a symlink (or a chain of them) writes its final target
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as e:
        raise UserError(f"cannot write {output}: {e.strerror or e}") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise UserError(f"{output} is a folder; give a file name to -o")
    try:
        if mode is not None and not stat.S_ISREG(mode):
            with open(target, "wb") as f:
                write(f)
        else:
            _replace_atomically(target, write)
    except OSError as e:
        raise UserError(f"cannot write {output}: {e.strerror or e}") from None


def _replace_atomically(target: Path, write: Callable[[BinaryIO], None]) -> None:
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    except OSError as e:
        raise UserError(f"cannot write to {target.parent}: {e.strerror or e}") from None
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; an output file should not be
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())  # on disk before it takes the old file's place
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
