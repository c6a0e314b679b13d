"""Text helpers shared by readers, extractor and RDF writer."""
from __future__ import annotations

import re
import unicodedata

# Characters no RDF serialisation or SPARQL result format should carry: C0/C1 controls (but tab and
# newline), lone surrogates and non-characters.
_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_literal(value: str) -> str:
    """Text safe to put in any literal: NFC, no control characters or lone surrogates."""
    return _BAD.sub("", unicodedata.normalize("NFC", value))
