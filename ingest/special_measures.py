"""Special measures stated in an article: which trusts are in, out of, or recommended for them.

Each mention of the regime ("special measures", or the Recovery Support Programme where the text says
it replaced them) is read with the words that govern it: the verb phrase just before it ("placed
into", "remains in", "taken ... out of", "exited", "no longer in", "recommended for"), or just after
it ("special measures were lifted"). The trusts are found by `reg_subjects`; hypothetical and negated
statements ("could face special measures", "avoided being placed in", "was never in") give nothing.
"""
from __future__ import annotations

import re

from .model import SpecialMeasures
from .hedges import HEDGE, NEGATION, TO, asserted
from .reg_subjects import sentences_with, subject_trusts
from .resolve import REF_RE
from .when import find_dates

_FLAGS = re.IGNORECASE
_SM = r"[\"“‘']?\b(?:quality\s+)?special\s+measures\b[\"”’']?"  # "financial special measures" is another regime
_RSP = r"\b(?:the\s+)?(?:NHS\s+England['’]s\s+)?(?:national\s+)?recovery\s+support\s+programme\b(?:\s*\(RSP\))?"
_CUE = re.compile(_SM, _FLAGS)
_CUE_RSP = re.compile(f"{_SM}|{_RSP}", _FLAGS)
_RSP_WORDS = re.compile(r"recovery\s+support", _FLAGS)
_WORDS = re.compile(r"special\s+measures|recovery\s+support|recommendation")  # what every statement holds
# "the Recovery Support Programme, which replaced special measures": only then is the programme the regime
_RSP_IS_SM = re.compile(
    rf"{_RSP}[^.]{{0,120}}\b(?:replac\w*|successor|supersed\w*|formerly|previously)\b[^.]{{0,60}}special\s+measures"
    rf"|special\s+measures[^.]{{0,120}}\b(?:replaced|succeeded|superseded|renamed)\b[^.]{{0,60}}recovery\s+support"
    rf"|special\s+measures[^.]{{0,40}}\bnow\s+(?:known\s+as|called)\b", _FLAGS)

# The verb phrase governing a mention of the regime, each anchored at the words just before it.
# (status, pattern): the group `v` is the verb, `o` (when present) its object.
_MOVE_OUT = (r"take|takes|taken|took|taking|come|comes|came|coming|move[sd]?|moving|bring|brings|brought|bringing|"
             r"get|gets|got|getting|climb\w*|step\w*|pull\w*|lead|leads|led|leading|steer\w*|guid\w*|help\w*|lift\w*")
# an object stops at a finite verb: "Northmoor, which helped ..., has come out of" is not "helped ... out of"
_OBJ = r"(?:(?!\b(?:has|have|had|is|are|was|were|will|said|says)\b)[^;:])"
# words between "is / was" and "in": "is still in", "was then in", "is one of 12 in"; never "was at the trust
# in special measures" or "is now at a trust in special measures", a career
_FILL = r"(?:(?!(?:from|at|an?|another)\b)\w+\s+)"
_BEFORE = [
    # "no longer in special measures"
    ("out", re.compile(r"\b(?P<v>no\s+longer)\s+(?:\w+\s+){0,2}?(?:in|under)\s+$", _FLAGS)),
    # "taken out of", "has come out of", "steered the trust out of", "is now out of"
    ("out", re.compile(rf"(?:\b(?P<v>{_MOVE_OUT})\b(?P<o>{_OBJ}{{0,100}}?)\s+)?\b(?P<out>out)\s+of\s+$", _FLAGS)),
    # "exited", "emerged from", "left", "its exit from", "removed (the trust) from", "taken off"
    ("out", re.compile(r"\b(?P<v>exit(?:ed|s|ing)?|emerg(?:e|ed|es|ing|ence)|left|leave|leaves|leaving|graduat\w+|"
                       rf"releas\w+|remov\w+|discharg\w+|lift\w*|freed|depart\w*|(?:taken|come|came|coming)\s+off)"
                       rf"(?:(?P<o>\s{_OBJ}{{0,100}}?)\s+from|\s+from|\s+of)?\s+$", _FLAGS)),
    # "kept (the trust) in", "leaves it in", "spent three years in"
    ("remains", re.compile(rf"\b(?P<v>kept|keep\w*|left|leave|leaves|leaving|spen[dt]\w*)\b(?P<o>{_OBJ}{{0,80}}?)"
                           r"\s+(?:in|under)\s+$",
                           _FLAGS)),
    # "remains in", "is still in", "has been in", "was in"
    ("remains", re.compile(r"\b(?P<v>remain\w*|still|stay\w*|continu\w*\s+to\s+be|is|are|been|now|currently|already)"
                           rf"\s+{_FILL}{{0,3}}?(?:in|under)\s+$", _FLAGS)),
    ("placed", re.compile(rf"\b(?P<v>was|were|be|being)\s+{_FILL}{{0,3}}?(?:in|under)\s+$", _FLAGS)),
    # "placed into", "put (the trust) back in", "plunged into", "returned to", "entered"
    ("placed", re.compile(r"\b(?P<v>plac\w*|put|puts|putting|plung\w*|push\w*|thrust|thrown|sen[dt]\w*|went|gone|go|"
                          r"goes|going|return\w*|fell|fall\w*|dropp\w*|tipped|slipped|taken|moved?|moving)\b"
                          rf"(?P<o>{_OBJ}{{0,100}}?)\s+(?:back\s+)?(?:into|in\s+to|in|under|to)\s+$", _FLAGS)),
    ("placed", re.compile(r"\b(?P<v>(?:re-?)?enter(?:ed|s|ing)?|(?:re-?)?entry\s+(?:in)?to)\s+$", _FLAGS)),
    # "recommended for special measures", "recommends special measures", "a recommendation of special measures"
    ("recommended", re.compile(rf"\b(?P<v>recommend\w*)\b(?:(?P<o>{_OBJ}{{0,100}}?)\s+)?\s*for\s+$"
                               r"|\b(?P<r>recommend(?:s|ed|ing)?)\s+$"
                               r"|\b(?P<n>recommendation)\s+(?:of|for)\s+(?:\w+\s+)?$", _FLAGS)),
    # "a hospital in special measures": only right after a trust or hospital named (see find_special_measures)
    ("bare", re.compile(r"\b(?P<v>in|under)\s+$", _FLAGS)),
]
# "special measures were lifted", "special measures at the trust have been lifted", "... status was removed"
_AFTER_OUT = re.compile(r"^(?:\s+(?:at|for|on)\s+[^,;]{0,80}?)?\s*(?:status\s+)?(?:has|have|had|was|were|is|are)\s+"
                        r"(?:been\s+|now\s+|finally\s+|formally\s+)*(?P<v>lifted|removed|ended|withdrawn|revoked)\b",
                        _FLAGS)
# "the trust had special measures lifted"
_HAD = re.compile(r"\b(?:had|has|have|having|got|gets)\s+(?:its\s+|their\s+)?$", _FLAGS)
_LIFTED = re.compile(r"^\s+(?:status\s+)?(?P<v>lifted|removed|ended)\b", _FLAGS)
# "placed into special measures on the recommendation of the chief inspector"
# "following the recommendation, the trust was placed into special measures"
_ON_RECOMMENDATION = r"\b(?:on|following|after|upon|at)\s+(?:a\s+|the\s+|its\s+|their\s+)?recommendation\b"
_AFTER_RECOMMENDED = re.compile(rf"^[^;]{{0,100}}?(?:{_ON_RECOMMENDATION}|\b(?:as\s+)?recommended\s+by\b)", _FLAGS)
_BEFORE_RECOMMENDED = re.compile(_ON_RECOMMENDATION, _FLAGS)
# "placed in special measures in 2016 and came out in 2018", "... before exiting in 2019": an elliptic exit
# shares the placing's subject. "emerged" must say from what ("and it later emerged that ..." is news), and
# "out", "removed" of or from anything but the regime is something else ("removed from the board")
_AFTER_EXIT = re.compile(r"\b(?P<c>and|but|before|then|until)\b(?P<gap>[^;]{0,40}?)\b(?P<v>(?:taken|came|come|coming|"
                         r"brought|moved|got)\s+out|exit(?:ed|ing)|emerg(?:ed|ing)(?=\s+from\b)|removed|"
                         r"left(?=\s+(?:in|during|after|at)\b))\b"
                         r"(?P<of>\s+(?:of|from)\s+(?:it|them|[\"“‘']?special\s+measures)\b)?(?!\s+(?:of|from)\b)",
                         _FLAGS)
# a gap with a subject of its own ("and its chief executive left in 2017", "and the report came out in June",
# "and Dr Jones was removed") tells of someone else; "a year later", "in March" are not subjects
_GAP_SUBJECT = re.compile(r"\b(?:it|its|he|she|they|their|his|her|we|our|this|these|those|who|which)\b"
                          r"|\b(?:the|a|an|that)\s+(?!(?:\w+\s+)?(?:year|month|week|day|decade|spring|summer|autumn|"
                          r"winter)s?\b)"
                          r"|(?-i:\b(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)[A-Z])", _FLAGS)
# "... and it came out of special measures in 2018": the trust itself, when the exit says from what
_SAME_SUBJECT = re.compile(r"^\W*(?:it|they|the\s+(?:trust|hospital))\b", _FLAGS)
# "was in special measures until 2019", "from 2014 to 2017"
_UNTIL_DATE = re.compile(r"^[^;]{0,60}?(?:\buntil|\btill|\bfrom\b[^;]{0,20}?\bto)\s+(?:\w+\s+)?(?:(?:19|20)\d\d|"
                         r"January|February|March|April|May|June|July|August|September|October|November|December)\b",
                         _FLAGS)
# "came out of special measures in 2016 but was put back in 2018"
_AFTER_REENTRY = re.compile(r"^[^;]{0,60}?\b(?:and|but|before|then)\b(?P<gap>[^;]{0,30}?)\b(?:put|placed|plunged|went|"
                            r"returned)\s+back\b", _FLAGS)
# where the words about one status stop: a date after them belongs to that status
_CLAUSE_END = re.compile(r";|\b(?:and|but|after|before|because|when|following|until|while|though|although)\b", _FLAGS)

# a recommendation governs the placing: "recommended the trust (should) be placed into"
_RECOMMEND = re.compile(r"\brecommend\w*\b", _FLAGS)
_RECOMMEND_THAT = re.compile(r"recommend(?:s|ed|ing)?\s+that\b", _FLAGS)  # "recommended that X is placed" is not done
_FINITE = re.compile(r"\b(?:has|have|had)\s+(?:now\s+|since\s+)?been\s+$"
                     r"|\b(?:was|were|is|are|got)\s+(?:now\s+|then\s+)?$",
                     _FLAGS)
# "That move came after a recommendation by the regulator", after a sentence placing a trust: the
# recommendation is the regulator's, or the sentence is about special measures ("the decision to close the
# ward follows a recommendation by the coroner" is another decision)
_FOLLOWS_RECOMMENDATION = re.compile(r"\b(?:decision|move|announcement|step)\b[^;]{0,60}\brecommendation\b"
                                     r"|^(?:it|this)\s+follows\s+(?:a|the)\s+recommendation\b", _FLAGS)
_REGULATORS_RECOMMENDATION = re.compile(
    r"\b(?:CQC|regulator['’]s|chief\s+inspector['’]s)\s+recommendation\b"
    r"|\brecommendation\b[^.;]{0,60}?\b(?:chief\s+inspector|CQC|Care\s+Quality\s+Commission|regulator)\b", _FLAGS)
# "NHS Improvement has accepted the recommendation (to place the trust in special measures)", after a sentence
# recommending special measures: only the body that decides a placing can accept it; "the board agreed to
# act on every recommendation" is no placing
_DECIDER = (r"(?:NHS\s+Improvement|NHS\s+England|(?:NHS\s+)?Trust\s+Development\s+Authority|TDA|Monitor|"
            r"[Hh]ealth(?:\s+and\s+[Ss]ocial\s+[Cc]are)?\s+[Ss]ecretary|[Ss]ecretary\s+of\s+[Ss]tate)")
# case-sensitive: "Monitor" the regulator, not "monitor" the verb
_ACCEPTED = re.compile(rf"\b{_DECIDER}\b[^.;]{{0,60}}?\b(?:accept\w*|agree[sd]?|approv\w*|endors\w*|act(?:s|ed)?\s+on|"
                       r"follow(?:s|ed)?)\b[^.;]{0,40}?\brecommendation\b"
                       r"|\brecommendation\b[^.;]{0,60}?\b(?:accepted|approved|endorsed)\s+by\s+(?:the\s+)?" + _DECIDER)
_PLACING_WORDS = re.compile(r"\bspecial\s+measures\b|\bplac(?:e|ed|es|ing)\b", _FLAGS)
_CLAUSE_OPEN = re.compile(r"(?:^|[;:,]|\b(?:and|but|while|whereas)\b)\W*$", _FLAGS)  # where a subject can stand
# the object of "kept / left / spent / placed / put / moved ... in": the trust, a few words at most ("kept the
# trust in", "put its maternity unit back into", "placed A and B into"), or a time ("spent three years in");
# "left a trust in special measures", "moved from a trust in special measures" tell a career, not a status
_CAREER_OBJECT = re.compile(r"^\s*(?:from|at|an?|another)\b", _FLAGS)
_COMMON_WORD = re.compile(r"(?-i:\b[a-z][\w'’-]*)")
_HELD_WORDS = 4
_QUESTION = re.compile(r"\?[\"'”’)]*$")  # "Will the trust exit special measures?" asks, it does not tell
_DECISION_REACH = 6  # sentences: "the decision", "the recommendation" still mean the one a few sentences back


def _governing(sentence: str, cue_start: int):
    """(status, verb start, verb end) of the verb nearest before a mention of the regime: in "placed in
    2013, it remains in special measures" the regime is governed by "remains"."""
    before = sentence[max(0, cue_start - 220):cue_start]
    off = cue_start - len(before)
    best = None
    for status, pattern in _BEFORE:
        m = pattern.search(before)
        if not m:
            continue
        name = next(g for g in ("v", "n", "r", "out") if m.groupdict().get(g))
        obj = m.groupdict().get("o")
        if status in ("placed", "remains") and obj and (_CAREER_OBJECT.match(obj)
                                                        or len(_COMMON_WORD.findall(obj)) > _HELD_WORDS):
            continue
        if status == "bare" and best:
            break
        if best is None or off + m.start(name) > best[1]:
            best = (status, off + m.start(name), off + m.end(name))
    return best


def _recommended(sentence: str, status: str, vs: int) -> tuple[str, int]:
    """(status, where the statement starts) when a recommendation governs the verb.

    "recommended (that) the trust(, which ...,) (should) be placed into": the placing is only
    recommended; "recommended that the trust remain in" or "be removed from" counts as in or out. Either
    way it is the words before "recommended" that can make it hypothetical, not the "should" after it."""
    head = sentence[max(0, vs - 200):vs]
    head = head[max(head.rfind(";"), head.lower().rfind(" but ")) + 1:]
    rec = None
    for rec in _RECOMMEND.finditer(head):
        pass
    if rec is None:
        return status, vs
    if status == "placed" and (_RECOMMEND_THAT.match(head, rec.start()) or not _FINITE.search(sentence[:vs])):
        status = "recommended"
    return status, vs - len(head) + rec.start()


def _date(sentence: str, start: int, published: str | None) -> str | None:
    rest = sentence[start:]
    end = _CLAUSE_END.search(rest)
    dates = find_dates(rest[:end.start()] if end else rest, published)
    return dates[0][2] if dates else None


def _holds_bare(text: str, ss: int, s: int, e: int) -> bool:
    """Whether the mention at s..e can be the one "in special measures" right after it: a name, or "the trust"
    opening its clause ("The trust, in special measures since 2019, has ..."). A lone "trust" ("worked at a
    trust in special measures in Kent", "another trust in special measures") names none."""
    if not REF_RE.fullmatch(text, s, e):
        return True
    return text[s:e].lower().startswith("the") and bool(_CLAUSE_OPEN.search(text[ss:s]))


def _statements(sentence: str, cue, published, named_ends: set[int]):
    """(status, verb span, date) of every status the words around one mention of the regime state.

    named_ends: where in the sentence a trust or hospital name ends ("Alder Park Hospital, in special
    measures since 2019," is in; "trusts in special measures" says nothing of one trust)."""
    out = []
    gov = _governing(sentence, cue.start())
    if gov and gov[0] == "bare":
        gov = ("remains", *gov[1:]) if len(sentence[:gov[1]].rstrip(" ,")) in named_ends else None
    if gov:
        status, vs, ve = gov
        status, ask = _recommended(sentence, status, vs)
        if asserted(sentence, ask) and not NEGATION.search(sentence[vs:cue.start()]):
            out.append((status, (vs, ve), _date(sentence, cue.end(), published)))
    after = sentence[cue.end():]
    m = _AFTER_OUT.match(after) or (_HAD.search(sentence, 0, cue.start()) and _LIFTED.match(after))
    if m and asserted(sentence, cue.start()):
        out.append(("out", (cue.end() + m.start("v"), cue.end() + m.end("v")), None))
    if out and out[0][0] in ("placed", "remains"):
        verb = out[0][1]
        if out[0][0] == "placed" and (_AFTER_RECOMMENDED.match(after)
                                      or _BEFORE_RECOMMENDED.search(sentence, 0, verb[0])):
            out.append(("recommended", verb, None))
        m = _AFTER_EXIT.search(after)
        gap = m and (_SAME_SUBJECT.sub("", m.group("gap")) if m.group("of") else m.group("gap"))
        if m and not HEDGE.search(gap) and not TO.search(gap) and not _GAP_SUBJECT.search(gap):
            out.append(("out", verb, _date(after, m.end(), published)))
        elif _UNTIL_DATE.match(after):
            out.append(("out", verb, None))
    elif out and out[0][0] == "out":
        m = _AFTER_REENTRY.match(after)
        if m and not HEDGE.search(m.group("gap")) and not TO.search(m.group("gap")):
            out.append(("placed", out[0][1], _date(after, m.end(), published)))
    return out


def find_special_measures(doc) -> list[SpecialMeasures]:
    cue_re = _CUE_RSP if _RSP_WORDS.search(doc.text) and _RSP_IS_SM.search(doc.text) else _CUE
    found: dict[tuple[str, str], SpecialMeasures] = {}

    def add(trust, status, date, ss, se):
        key = (trust, status)
        if key not in found:
            found[key] = SpecialMeasures(trust, status, date, doc.evidence(ss, se, "pattern", 0.8))
        elif date and not found[key].date:
            found[key].date = date

    placed: tuple[int, list[str]] = (-1, [])  # the last sentence that placed trusts, and the trusts
    recommended: tuple[int, list[str]] = (-1, [])  # the same for a recommendation
    for i in sentences_with(doc, _WORDS):
        ss, se = doc.sentences[i]
        sentence = doc.text[ss:se]
        if _QUESTION.search(sentence):
            continue
        placed_here: list[str] = []
        recommended_here: list[str] = []
        cues = list(cue_re.finditer(sentence))
        named_ends = {e - ss for s, e, _k in doc.mentions_in(ss, se)
                      if _holds_bare(doc.text, ss, s, e)} if cues else set()
        for cue in cues:
            for status, (vs, ve), date in _statements(sentence, cue, doc.article.published, named_ends):
                for trust in subject_trusts(doc, i, (ss + vs, ss + ve), (ss + cue.start(), ss + cue.end())):
                    add(trust, status, date, ss, se)
                    if status == "placed":
                        placed_here.append(trust)
                    elif status == "recommended":
                        recommended_here.append(trust)
        if recommended_here:
            recommended = (i, recommended_here)
        if i - recommended[0] <= _DECISION_REACH and _ACCEPTED.search(sentence) \
                and _PLACING_WORDS.search(sentence) and not HEDGE.search(sentence):
            for trust in recommended[1]:
                add(trust, "placed", None, ss, se)
        if placed_here:
            placed = (i, placed_here)
        elif i - placed[0] <= _DECISION_REACH and _FOLLOWS_RECOMMENDATION.search(sentence) \
                and (cues or _REGULATORS_RECOMMENDATION.search(sentence)) and not HEDGE.search(sentence):
            for trust in placed[1]:
                add(trust, "recommended", None, ss, se)
    return list(found.values())
