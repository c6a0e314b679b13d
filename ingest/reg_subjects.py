"""Which trusts a regulatory statement (special measures, enforcement) is about.

The subject of special measures and of enforcement is always a trust: a hospital named there stands
for the trust that runs it, and "the trust" in such a statement is the story's trust. The grammar is
small: the object of the verb ("placed A and B into special measures"), else the coordinated subject
before it ("A, B and C were placed in"), skipping a relative clause ("A, which took over B, remains
in"), else, unless the subject is a pronoun, a list after a colon, "include" or in the bullets that
follow ("were placed in special measures: A, B and C"), or a trust named after the words; else the
story's trust. A notice "to / against / on X" went to X.
"""
from __future__ import annotations

import bisect
import re

from .resolve import REF_RE

# what may stand between two members of one coordination: "A, B and C", "A and B", "A or B", "A & B";
# "A, like B, was placed" says B was too ("unlike" does not join: the subject is the nearer name)
_COORD_GAP = re.compile(r"\s*(?:,|,?\s*(?:and|or|&|as\s+well\s+as|like|along\s+with|together\s+with|alongside)"
                        r"|,?\s+and\s+also)\s*", re.IGNORECASE)
# what opens a list of the trusts a statement is about, shortly after the regime or notice is named; "include",
# "such as" (group ex) give examples, which are the subject only after a plural for trusts ("trusts placed in
# special measures include A, B"), never after anything else ("with help from partners such as A")
_LIST_OPEN = re.compile(r"^[^.;:]{0,40}?(?P<open>:|\bnamely\b|\b(?P<ex>include[sd]?|including|such\s+as)\b)\s*",
                        re.IGNORECASE)
_PLURAL_TRUSTS = re.compile(r"\b(?:trusts|hospitals|providers|organisations|following|those|these)\b", re.IGNORECASE)
_BULLET = re.compile(r"[•·▪◦*\-–—]\s|\d{1,2}[.)]\s")
# "A, which took over B in 2017, remains in": the subject is the name before the relative clause
_RELATIVE_BEFORE = re.compile(r"(?:,\s*(?:which|who|whose|that|where)\b[^,;]*,|\s*\([^()]*\)"
                              r"|\s+[–—]\s[^–—]*[–—])"
                              r"\s*(?:\w+\s+){0,3}$", re.IGNORECASE)
# "It has come out of special measures, the first since B did": a pronoun subject is the story's trust
_PRONOUN_SUBJECT = re.compile(r"(?:^|[,;:]\s*|\b(?:said|says|and)\s+)(?:it|they|we)\s+(?:\w+\s+){0,6}$",
                              re.IGNORECASE)
# "a warning notice (was served) to / against / on X", "conditions on the registration of X"
_TO_RECIPIENT = re.compile(r"\s+(?:\w+\s+){0,3}?(?:to|against|on|at|of)\s+$", re.IGNORECASE)
# a subject that is not the story's trust and names none: "Nine trusts were placed in", "schools in
# special measures", "other providers were"; "A hospital trust has come out of" is the story's trust
_UNNAMED_SUBJECT = re.compile(r"\b(?:trusts|hospitals|providers|organisations|schools?|councils?|(?:care\s+)?homes?|"
                              r"practices|prisons?|academ(?:y|ies)|(?:an)?others?\s+(?:\w+\s+)?(?:trusts?|hospitals?|"
                              r"providers?))\b", re.IGNORECASE)
# "brought prosecutions against several trusts"
_UNNAMED_RECIPIENT = re.compile(r"\s+(?:\w+\s+){0,2}?(?:to|against|on)\s+(?:\w+\s+){0,2}?"
                                r"(?:trusts|hospitals|providers)\b", re.IGNORECASE)
_SUBJECT_HEAD = re.compile(r"^.*[;:,]", re.DOTALL)  # the subject of a verb follows the last comma before it
# an object the verb names without naming a trust: "placed two other trusts into special measures"; a
# partitive ("steered one of the largest trusts out of") describes the story's trust instead
_UNNAMED_OBJECT = re.compile(r"^(?!\s*one\s+of\b).*\b(?:trusts|hospitals|providers|organisations|services|"
                             r"(?:an)?other\s+(?:\w+\s+)?(?:trust|hospital|provider))\b", re.IGNORECASE | re.DOTALL)
# "led a neighbouring trust out of", "has taken a struggling trust out of": an indefinite object is a trust
# the story does not name (a career, a comparison); "the trust", a pronoun or a name is one it does
_INDEFINITE_OBJECT = re.compile(r"^\s*(?:an?|another|some|several)\b", re.IGNORECASE)


def sentences_with(doc, words: re.Pattern) -> list[int]:
    """Indices of the sentences that may hold a statement: one case-sensitive scan of the lower-cased
    text for the lower-case words that any statement must contain (4x faster than an IGNORECASE scan)."""
    starts = [s for s, _e in doc.sentences]
    text = doc.text.lower()
    if len(text) != len(doc.text):  # a letter whose lower case is longer would shift every offset
        text = doc.text
        words = re.compile(words.pattern, re.IGNORECASE)
    found = {bisect.bisect_right(starts, m.start()) - 1 for m in words.finditer(text)}
    return sorted(i for i in found if i >= 0)


def _trust_of(doc, key: str) -> str | None:
    """A trust stands for itself and a hospital for the trust that runs it; anything else for nothing."""
    o = doc.org(key)
    if o.kind == "trust":
        return key
    if o.kind == "hospital":
        return o.trust_key
    return None


def _mentions(doc, ss: int, se: int) -> list[tuple[int, int, str]]:
    """The sentence's trust and hospital mentions, each as the trust it stands for.

    A bare "the trust" / "the hospital" in a regulatory statement is the story's trust: news names a
    partner or comparator trust in passing and then goes on about its own."""
    main = doc.main("trust")
    out = []
    for s, e, k in doc.mentions_in(ss, se):
        t = _trust_of(doc, k)
        if t is None and doc.org(k).kind == "hospital":
            t = main or k  # a hospital whose trust is unknown stands for the story's trust, else itself
        if t is None:
            continue
        if main and REF_RE.fullmatch(doc.text[s:e]):
            t = main
        out.append((s, e, t))
    return out


def _unique(keys) -> list[str]:
    return list(dict.fromkeys(keys))


def _coordinated_before(doc, here: list, pos: int) -> list[str]:
    """The last mention before pos and the ones coordinated with it ("A, B and C were ...").

    A bare comma joins only inside a list a conjunction closes: "A, B and C", not "Unlike A, B was"."""
    before = [m for m in here if m[1] <= pos]
    if not before:
        return []
    group = [before[-1]]
    joined = False
    for m in reversed(before[:-1]):
        gap = doc.text[m[1]:group[-1][0]]
        if not _COORD_GAP.fullmatch(gap) or not (joined or gap.strip() != ","):
            break
        joined = True
        group.append(m)
    return _unique(k for _s, _e, k in reversed(group))


def _listed_after(doc, here: list, se: int, start: int, sentence_index: int) -> list[str]:
    """"... special measures: A, B and C.", "trusts prosecuted include A, B and the C", or the bullet lines
    after "... special measures are:"; start is where the list opener ends."""
    if doc.text[start:se].strip():
        inline = [m for m in here if m[0] >= start]
        if not inline or doc.text[start:inline[0][0]].strip(" ,").lower() not in ("", "the"):
            return []
        group = [inline[0]]
        for m in inline[1:]:
            if not _COORD_GAP.fullmatch(re.sub(r"\bthe\s*$", "", doc.text[group[-1][1]:m[0]], flags=re.I)):
                break
            group.append(m)
        return _unique(k for _s, _e, k in group)
    keys = []
    for ns, ne in doc.sentences[sentence_index + 1:]:
        item = _mentions(doc, ns, ne)
        if _BULLET.match(doc.text[ns:ne]):
            keys += [k for _s, _e, k in item]
        elif len(item) == 1 and doc.text[item[0][0]:item[0][1]] == doc.text[ns:ne].rstrip(" .;,"):
            keys.append(item[0][2])  # a list of one name a line, without bullets
        else:
            break
    return _unique(keys)


def subject_trusts(doc, sentence_index: int, verb: tuple[int, int], cue: tuple[int, int]) -> list[str]:
    """The trusts of a statement whose verb spans `verb` and whose regime/notice words span `cue`."""
    ss, se = doc.sentences[sentence_index]
    here = _mentions(doc, ss, se)
    objects = [(s, e, k) for s, e, k in here if s >= verb[1] and e <= cue[0]]
    if verb[1] <= cue[0] and _INDEFINITE_OBJECT.match(doc.text[verb[1]:cue[0]]):
        return _unique(k for s, e, k in objects if not REF_RE.fullmatch(doc.text[s:e]))
    objects = [k for _s, _e, k in objects]
    if objects:
        return _unique(objects)
    if verb[1] <= cue[0] and _UNNAMED_OBJECT.search(doc.text[verb[1]:cue[0]]):
        return []
    pos = min(verb[0], cue[0])
    relative = _RELATIVE_BEFORE.search(doc.text[max(ss, pos - 200):pos])
    subject = _coordinated_before(doc, here, pos - len(relative.group()) if relative else pos)
    if subject:
        return subject
    main = doc.main("trust") or doc.main("hospital")
    if not _PRONOUN_SUBJECT.search(doc.text[ss:pos]):
        head = _SUBJECT_HEAD.sub("", doc.text[max(ss, pos - 120):pos])
        opener = _LIST_OPEN.search(doc.text[cue[1]:se])
        examples = cue[1] + opener.start("open") if opener else se  # names after "such as" are examples
        if opener and (not opener.group("ex") or _PLURAL_TRUSTS.search(head + doc.text[cue[1]:examples])):
            listed = _listed_after(doc, here, se, cue[1] + opener.end(), sentence_index)
            if listed:
                return listed
        if _UNNAMED_SUBJECT.search(head) or _UNNAMED_RECIPIENT.match(doc.text[cue[1]:se]):
            return []
        after = [k for s, _e, k in here if cue[1] <= s < examples]
        if after:
            return after[:1]
    return [main] if main else []


def recipient_trusts(doc, pos: int, se: int) -> list[str]:
    """The trust a notice or condition named just before pos went to: "... to / against / on X"."""
    after = _mentions(doc, pos, se)
    if after and _TO_RECIPIENT.fullmatch(" " + doc.text[pos:after[0][0]]):
        return [after[0][2]]
    return []
