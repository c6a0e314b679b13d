"""The one check of an endpoint URL that `query --endpoint` and `push --endpoint` take from the user.

urllib accepts much that it later refuses (an unclosed IPv6 bracket, a port that is not a number) with
ValueError or http.client.InvalidURL deep inside a request; read here, they are one line for the user.
"""
from __future__ import annotations

from urllib.parse import SplitResult, urlsplit

from .errors import UserError


def http_endpoint(url: str) -> SplitResult:
    """The parts of an http(s) URL with a host and, if any, a numeric port; UserError otherwise."""
    try:
        url.encode("utf-8")
        parts = urlsplit(url)
        parts.port  # noqa: B018  (reading it is the check: ValueError for "abc" or 99999999)
    except (ValueError, UnicodeEncodeError) as e:
        raise UserError(f"--endpoint is not a valid URL ({e}): {url!r}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UserError(f"--endpoint must be an http(s) URL, got {url!r}")
    return parts
