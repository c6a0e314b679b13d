"""The facts one article yields, as plain Python objects.

Extraction fills these; `ingest.rdf` turns them into triples. Keeping the two apart lets the
extractor be tested and tuned without RDF, and lets the RDF mapping be tested without text.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Evidence:
    """Where in the article text a fact was read: the sentence and its character offsets."""

    sentence: str
    start: int
    end: int
    method: str = "pattern"  # the rule family that produced the fact
    confidence: float = 0.8


@dataclass
class Article:
    """One input document after reading: its text and whatever metadata came with it."""

    source: str  # path or URL it was ingested from; identifies the article
    text: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY
    url: str | None = None


@dataclass
class Organisation:
    """A trust, hospital or the regulator as this article names it."""

    key: str  # stable within the article; entities with one key are one entity
    kind: str  # "trust" | "hospital" | "regulator"
    name: str  # fullest name in the text
    aliases: list[str] = field(default_factory=list)
    ods_code: str | None = None
    official_name: str | None = None  # name in the ODS reference data
    trust_key: str | None = None  # hospitals: key of the trust that runs it
    town: str | None = None
    evidence: Evidence | None = None


@dataclass
class StatedPost:
    """A post the text gives a person besides the one of the article's main event."""

    role: str | None  # lower case, as worded
    organisation_key: str | None
    kind: str  # "executive" | "inspector" | "other"
    status: str  # "former" | "incoming" | "other"
    qualifier: str | None = None
    evidence: Evidence | None = None  # the sentence that states it


@dataclass
class Person:
    key: str
    name: str  # without honorific
    honorific: str | None = None
    aliases: list[str] = field(default_factory=list)
    role: str | None = None  # lower case, as worded: "chief executive"
    kind: str = "other"  # "executive" | "inspector" | "other"
    organisation_key: str | None = None
    qualifier: str | None = None  # "interim" | "acting" | None
    start_date: str | None = None  # explicit dates from the text
    end_date: str | None = None
    evidence: Evidence | None = None
    other_posts: list[StatedPost] = field(default_factory=list)  # role/organisation above: the main post


@dataclass
class Rating:
    subject_key: str  # a trust or hospital
    level: str  # "Outstanding" | "Good" | "Requires improvement" | "Inadequate"
    service: str | None = None  # CQC core service name, lower case
    key_question: str | None = None  # "safe" ... "well-led"; None = overall
    previous: str | None = None
    date: str | None = None
    evidence: Evidence | None = None


@dataclass
class SpecialMeasures:
    trust_key: str
    status: str  # "placed" | "remains" | "out" | "recommended"
    date: str | None = None  # when this status began, as precise as the text allows
    evidence: Evidence | None = None


@dataclass
class Inspection:
    subject_key: str
    start: str | None = None  # YYYY-MM-DD | YYYY-MM | YYYY | --MM
    end: str | None = None
    evidence: Evidence | None = None


@dataclass
class Enforcement:
    trust_key: str
    kind: str  # "section 29A warning notice" | "section 31 conditions" | "requirement notice" | "prosecution"
    date: str | None = None
    evidence: Evidence | None = None


@dataclass
class Quote:
    """Words a person was reported saying."""

    person_key: str
    text: str
    evidence: Evidence | None = None


@dataclass
class Facts:
    article: Article
    organisations: list[Organisation] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    ratings: list[Rating] = field(default_factory=list)
    special_measures: list[SpecialMeasures] = field(default_factory=list)
    inspections: list[Inspection] = field(default_factory=list)
    enforcement: list[Enforcement] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
