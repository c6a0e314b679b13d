"""Words reported as said by a person of the article."""
from __future__ import annotations

import re

from .model import Quote

_QUOTED = re.compile(r"[\"“]([^\"”]{12,})[\"”]?")
_SAY = re.compile(r"\b(?:said|says|added|told|explained|commented|warned|stated)\b")
_PRONOUN_SAY = re.compile(r"\b(?:he|she)\s+(?:said|says|added)\b|\b(?:said|says|added)\s+(?:he|she)\b", re.IGNORECASE)


def find_quotes(doc) -> list[Quote]:
    """A sentence with a verb of saying is a quote of the person named in it; "he said" and a paragraph
    that opens with a quotation mark carry on the last speaker's words."""
    speaker_of: dict[tuple[int, int], str] = {}
    for s, _e, key in doc.person_mentions:
        speaker_of.setdefault(doc.sentence_at(s), key)
    quotes: list[Quote] = []
    last = None
    for span in doc.sentences:
        sentence = doc.text[span[0]:span[1]]
        quoted = _QUOTED.search(sentence)
        speaker = speaker_of.get(span)
        if speaker is None and last and (_PRONOUN_SAY.search(sentence) or sentence.startswith(("\"", "“"))):
            speaker = last
        if speaker is None or not (_SAY.search(sentence) or quoted):
            last = speaker or last
            continue
        words = quoted.group(1).strip() if quoted else sentence
        quotes.append(Quote(speaker, words, doc.evidence(span[0], span[1], "pattern", 0.7)))
        last = speaker
    return quotes
