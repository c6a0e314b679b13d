"""Read articles from plain text, HTML, JSON Lines and folders of them.

Every input is untrusted: a file that cannot be read as an article yields a ReadError naming the
file and the problem, and reading goes on with the next one.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .model import Article
from .text import clean_literal

MAX_BYTES = 10 * 1024 * 1024  # a news article is tens of KB; anything this large is not one
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
META_SUFFIX = ".meta.json"
METADATA_KEYS = ("title", "url", "published", "publisher")


@dataclass(frozen=True)
class ReadError:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def read_paths(paths: list[str]) -> Iterator[Article | ReadError]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(_walk(path)):
                yield from read_file(f)
        elif path.exists():
            yield from read_file(path)
        else:
            yield ReadError(str(p), "no such file or directory")


def _walk(folder: Path) -> Iterator[Path]:
    for root, _dirs, files in os.walk(folder):
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


def read_file(path: Path) -> Iterator[Article | ReadError]:
    kind = _kind(path) or "text"  # a file named on the command line is read as text whatever its name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield ReadError(str(path), f"too large for an article ({size // 1024 // 1024} MB; the limit is "
                                       f"{MAX_BYTES // 1024 // 1024} MB)")
            return
        raw = path.read_bytes()
    except OSError as e:
        yield ReadError(str(path), f"cannot read: {e.strerror or e}")
        return
    source = str(path.resolve())
    if kind == "jsonl":
        yield from _read_jsonl(path, raw, source)
        return
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
    """UTF-8 if it is, else Windows-1252 (old British news pages); None for binary data."""
    if b"\x00" in raw[:8192]:
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _sidecar(path: Path) -> dict | ReadError:
    meta_path = path.with_name(path.name[: -len(path.suffix)] + META_SUFFIX) if path.suffix else None
    if meta_path is None or not meta_path.exists():
        return {}
    try:
        meta = json.loads(meta_path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        return ReadError(str(meta_path), f"unreadable metadata sidecar: {_short(e)}")
    if not isinstance(meta, dict):
        return ReadError(str(meta_path), "metadata sidecar must be a JSON object")
    return meta


def _article(path: Path | str, source: str, text: str, meta: dict, *, title_from_first_line: bool) -> Article | ReadError:
    text = clean_literal(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        return ReadError(str(path), "empty article (no text)")
    fields = {k: clean_literal(str(meta[k])).strip() for k in METADATA_KEYS if meta.get(k) not in (None, "")}
    if "title" not in fields and title_from_first_line:
        first = text.strip().split("\n", 1)[0].strip()
        if 0 < len(first) <= 300:
            fields["title"] = first
    if fields.get("url") and not fields["url"].startswith(("http://", "https://")):
        fields.pop("url")  # not an address we can vouch for
    return Article(source=source, text=text,
                   title=fields.get("title"), publisher=fields.get("publisher"),
                   published=fields.get("published"), url=fields.get("url"))


def _read_html(path: Path, html: str, source: str) -> Article | ReadError:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as e:  # trafilatura raises many kinds of errors on hostile markup
        return ReadError(str(path), f"cannot extract text from HTML: {_short(e)}")
    if doc is None:
        return ReadError(str(path), "no article text found in the HTML")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = data.get("text") or ""
    title = data.get("title")
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    meta = {"title": title, "url": data.get("url"), "published": data.get("date"), "publisher": data.get("sitename")}
    return _article(path, source, text, meta, title_from_first_line=False)


def _read_jsonl(path: Path, raw: bytes, source: str) -> Iterator[Article | ReadError]:
    text = decode(raw)
    if text is None:
        yield ReadError(str(path), "not a text file (binary content)")
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}#L{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield ReadError(where, f"not valid JSON ({e.msg})")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            yield ReadError(where, 'each line must be a JSON object with a "text" string')
            continue
        meta = {k: obj.get(k) for k in METADATA_KEYS}
        url = obj.get("url") if isinstance(obj.get("url"), str) and obj["url"].startswith(("http://", "https://")) else None
        yield _article(where, url or f"{source}#L{n}", obj["text"], meta, title_from_first_line=False)


def _short(e: Exception) -> str:
    return (str(e).splitlines() or [type(e).__name__])[0][:200]
