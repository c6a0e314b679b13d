"""Words reported as said by a person of the article."""
from __future__ import annotations

import bisect
import re

from .model import Quote

# “double” or "straight" quotes, or ‘single’ ones whose closing ’ ends no word (“the trust’s” stays whole)
_QUOTED = re.compile(r"[\"“]([^\"”]+)[\"”]?|‘((?:[^’]|’(?=[a-z]))+)(?:’|$)")
_SAY = re.compile(r"\b(?:said|says|added|adds|told|explained|commented|warned|stated|wrote|insisted|admitted|"
                  r"shouted|acknowledged|continued)\b")
_PRONOUN_SAY = re.compile(r"\b(?:he|she)\s+(?:said|says|added|continued)\b|\b(?:said|says|added)\s+(?:he|she)\b",
                          re.IGNORECASE)


def find_quotes(doc) -> list[Quote]:
    """A sentence with a verb of saying is a quote of the person named nearest that verb outside the
    quotation marks; "he said" and a sentence that opens with a quotation mark carry on the last
    speaker's words. "Jane Doe said:" with the words in the next paragraph only names the speaker."""
    mentions = doc.person_mentions
    starts = [s for s, _e, _k in mentions]
    quotes: list[Quote] = []
    last = None
    for ss, se in doc.sentences:
        sentence = doc.text[ss:se]
        quoted = [q for q in _QUOTED.finditer(sentence)]
        inside = [(ss + q.start(), ss + q.end()) for q in quoted]
        i, j = bisect.bisect_left(starts, ss), bisect.bisect_left(starts, se)
        here = [m for m in mentions[i:j] if not any(a <= m[0] < b for a, b in inside)]
        say = _SAY.search(sentence)
        opens_quote = sentence.startswith(("\"", "“", "‘"))
        speaker = None
        if here:
            at = ss + (say.start() if say else 0)
            speaker = min(here, key=lambda m: (m[1] > at, abs(at - (m[1] if m[1] <= at else m[0]))))[2]
        elif last and (_PRONOUN_SAY.search(sentence) or opens_quote):
            speaker = last
        last = speaker or last
        if speaker is None or not (say or opens_quote) or (not quoted and sentence.rstrip().endswith(":")):
            continue
        words = [(q.group(1) or q.group(2)).strip() for q in quoted]
        words = [w for w in words if len(w) >= 12]
        quotes.append(Quote(speaker, " … ".join(words) if words else sentence, doc.evidence(ss, se, "pattern", 0.7)))
    return quotes
