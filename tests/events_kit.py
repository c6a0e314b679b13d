"""Hand-built Documents for the event extractor tests: the text, and which words name which organisation.

The organisations here are invented; the extractor must not know any real one.
"""
from __future__ import annotations

import re

from nhskg.ingest.document import Document
from nhskg.ingest.model import Article, Organisation
from nhskg.ingest.sentences import sentence_spans

TRUST = Organisation("trust:1", "trust", "Northmoor Valley NHS Trust", aliases=["the trust"])
ALDER = Organisation("hospital:2", "hospital", "Alder Park Hospital", trust_key="trust:1")
BECK = Organisation("hospital:3", "hospital", "Beckside General Hospital", trust_key="trust:1")
OTHER = Organisation("trust:4", "trust", "Southfield Coast NHS Foundation Trust")
UNIT = Organisation("hospital:5", "hospital", "Hollin Vale Maternity Unit", trust_key="trust:1")

# surface words -> organisation, longest first so "Alder Park Hospital" wins over "Alder Park"
NAMES = {"Northmoor Valley NHS Trust": TRUST, "Northmoor Valley": TRUST, "the trust": TRUST, "The trust": TRUST,
         "Alder Park Hospital": ALDER, "Alder Park": ALDER, "Beckside General Hospital": BECK, "Beckside": BECK,
         "Southfield Coast NHS Foundation Trust": OTHER, "Hollin Vale Maternity Unit": UNIT}


def make_doc(text: str, published: str | None = None, orgs=(TRUST, ALDER, BECK)) -> Document:
    keys = {o.key for o in orgs}
    pattern = re.compile("|".join(re.escape(n) for n in sorted(NAMES, key=len, reverse=True)))
    mentions = [(m.start(), m.end(), NAMES[m.group()].key) for m in pattern.finditer(text)
                if NAMES[m.group()].key in keys]
    return Document(Article("test", text, published=published), text, sentence_spans(text),
                    organisations=list(orgs), org_mentions=mentions)
