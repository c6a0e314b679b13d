"""nhskg serve: a SPARQL endpoint and a query page over the store, on 127.0.0.1."""
from __future__ import annotations

import ipaddress
import signal
import sys

from ..cli import add_store_option
from ..serve import start


def register(sub) -> None:
    p = sub.add_parser(
        "serve", help="a SPARQL endpoint and a query page in the browser, over the store (read-only)",
        description="Serve the store over HTTP with the Oxigraph server: a query page at / and the SPARQL 1.1 "
                    "endpoint at /query. It serves a snapshot of the store taken when it starts (so an ingest can "
                    "run meanwhile; restart to see its articles), read-only: updates are refused. Ctrl-C stops it.")
    add_store_option(p)
    p.add_argument("--port", type=int, default=7878, help="TCP port (default: 7878)")
    p.add_argument("--bind", default="127.0.0.1", metavar="HOST",
                   help="address to listen on (default: 127.0.0.1, this machine only)")
    p.set_defaults(run=run)


def run(args) -> int:
    if not _is_loopback(args.bind):
        print(f"nhskg serve: warning: listening on {args.bind}: anyone who can reach it can query the store",
              file=sys.stderr)
    signal.signal(signal.SIGTERM, _interrupt)
    serving = start(args.store, args.bind, args.port)
    try:
        print(f"serving {args.store} as it is now (read-only)\n  query page       {serving.url}\n"
              f"  SPARQL endpoint  {serving.url}query\npress Ctrl-C to stop", flush=True)
        code = serving.wait()
    except KeyboardInterrupt:
        code = 0
    finally:
        serving.stop()
    if code:
        print(f"nhskg serve: the Oxigraph server exited with status {code}", file=sys.stderr)
        return 1
    return 0


def _interrupt(signum, frame):
    """SIGTERM ends the command the way Ctrl-C does, so the server is stopped either way."""
    raise KeyboardInterrupt


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"
