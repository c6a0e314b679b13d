"""An HTML page's main text and metadata (by trafilatura), at a bounded cost.

trafilatura and the libxml2 parser under it are not linear in hostile markup: one tag with 40,000
attributes took 13 s to read and one with 200,000 took 846 s (libxml2 checks each attribute against
all those before it), and 100,000 paragraphs 30 s. So a page is cleaned of such markup before it
is parsed (`bounded`), and what is left runs in a child process given `BUDGET_SECONDS`. A child,
because nothing else can stop the work at any point: a signal alarm works in the main thread only,
is the caller's to use (scripts/fuzz.py times its inputs with one) and waits for libxml2's C loop or
a regular expression to return; a thread cannot be stopped at all. One child reads page after page,
so trafilatura is imported once; one that ran out of time is killed and the next page gets a new one.
A subprocess, not multiprocessing: the workers of a multiprocessing pool may not have children.
"""
from __future__ import annotations

import atexit
import json
import logging
import os
import re
import select
import subprocess
import sys
import threading
import time
from itertools import islice

from ..lifetime import die_with_parent

MAX_ELEMENTS = 50_000  # a long news page has a few thousand; 50,000 paragraphs cost trafilatura 9 s
MAX_TAG_ATTRIBUTES = 100  # a real tag has a few dozen at most; libxml2 is quadratic in them
BUDGET_SECONDS = 30.0  # a news page takes under a second; the costliest page tried within the limits, 16 s
START_SECONDS = 60.0  # to start the child and import trafilatura, even on a busy machine

# A start tag as an HTML5 tokenizer reads it: a quoted value may hold ">", and a tag never closed runs
# to the end. Each part of the loop begins with a character the others cannot, and the loop only stops
# at ">" or the end, so a match never fails once begun: no backtracking, one pass over the page.
_ATTRIBUTE = r"""[^\s/>][^\s/>=]*(?:\s*=\s*(?:"[^"]*(?:"|\Z)|'[^']*(?:'|\Z)|[^\s>]*))?"""
_TAG = re.compile(r"<[A-Za-z][^\s/>]*(?:[\s/]+|" + _ATTRIBUTE + r")*(?:>|\Z)")
_TAG_NAME = re.compile(r"<[^\s/>]*")
_ATTRIBUTES = re.compile(_ATTRIBUTE)


class PageError(Exception):
    """A page that cannot be read as an article; the message says why, in one line, for the user."""


def bounded(html: str) -> str:
    """The page with at most MAX_TAG_ATTRIBUTES attributes a tag (the rest dropped: the article text is
    never in them), refused with more than MAX_ELEMENTS elements."""
    elements = len(_TAG.findall(html))
    if elements > MAX_ELEMENTS:
        raise PageError(f"too many HTML elements for an article ({elements:,}; the limit is {MAX_ELEMENTS:,})")
    return _TAG.sub(_trim_attributes, html)


def _trim_attributes(tag: re.Match) -> str:
    text = tag.group()
    if len(text) <= 2 * MAX_TAG_ATTRIBUTES:  # " a" is the shortest attribute: too short to hold too many
        return text
    attributes = _ATTRIBUTES.finditer(text, _TAG_NAME.match(text).end())
    ends = [a.end() for a in islice(attributes, MAX_TAG_ATTRIBUTES + 1)]
    if len(ends) <= MAX_TAG_ATTRIBUTES:
        return text
    return text[: ends[-2]] + (">" if text.endswith(">") else "")


def extract(html: str) -> dict:
    """Text, title, url, date and sitename of a page, as trafilatura finds them (run in the child)."""
    import trafilatura  # slow to import: only the child needs it

    html = bounded(html)
    # trafilatura raises many kinds of errors on hostile markup, often in its metadata helpers (htmldate
    # asserts on an <svg> at the top): the text without the metadata is still the article.
    for with_metadata in (True, False):
        try:
            doc = trafilatura.bare_extraction(html, with_metadata=with_metadata, include_comments=False,
                                              include_tables=False)
            break
        except Exception as e:
            problem = f"cannot extract text from HTML: {short_reason(e)}"
    else:
        raise PageError(problem)
    if doc is None:
        raise PageError("no article text found in the HTML")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return {k: data.get(k) for k in ("text", "title", "url", "date", "sitename")}


def short_reason(e: Exception) -> str:
    return (str(e).splitlines() or [type(e).__name__])[0][:200]


class _Child:
    """The child process reading pages: one JSON line in (the page), one out (what `extract` found, or
    the problem, with the log records it made for this process to pass on)."""

    def __init__(self) -> None:
        # the parent's import path, as multiprocessing's spawn does: `-m` would look in the current folder
        code = f"import sys; sys.path[:] = {sys.path!r}; from {__name__} import serve; serve({os.getpid()})"
        self.owner = os.getpid()
        try:
            self.process = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        except OSError as e:  # out of processes or memory
            raise PageError(f"cannot extract text from HTML: cannot start its reader ({e.strerror})") from None
        if self._line(START_SECONDS) != b'"ready"\n':
            self.stop()
            raise PageError("cannot extract text from HTML: its reader did not start")

    def read(self, html: str, seconds: float) -> dict:
        try:
            self.process.stdin.write(json.dumps(html).encode("ascii") + b"\n")
            self.process.stdin.flush()
        except OSError:
            line = b""
        else:
            line = self._line(seconds)
        if line is None:
            raise PageError(f"too costly to read (over {seconds:g} s)")
        if not line:
            raise PageError("cannot extract text from HTML: its reader stopped")
        return json.loads(line)

    def _line(self, seconds: float) -> bytes | None:
        """The child's next line; b"" if it ended, None if nothing came in time."""
        deadline = time.monotonic() + seconds
        fd, chunks = self.process.stdout.fileno(), []
        while (left := deadline - time.monotonic()) > 0 and select.select([fd], [], [], left)[0]:
            chunks.append(chunk := os.read(fd, 1 << 16))
            if not chunk or chunk.endswith(b"\n"):  # one line a request: its JSON holds no newline
                return chunk and b"".join(chunks)
        return None

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()
        self.process.stdin.close()
        self.process.stdout.close()


_child: _Child | None = None
_lock = threading.Lock()  # one page at a time through the one child


def read_page(html: str) -> dict:
    """What `extract` finds in the page, found in the child within BUDGET_SECONDS; PageError if not."""
    global _child
    with _lock:
        if _child is None or _child.owner != os.getpid():  # a forked process must not share the pipes
            _child = _Child()
        try:
            reply = _child.read(html, BUDGET_SECONDS)
        except BaseException:  # Ctrl-C too: the child's late reply must not be taken for the next page's
            _child.stop()
            _child = None
            raise
    _pass_on(reply["logs"])
    if "problem" in reply:
        raise PageError(reply["problem"])
    return reply["page"]


def _pass_on(logs: list) -> None:
    """The child's log records, to this process's logging if it was set up (the CLI shows each as a line);
    if not, they are dropped, as trafilatura's and htmldate's NullHandlers dropped them in-process."""
    if logging.getLogger().handlers:
        for name, level, message in logs:
            logging.getLogger(name).log(level, "%s", message)


@atexit.register
def _stop_child() -> None:
    if _child is not None and _child.owner == os.getpid():
        _child.stop()


class _Kept(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def serve(parent: int) -> None:
    """The child's loop; it ends when the parent closes its end of the pipe, or dies."""
    die_with_parent(parent)
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # a stray print must not break a reply
    kept = _Kept()
    logging.getLogger().addHandler(kept)
    logging.captureWarnings(True)
    import trafilatura  # noqa: F401  before "ready": the budget is for reading pages, not for this

    _send(replies, "ready")
    for line in sys.stdin.buffer:
        kept.records.clear()
        try:
            reply = {"page": extract(json.loads(line))}
        except PageError as e:
            reply = {"problem": str(e)}
        _send(replies, {**reply, "logs": kept.records})


def _send(out, value) -> None:
    out.write(json.dumps(value).encode("ascii") + b"\n")
    out.flush()
