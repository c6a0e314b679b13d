"""Read articles from plain text, HTML, JSON Lines and folders of them.

Every input is untrusted: a file that cannot be read as an article yields a ReadError naming the
file and the problem, and reading goes on with the next one.
"""
from __future__ import annotations

import codecs
import errno
import json
import os
import stat
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

from .htmlpage import PageError, read_page, short_reason
from .model import Article
from .text import clean_literal

MAX_BYTES = 10 * 1024 * 1024  # a news article is tens of KB; anything this large is not one
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
META_SUFFIX = ".meta.json"
BINARY_CONTROL_SHARE = 0.05
_CONTROL_BYTES = [bytes([b]) for b in range(32) if b not in b"\t\n\r\x0c"]
METADATA_KEYS = ("title", "url", "published", "publisher")


def printable(name: str) -> str:
    """A file name or URL as one plain line: a newline or a terminal escape in it is shown escaped."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)


@dataclass(frozen=True)
class ReadError:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{printable(self.path)}: {self.message}"


def read_paths(paths: list[str]) -> Iterator[Article | ReadError]:
    """Every article of the files and folders given, each file read once however often it is named
    (a folder and a file in it, or one file twice): naming a file again is not a second article."""
    read: set[str] = set()

    def once(f: Path) -> Iterator[Article | ReadError]:
        key = os.path.realpath(f)
        if key not in read:
            read.add(key)
            yield from read_file(f)

    for p in paths:
        path = Path(p)
        try:
            is_dir = path.is_dir()
        except OSError as e:  # a parent folder we may not enter
            yield ReadError(str(p), _os_problem(e))
            continue
        if is_dir:
            problems: list[OSError] = []
            for f in sorted(_walk(path, problems.append)):
                yield from once(f)
            for e in problems:
                yield ReadError(e.filename or str(p), _os_problem(e))
        elif path.exists() or path.is_symlink():
            yield from once(path)
        else:
            yield ReadError(str(p), "no such file or directory")


def _walk(folder: Path, onerror) -> Iterator[Path]:
    for root, _dirs, files in os.walk(folder, onerror=onerror):
        for name in files:
            f = Path(root) / name
            if not name.startswith(".") and _kind(f) is not None:
                yield f


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(META_SUFFIX):
        return None  # a sidecar, read with its article
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return None


class _Unreadable(Exception):
    """A file that cannot be read as one; the message says why, for the user."""


@contextmanager
def _open(path: Path) -> Iterator[BinaryIO]:
    """A regular file opened for reading. Opened without blocking and checked before anything is read:
    a FIFO or a device named like an article would otherwise hang the read or never end it."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as e:
        if e.errno == errno.ENOENT and path.is_symlink():
            raise _Unreadable("a symbolic link to nothing") from None
        raise _Unreadable(_os_problem(e)) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise _Unreadable("a folder, not a file" if stat.S_ISDIR(mode) else
                          "not a regular file (a pipe, socket or device)")
    with os.fdopen(fd, "rb") as f:
        yield f


def _read_capped(path: Path) -> bytes:
    with _open(path) as f:
        size = os.fstat(f.fileno()).st_size
        try:  # refused by its size unread; capped all the same, in case it grows as it is read
            raw = f.read(MAX_BYTES + 1) if size <= MAX_BYTES else b""
        except OSError as e:
            raise _Unreadable(_os_problem(e)) from None
    if max(size, len(raw)) > MAX_BYTES:
        raise _Unreadable(f"too large for an article ({max(size, len(raw)) / 1024 / 1024:.0f} MB; the limit is "
                          f"{MAX_BYTES // 1024 // 1024} MB)")
    return raw


def read_file(path: Path) -> Iterator[Article | ReadError]:
    kind = _kind(path) or "text"  # a file named on the command line is read as text whatever its name
    try:
        if kind == "jsonl":
            yield from _read_jsonl(path)
            return
        raw = _read_capped(path)
    except _Unreadable as e:
        yield ReadError(str(path), str(e))
        return
    source = str(path.resolve())
    text = decode(raw)
    if text is None:
        yield ReadError(str(path), "not a text file (binary content)")
        return
    if kind == "html":
        yield _read_html(path, text, source)
        return
    meta = _sidecar(path)
    if isinstance(meta, ReadError):
        yield meta
        return
    yield _article(path, source, text, meta, title_from_first_line=True)


def decode(raw: bytes) -> str | None:
    """UTF-8 if it is, UTF-16 with its byte-order mark, else Windows-1252 (old British news pages);
    None for binary data."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace")
    return None if _is_binary(raw[:8192]) else _decode_text(raw)


def _is_binary(head: bytes) -> bool:
    # News text has no NUL and next to no other control bytes; images, archives and PDFs have plenty.
    return b"\x00" in head or sum(head.count(b) for b in _CONTROL_BYTES) > len(head) * BINARY_CONTROL_SHARE


def _decode_text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _sidecar(path: Path) -> dict | ReadError:
    meta_path = path.with_name(path.name[: -len(path.suffix)] + META_SUFFIX) if path.suffix else None
    if meta_path is None or not (meta_path.exists() or meta_path.is_symlink()):
        return {}
    try:
        meta = json.loads(_decode_text(_read_capped(meta_path)))
    except _Unreadable as e:
        return ReadError(str(meta_path), f"unreadable metadata sidecar: {e}")
    except (ValueError, RecursionError) as e:  # also numbers too long to convert and nesting too deep
        return ReadError(str(meta_path), f"unreadable metadata sidecar: {_json_problem(e)}")
    if not isinstance(meta, dict):
        return ReadError(str(meta_path), "metadata sidecar must be a JSON object")
    return meta


def _article(path: Path | str, source: str, text: str, meta: dict, *, title_from_first_line: bool) -> Article | ReadError:
    text = clean_literal(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        return ReadError(str(path), "empty article (no text)")
    # Only strings (and whole numbers, for a year) are metadata: a list or an object is not a title.
    fields = {k: clean_literal(str(v)).strip() for k in METADATA_KEYS
              if isinstance(v := meta.get(k), (str, int)) and not isinstance(v, bool)}
    fields = {k: v for k, v in fields.items() if v}
    if "title" not in fields and title_from_first_line:
        first = text.strip().split("\n", 1)[0].strip()
        if 0 < len(first) <= 300:
            fields["title"] = first
    return Article(source=source, text=text,
                   title=fields.get("title"), publisher=fields.get("publisher"),
                   published=fields.get("published"), url=_web_address(meta.get("url")))


def _web_address(value) -> str | None:
    """An http(s) address, cleaned like any literal; anything else is not an address we can vouch for."""
    url = clean_literal(value).strip() if isinstance(value, str) else ""
    return url if url.startswith(("http://", "https://")) else None


def _read_html(path: Path, html: str, source: str) -> Article | ReadError:
    try:
        data = read_page(html)
    except PageError as e:
        return ReadError(str(path), str(e))
    body = data["text"] or ""
    title = data["title"]
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    meta = {"title": title, "url": data["url"], "published": data["date"], "publisher": data["sitename"]}
    return _article(path, source, text, meta, title_from_first_line=False)


def _read_jsonl(path: Path) -> Iterator[Article | ReadError]:
    """One article per line, read a line at a time: a JSON Lines file may be far larger than an article,
    and a bad or truncated line costs only itself. Lines end at "\n" only: JSON strings may hold
    U+2028 and friends, which str.splitlines would take for line ends."""
    source = str(path.resolve())
    with _open(path) as f:
        if _is_binary(f.read(8192)):
            raise _Unreadable("not a text file (binary content)")
        f.seek(0)
        n = found = 0
        while line := _readline(f):
            n += 1
            where = f"{path}#L{n}"
            if len(line) > MAX_BYTES and not line.endswith(b"\n"):
                while (rest := _readline(f)) and not rest.endswith(b"\n"):
                    pass  # the rest of a line too long to be an article
                found += 1
                yield ReadError(where, f"line too long for an article (the limit is {MAX_BYTES // 1024 // 1024} MB)")
                continue
            text = _decode_text(line)
            if not text.strip():
                continue
            found += 1
            try:
                obj = json.loads(text)
            except (ValueError, RecursionError) as e:
                yield ReadError(where, f"not valid JSON ({_json_problem(e)})")
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                yield ReadError(where, 'each line must be a JSON object with a "text" string')
                continue
            yield _article(where, _web_address(obj.get("url")) or f"{source}#L{n}", obj["text"], obj,
                           title_from_first_line=False)
    if not found:
        yield ReadError(str(path), "empty file (no JSON lines)")


def _readline(f: BinaryIO) -> bytes:
    try:
        return f.readline(MAX_BYTES + 1)
    except OSError as e:
        raise _Unreadable(_os_problem(e)) from None


def _json_problem(e: Exception) -> str:
    if isinstance(e, json.JSONDecodeError):
        return e.msg
    if isinstance(e, RecursionError):
        return "nested too deeply"
    return short_reason(e)


def _os_problem(e: OSError) -> str:
    return f"cannot read: {e.strerror or type(e).__name__}"

