"""Child processes that do not outlive nhskg: a server it started, the workers of an ingest.

Run in the child (as a `preexec_fn` or a pool initializer): Linux sends the child SIGTERM when its
parent dies, however it dies, kill -9 included, so nothing is left running with nobody to stop it.
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """`parent`: the process id of the parent, read before the child started, since a parent that dies
    before this runs (a worker takes a while to start) would leave the child adopted and never signalled."""
    if not sys.platform.startswith("linux"):
        return
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # the parent died before the request took effect
        os.kill(os.getpid(), signal.SIGTERM)
