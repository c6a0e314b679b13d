"""IRIs for everything nhskg writes.

Names come from untrusted text, so an IRI never carries a name as written: it carries a slug of
ASCII letters, digits and hyphens, or a hash. That keeps every IRI valid in Turtle, N-Triples and
SPARQL whatever the article says.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import Namespace

NHSKG = Namespace("https://w3id.org/nhskg/ontology#")
ID = Namespace("https://w3id.org/nhskg/id/")
CQC_PROVIDER = "https://www.cqc.org.uk/provider/"

_ODS = re.compile(r"^[A-Z0-9]{3,5}$")


def slug(text: str, limit: int = 80) -> str:
    """A lower-case ASCII slug; empty input gives a hash so the IRI is still unique and valid."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")
    return s or "x" + digest(text)[:12]


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def valid_ods(code: str | None) -> str | None:
    return code if code and _ODS.match(code) else None


def article_iri(source: str):
    """The article's IRI, which is also the name of the graph holding its facts."""
    return ID[f"article/{digest(source)[:24]}"]


def trust_iri(name: str, ods: str | None):
    code = valid_ods(ods)
    return ID[f"trust/{code}"] if code else ID[f"trust/{slug(name)}"]


def hospital_iri(name: str, ods: str | None):
    code = valid_ods(ods)
    return ID[f"site/{code}"] if code else ID[f"hospital/{slug(name)}"]


def regulator_iri():
    return ID["org/cqc"]


def person_iri(name: str, organisation=None):
    """A person as one article reports them: by name, and by the organisation of their post if any.

    Keying by organisation too keeps two namesakes at two trusts apart in the union of all articles;
    `nhskg.resolution` merges the nodes of one person seen at several organisations (a career).
    """
    if organisation is None or not str(organisation).startswith(str(ID)):
        return ID[f"person/{slug(name)}"]
    return ID[f"person/{slug(name)}/at-{slug(str(organisation)[len(str(ID)):])}"]


def fact_iri(article, kind: str, n: int):
    return article + f"/{kind}/{n}"


