"""Running SELECT queries locally or remotely, with parameters bound as RDF terms.

Parameter values are untrusted. Locally they go to pyoxigraph as substitutions; for a remote
endpoint they become a VALUES block of terms serialised by pyoxigraph (N-Triples escaping), so a
value can never end the literal it sits in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import pyoxigraph

from .errors import UserError
from .ordering import Unorderable, sort_rows, split_order
from .resources import query_files
from .urls import http_endpoint

_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]  # every cell as text; "" for unbound
    cut: bool = False  # True when a limit left rows out


def _limited(columns: list[str], rows, limit: int | None) -> Table:
    # one row past the limit tells whether any were left out, without reading the rest
    kept = list(islice(rows, None if limit is None else limit + 1))
    if limit is not None and len(kept) > limit:
        return Table(columns, kept[:limit], cut=True)
    return Table(columns, kept)


def load_query(name_or_file: str) -> str:
    canned = query_files()
    if name_or_file in canned:
        return canned[name_or_file].read_text("utf-8")
    path = Path(name_or_file)
    if path.suffix == ".rq" or path.exists():
        try:
            return path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise UserError(f"cannot read query file {path}: {getattr(e, 'strerror', None) or e}") from None
    raise UserError(f"no canned query named {name_or_file!r}; choose one of: {', '.join(sorted(canned))} "
                    f"or give a .rq file")


def describe(text: str) -> str:
    """The query's opening comment: the question it answers."""
    lines = [l[1:].strip() for l in text.splitlines() if l.startswith("#")]
    return lines[0] if lines else ""


def required_params(text: str) -> list[str]:
    """Parameters the query's header declares with a `# Parameter: NAME ...` line."""
    return re.findall(r"^#\s*Parameter:\s*([A-Za-z_][A-Za-z0-9_]*)", text, flags=re.MULTILINE)


def check_params(text: str, params: dict) -> None:
    missing = [name for name in required_params(text) if name not in params]
    if missing:
        raise UserError("this query needs " + ", ".join(f"--param {m}=VALUE" for m in missing))


def parse_params(pairs: list[str]) -> dict[str, pyoxigraph.NamedNode | pyoxigraph.Literal]:
    """NAME=VALUE pairs -> RDF terms. <...> makes an IRI; anything else is a plain string literal."""
    params = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not _PARAM_NAME.match(name):
            raise UserError(f"--param takes NAME=VALUE with NAME a SPARQL variable name, got {pair!r}")
        if not value:  # matches nothing locally, and remote endpoints differ on it: refused the same way everywhere
            raise UserError(f"--param {name} has no value (give --param {name}=VALUE)")
        if value.startswith("<") and value.endswith(">"):
            try:
                params[name] = pyoxigraph.NamedNode(value[1:-1])
            except ValueError:
                raise UserError(f"--param {name}: {value!r} is not a valid IRI") from None
        else:
            params[name] = pyoxigraph.Literal(value)
    return params


def run_local(store: pyoxigraph.Store, query: str, params: dict, limit: int | None = None) -> Table:
    unordered, keys = split_order(query)
    result = _select_local(store, unordered if keys else query, params)
    columns = [v.value for v in result.variables]
    rows = ([sol[c] for c in columns] for sol in result)
    if keys:
        try:
            rows = iter(sort_rows(rows, columns, keys))
        except Unorderable:  # the engine sorts after all, at the cost of a second run
            result = _select_local(store, query, params)
            rows = ([sol[c] for c in columns] for sol in result)
    return _limited(columns, ([_cell(t) for t in row] for row in rows), limit)


def _select_local(store: pyoxigraph.Store, query: str, params: dict) -> pyoxigraph.QuerySolutions:
    try:
        result = _query_local(store, query, params)
    except SyntaxError as e:
        raise UserError(f"the query is not valid SPARQL: {str(e).splitlines()[0]}") from None
    if not isinstance(result, pyoxigraph.QuerySolutions):
        raise UserError("only SELECT queries can be shown as a table")
    return result


def _query_local(store: pyoxigraph.Store, query: str, params: dict):
    try:
        return store.query(query, substitutions={pyoxigraph.Variable(k): v for k, v in params.items()})
    except RuntimeError as e:
        # pyoxigraph substitutes only variables the SELECT clause projects; for any other, the
        # same escaped VALUES block a remote endpoint gets binds the variable just as well.
        if "projection" not in str(e):
            raise
        return store.query(with_values(query, params))


def _cell(term) -> str:
    if term is None:
        return ""
    return term.value


def with_values(query: str, params: dict) -> str:
    """The query with a VALUES block binding the parameters at the start of every WHERE clause.

    Every one, subqueries included: a subquery does not see the outer query's bindings, and a
    parameter means "this variable is this term" wherever it appears, as pyoxigraph's substitution does.
    """
    if not params:
        return query
    names = " ".join(f"?{k}" for k in params)
    terms = " ".join(str(v) for v in params.values())  # pyoxigraph's str() is the escaped N-Triples form
    block = f"VALUES ({names}) {{ ({terms}) }}"
    where = re.compile(r"\bWHERE\s*\{", flags=re.IGNORECASE)
    if not where.search(query):
        raise UserError("cannot bind parameters: the query has no WHERE clause")
    return where.sub(lambda m: m.group(0) + "\n  " + block + "\n", query)


def run_remote(endpoint: str, query: str, params: dict, *, user: str | None = None,
               password: str | None = None, timeout: int = 60, limit: int | None = None) -> Table:
    from SPARQLWrapper import JSON, POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    http_endpoint(endpoint)
    client = SPARQLWrapper(endpoint)
    client.setQuery(with_values(query, params))
    client.setReturnFormat(JSON)
    client.setMethod(POST)
    client.setTimeout(timeout)
    if user:
        client.setCredentials(user, password or "")
    try:
        data = client.queryAndConvert()
    except SPARQLWrapperException as e:
        raise UserError(f"the endpoint refused the query: {str(e).splitlines()[0][:300]}") from None
    except OSError as e:
        if isinstance(e, TimeoutError) or isinstance(getattr(e, "reason", None), TimeoutError):
            raise UserError(f"{endpoint} did not answer within {timeout} s (raise --timeout to wait longer)") from None
        raise UserError(f"cannot reach {endpoint}: {getattr(e, 'reason', None) or e}") from None
    except (TypeError, ValueError):  # SPARQLWrapper's converter on JSON that is no object, or no JSON at all
        raise UserError(f"{endpoint} did not answer with SPARQL JSON results") from None
    columns, bindings = _json_results(endpoint, data)
    rows = ([_value(b.get(c)) for c in columns] for b in bindings)
    return _limited(columns, rows, limit)


def _json_results(endpoint: str, data) -> tuple[list[str], list[dict]]:
    """The columns and bindings of a SPARQL JSON answer, refused in one line when it is not shaped as one."""
    head = data.get("head") if isinstance(data, dict) else None
    columns = head.get("vars", []) if isinstance(head, dict) else None
    results = data.get("results", {}) if isinstance(data, dict) else None
    bindings = results.get("bindings", []) if isinstance(results, dict) else None
    if not (isinstance(columns, list) and all(isinstance(c, str) for c in columns)
            and isinstance(bindings, list) and all(isinstance(b, dict) for b in bindings)):
        raise UserError(f"{endpoint} did not answer with SPARQL JSON results")
    return columns, bindings


def _value(term) -> str:
    return str(term.get("value", "")) if isinstance(term, dict) else ""
