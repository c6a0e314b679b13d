"""The `nhskg` command: one subcommand per module in nhskg.commands."""
from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys

from . import __version__
from .errors import UserError
from .ingest.readers import printable
from .store import StoreError, default_location

COMMANDS = ["ingest", "query", "validate", "export", "stats", "push", "serve", "network", "timeline"]

EPILOG = """\
examples:
  nhskg ingest examples/articles --store nhskg-store     read, extract, validate and store articles
  nhskg query ratings --store nhskg-store                a canned query (see `nhskg query --list`)
  nhskg export --store nhskg-store --format trig -o kg.trig
  nhskg push --store nhskg-store --endpoint http://127.0.0.1:7878
  nhskg serve --store nhskg-store                        SPARQL endpoint + query page on 127.0.0.1

The store defaults to $NHSKG_STORE, else ./nhskg-store.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nhskg", description="Turn news about the regulation of NHS hospitals into a knowledge graph.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"nhskg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        try:
            module = importlib.import_module(f".commands.{name}", __package__)
        except ModuleNotFoundError as e:
            if e.name != f"{__package__}.commands.{name}":
                raise
            continue  # a command whose module is not there yet
        module.register(sub)
    return parser


def add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", metavar="DIR", default=default_location(),
                        help="the store folder (default: $NHSKG_STORE, else ./nhskg-store)")


def whole_number(low: int):
    """An argparse type: a whole number of `low` or more, refused in one line otherwise."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"must be {low} or more, got {value}")
        return value
    return parse


def utf8_text(text: str) -> str:
    """An argparse type: text that is valid UTF-8. Undecodable bytes in argv reach Python as lone
    surrogates, which no literal, IRI or HTTP request can carry; refused in one line here."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(text).decode("ascii", "backslashreplace")  # the bytes as given
        raise argparse.ArgumentTypeError(f"is not valid UTF-8: {shown}") from None
    return text


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = debug_requested()
    if not debug:
        _one_line_logs()
    try:
        return args.run(args) or 0
    except (UserError, StoreError) as e:
        # a file name, parameter or server answer in the message may hold a terminal escape: shown escaped
        print(f"nhskg {args.command}: {printable(str(e))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"nhskg {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # a bug: the user gets one line saying so, the traceback only on request
        if debug:
            raise
        reason = (str(e).splitlines() or [""])[0][:200]
        print(f"nhskg {args.command}: internal error ({type(e).__name__}: {reason}); "
              f"NHSKG_DEBUG=1 shows where", file=sys.stderr)
        return 3


def debug_requested() -> bool:
    """NHSKG_DEBUG asks for tracebacks; "0", "false", "no", "off" and an empty value do not."""
    return os.environ.get("NHSKG_DEBUG", "").strip().lower() not in ("", "0", "false", "no", "off")


class _OneLine(logging.Handler):
    """Library warnings (rdflib, pyshacl, trafilatura) as one line each on standard error, as it is now:
    no traceback on a user's terminal."""

    def emit(self, record: logging.LogRecord) -> None:
        first = (record.getMessage().splitlines() or [""])[0]
        print(f"nhskg: {record.name}: {record.levelname.lower()}: {first[:300]}", file=sys.stderr)


def _one_line_logs() -> None:
    root = logging.getLogger()
    if not any(isinstance(h, _OneLine) for h in root.handlers):
        root.addHandler(_OneLine(logging.WARNING))


if __name__ == "__main__":
    sys.exit(main())
