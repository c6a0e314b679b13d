"""The ratings of a hand-built document, as comparable tuples, for the ratings tests."""
from __future__ import annotations

from events_kit import ALDER, BECK, TRUST, make_doc
from nhskg.ingest.ratings import find_ratings


def rated(text: str, published: str | None = None, orgs=(TRUST, ALDER, BECK)) -> set[tuple]:
    """(subject, service, key question, level, previous) of every rating the text gives."""
    return {(r.subject_key, r.service, r.key_question, r.level, r.previous)
            for r in find_ratings(make_doc(text, published, orgs=orgs))}
