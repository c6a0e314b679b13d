"""Rating levels in a sentence: which level words are ratings, and which are the earlier level.

A level word is a rating when news frames it as one (rated, rating, graded, overall, remains, from ... to
..., quoted or capitalised, "Safe - good" in a table, owning a key question: "good for caring");
"outstanding practice", "good progress", hoped-for ("aims to be rated good") and conditional levels are not.
A level is the earlier one of a change ("from X to Y", "Y, down from X", "after being rated X", "previously
rated X, but now Y", "rated X in <a year before publication>"), and the same as before where the text says
it held ("remains", "retained", "again", "for the second time", "(unchanged)").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .rating_terms import Item

LEVEL_RE = re.compile(r"(['‘\"“]?)\b(outstanding|good|requir(?:es|e|ed|ing)\s+improvement|needs?\s+improvement|"
                      r"inadequate)\b(['’\"”]?)", re.IGNORECASE)
_CUE_BEFORE = re.compile(r"\b(?:rat(?:ed|ing|ings)|grad(?:ed|ing|e)|judged|deemed|downgraded|upgraded|overall|"
                         r"remains?|remained|still|retain(?:s|ed)?|maintain(?:s|ed)?|mov(?:ed|es|ing)|improved|"
                         r"progressed|dropped|fell|gone|went|found\s+to\s+be|told\s+(?:it|they)|as|to|from|of|is|are|"
                         r"was|were|be|been)"
                         r"\W*(?:an?\s+|the\s+|its\s+)?(?:(?:overall|previous|prior|earlier|former)\s+){0,2}$",
                         re.IGNORECASE)
# "rated Northmoor Valley NHS Trust outstanding", "rated the trust good": the verb, its object, the level
_RATED_OBJECT = re.compile(r"\brat(?:ed|es|e)\s+(?:it|them|(?:the|this|its)\s+(?:trust|hospital|services?)|"
                           r"(?:[A-Z][\w'’&-]*\s+){1,8})\s*(?:as\s+)?['‘\"“]?$")
_FOR_ITEM = re.compile(r"['’\"”]?\s+(?:for|in|on|to\s+be)\s+", re.IGNORECASE)
_TABLE_GAP = re.compile(r"\s*[-–:]\s*['‘\"“]?$")
_WHETHER = re.compile(r"whether\s+[^.;,]{0,30}?\s|how\s+", re.IGNORECASE)
_CUE_AFTER = re.compile(r"^\W*(?:overall|rating|ratings|grading|by\s+the\s+(?:cqc|care\s+quality))", re.IGNORECASE)
# "good improvement in A&E", "it was good to see": how much better, how welcome; not a rating
_NOT_RATING_AFTER = re.compile(r"^\s+improvements?\b|^\s+to\s+(?!(?:an?\s+|the\s+)?(?:outstanding|good|inadequate|requir|needs?|"
                               r"rating|overall|be)\b)[a-z]+|^\W*(?:practice|care\b(?!\s+quality)|progress|work|news|example|examples|"
                               r"in\s+some|in\s+a\s+number|in\s+many|at\s+(?!the\s+)|leadership\b|governance|"
                               r"staff|people|thing|reason|job|start|idea|areas?\b|feedback|service\s+to|hands|"
                               r"(?!rat(?:ing|ings|ed)\b)[a-z]+\s+of\b)",
                               re.IGNORECASE)
# "areas of 'outstanding' practice": CQC words for what inspectors saw, quoted or not
_NEVER_RATING_AFTER = re.compile(r"^\W*(?:practice|practices|progress|examples?)\b", re.IGNORECASE)
_NOT_RATING_BEFORE = re.compile(r"\b(?:with|some|areas\s+of|examples\s+of|identified|noted|found|in|"
                                r"areas\s+(?:that|which)(?:\s+still)?)\s+$",
                                re.IGNORECASE)
_RATING_SENTENCE = re.compile(r"\b(?:rat(?:ed|ing|ings)|grad(?:ed|ing)|judged|overall|downgrad|upgrad|told\s+(?:it|they)|"
                              r"CQC|Care\s+Quality\s+Commission|inspectors?|watchdog|regulator)", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+(?:an?\s+|its\s+|their\s+|the\s+)?(?:(?:lowest|highest|worst|best|possible|previous|"
                   r"old|former|overall)\s+){0,3}(?:rating\s+of\s+)?['‘\"“]?$", re.IGNORECASE)
_LEVEL_WORD = r"(?:outstanding|good|requir(?:es|e|ed|ing)\s+improvement|inadequate)"
_FROM_LEVEL_TO = re.compile(rf"\bfrom\W+(?:an?\s+)?{_LEVEL_WORD}\W+to\W+(?:an?\s+)?{_LEVEL_WORD}\b|"
                            rf"\bto\W+(?:an?\s+)?{_LEVEL_WORD}\W+from\W+(?:an?\s+|its\s+|the\s+)?"
                            r"(?:(?:previous|prior|earlier|former)\s+)?" + _LEVEL_WORD + r"\b", re.IGNORECASE)
# "dropped to requires improvement from good"
# "to good from a previous requires improvement": the earlier level may be qualified like the later one
_EARLIER_ADJ = r"(?:(?:previous|prior|earlier|old|former|last|overall)\s+){0,2}(?:rating\s+of\s+)?"
_TO_THEN_FROM = re.compile(r"['’\"”]?\s+from\s+(?:an?\s+|its\s+|the\s+|their\s+)?" + _EARLIER_ADJ + r"['‘\"“]?",
                           re.IGNORECASE)
_FROM_TO = re.compile(r"\W*(?:rating\s+)?(?:to|into)\s+(?:an?\s+|the\s+)?(?:rating\s+of\s+)?\W*", re.IGNORECASE)
# a clause about the rating an earlier inspection gave ("since it was rated ...", "where it was rated ...")
_EARLIER_CLAUSE = r"(?:since|when|where|after)\s+(?:it|they|the\s+\w+)\s+(?:was|were|had\s+been)\s+(?:last\s+)?" \
                  r"(?:rated|inspected)"
_SAME_AS_LAST = r"(?:the\s+)?same\s+(?:as\s+(?:at\s+|in\s+)?(?:the|its|their)\s+(?:last|previous|prior|earlier)|" \
                r"(?:rating|grade)\s+(?:it|they)\s+(?:received|was\s+given|were\s+given|had|got))"
_AFTER_BEING = r"\bafter\s+(?:being|it\s+was|they\s+were)\s+(?:rated|judged)\s+(?:as\s+)?['‘\"“]?$"
# "good, down from outstanding", "good, a downgrade from the 'outstanding'", "good, from a 'requires improvement'"
_THEN_FROM = re.compile(r"(?:\b(?:up|down|downgrade|drop|fall|rise|improvement|step\s+up)\s+|,\s*)from\s+"
                        r"(?:an?\s+|its\s+|the\s+|their\s+)?" + _EARLIER_ADJ + r"['‘\"“]?$|\b(?:previously|formerly)\s+(?:been\s+)?(?:rated\s+)?"
                        r"(?:as\s+)?['‘\"“]?$|" + _AFTER_BEING + r"|\b(?:from\s+)?" + _EARLIER_CLAUSE
                        + r"\s+(?:as\s+)?['‘\"“]?$", re.IGNORECASE)
# "a year after being rated inadequate, it is now good", "a trust which was told it required improvement has
# been rated good": a level in a clause about the time before, ahead of the current one
_EARLIER_FIRST = re.compile(_AFTER_BEING + r"|\b(?:previously|formerly)\s+(?:been\s+)?rated\s+(?:as\s+)?['‘\"“]?$"
                            r"|\b(?:which|that|who)\s+(?:was|were|had\s+been)\s+(?:\w+\s+){0,3}"
                            r"['‘\"“]?$", re.IGNORECASE)
_EARLIER_ALONE = re.compile(_AFTER_BEING + r"|\b(?:previously|formerly)\s+(?:been\s+)?rated\s+(?:as\s+)?['‘\"“]?$|\b"
                            + _EARLIER_CLAUSE + r"\s+(?:as\s+)?['‘\"“]?$", re.IGNORECASE)
_NOW_CUE = re.compile(r"\bnow(?:\s+(?:been|be|rated|judged|graded|officially|as|an?|it|them))*\s*['‘\"“]?$",
                      re.IGNORECASE)
_TURN = re.compile(r"\b(?:but|now|however|resulting)\b", re.IGNORECASE)
_COORD = re.compile(r"['’\"”]?\s*,?\s*(?:and|or)\s+['‘\"“]?", re.IGNORECASE)
# "When inspectors visited in 2017, ...", "In 2016, ...": a time set before the levels of the sentence; an
# inspection a year before publication is the usual delay of a report, so only an older one is an earlier rating
_FRONTED_YEAR = re.compile(r"\W*(?:when|in|during|back\s+in|at\s+the\s+time)\b[^,;.]{0,60}?\b((?:19|20)\d\d)\b[^,;.]{0,30},",
                           re.IGNORECASE)
_IN_YEAR = re.compile(r"['’\"”]?(?:\s+overall)?\s+(?:in|during)\s+(?:\w+\s+)?((?:19|20)\d\d)\b")
# the main clause resumes after the earlier level: "which was rated X, was upgraded to Y"; not "graded as X, with
# Y for caring"
_NOW = re.compile(r"\b(?:has|have)\s+(?:now\s+)?been\b|\b(?:is|are)\s+now\b|"
                  r",\s*(?:(?:it|they)\s+)?(?:is|are|was|were|has|have)\b", re.IGNORECASE)
_LOST = re.compile(r"\b(?:los(?:es|t|ing)|stripped\s+of)\s+(?:its\s+|their\s+|the\s+|an?\s+)?['‘\"“]?$", re.IGNORECASE)
_SAME_AS_BEFORE = re.compile(r"\b(?:remains?|remained|still|retain(?:s|ed)?|maintain(?:s|ed)?|kept|again|re-?rated|"
                             r"(?:held|holds|hung)\s+on\s+to|"
                             r"once\s+more|continues\s+to\s+be|(?:not|never)\s+changed|unchanged)\b(?:\s+\w+){0,4}\W*$",
                             re.IGNORECASE)
# "rated inadequate in two successive reports", "... for the second time", "good (unchanged)", "the same as at
# the last inspection", "rated good again for caring": the level held before too ("again" only right after
# the level, before anything else is said)
_SAME_AFTER = re.compile(r"^\W*(?:once\s+)?again\b|"
                         r"^[^.;]{0,25}?\b(?:(?:two|three|four|second|third)\s+(?:successive|consecutive)|"
                         r"successive|consecutive|back-to-back|(?:a|the)\s+(?:second|third)\s+time|unchanged|"
                         + _SAME_AS_LAST + r")\b", re.IGNORECASE)
_OWN_VERB = re.compile(r"\b(?:rated|rating\s+of|was|were|is|are|has|have|had|been|now|but|while|whereas|however|"
                       r"although|though|down|up|from|improved|dropped|moved|fell|rose)\b|[;:.]", re.IGNORECASE)
KEEPS = re.compile(r"\b(?:remains?|remained|retain(?:s|ed)?|maintain(?:s|ed)?|kept|keeps|" + _SAME_AS_LAST + r")\b",
                   re.IGNORECASE)
PREVIOUSLY = re.compile(r"\b(?:previously|formerly|last\s+(?:time|inspected)|" + _EARLIER_CLAUSE + r")\b",
                        re.IGNORECASE)
# "at the last inspection it was rated ...": not "improvement since the last inspection"
EARLIER_INSPECTION = re.compile(
    r"\b(?:(?:at|in|during|after|following|from|by)\s+(?:the|its|their|a|an)\s+(?:last|previous|prior|earlier|former)"
    r"\s+(?:inspection|visit|report)|previously|had\s+(?:been\s+|previously\s+been\s+|previously\s+)?rated|was\s+first|"
    + _EARLIER_CLAUSE + r")\b|^\W*(?:the|its|their)\s+(?:last|previous|prior|earlier)\s+(?:\w+\s+)?"
    r"(?:inspection|report|visit)\b", re.IGNORECASE)
# a level hoped for or conditional is not one given: "aims to achieve a good rating", "could be rated inadequate"
_WISH = re.compile(r"\b(?:aim(?:s|ing|ed)?|ambitions?|hop(?:e|es|ing|ed)|wants?|wanted|goals?|targets?|targeting|"
                   r"aspir(?:e|es|ing|ations?)|striv(?:e|es|ing)|work(?:s|ing)?\s+towards?|on\s+track|bid|plans?|"
                   r"planning|determined|would(?!\s+like)|could|might|should|if|unless|expects?|expected)\b[^.;:!?,]*$",
                   re.IGNORECASE)
# "rated requires improvement by NHS England for its finances", "by colleagues": a level someone other than the
# CQC and its inspectors gave; "by a team of inspectors", "by England's chief inspector of hospitals" are the CQC
_OTHER_AGENT = re.compile(r"['’\"”]?\s+(?:overall\s+)?by\s+(?!(?:[\w'’-]+\s+){0,3}(?:CQC|Care\s+Quality|inspectors?|"
                          r"inspectorate|regulators?|watchdog|commission|body)\b)[A-Za-z]", re.IGNORECASE)
# "Mr Smith, who was rated outstanding as a surgeon": a person
_PERSON_RATED = re.compile(r"\bwho\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_CAPITAL_ENDS = re.compile(r"['’\"”]?(?:\s*$|\s*[^\w\s]|\s+(?:overall|ratings?|for|in|by|and|or|across|at|on|with|from|"
                           r"to|after|since|following|under|as|but|while|when|last|this|the|its|their)\b)", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w'’-]{3,}")
# "as good as any in the country": a comparison
_AS_GOOD_AS = re.compile(r"\bas\s+$", re.IGNORECASE)
_AS_AFTER = re.compile(r"\s+as\s+(?:any|ever|it|they|the\s+best|those|other|others|before|possible|expected|can|could|"
                       r"anywhere|elsewhere)\b", re.IGNORECASE)
# "rated good for cleanliness": a level for something that is neither a key question nor a service; not "for
# providing services that are safe"
_FOR_OTHER = re.compile(r"['’\"”]?\s+for\s+(?!(?:the|its|their|a|an|all|each|every|both|being|whether|how|some|most|"
                        r"this|that|these|those|services?|overall|patients?|people|children|adults|women|its|[a-z]+\s+"
                        r"(?:time|year|years|successive|consecutive|inspection|inspections)|[a-z]+ing)\b)([a-z]+)\b(?!\s+(?:and|&))")
# "working hard to be rated good", "in order to become outstanding": a purpose; not "the first trust to be rated
# outstanding", "one of 12 hospitals to be rated good", "continues to be rated", which report a rating given
_PURPOSE = re.compile(r"\bto\s+(?:be\s+(?:rated|judged|graded)|become|achieve|get|reach|gain|earn|regain|secure)\s+"
                      r"(?:as\s+)?(?:an?\s+|the\s+)?['‘\"“]?$", re.IGNORECASE)
_RANKED = re.compile(r"\b(?:first|only|second|third|last|latest|one|another|\d+)\b[^.;,]{0,40}$|"
                     r"\b(?:continues?|continued|continuing|appears?|appeared|seems?|seemed|found|judged|deemed|"
                     r"considered|shown|proved|proven|said)\s+$", re.IGNORECASE)
# "the food was good", "his work is outstanding": a copula after a noun that is neither a place, a service, a
# key question nor a rating says what something was like, not how the CQC rated it
_PLAIN_PREDICATE = re.compile(r"\b(?!(?:trusts?|hospitals?|services?|units?|centres?|departments?|wards?|sites?|"
                              r"it|they|which|that|this|these|those|ratings?|grades?|overall|rated|care|caring|"
                              r"safe|effective|responsive|led|leadership|organisation|provider|now|still|also|"
                              r"again|previously|all|both|each|one|two|three|four|five)\b)[a-z]+\s+"
                              r"(?:is|are|was|were)\s+$")
_QUOTE_GOES_ON = re.compile(r"\s+[a-z]")
_IN_SOME = re.compile(r"^\W*(?:in|for)\s+(?:some|several|a\s+number|many|most|other)\b", re.IGNORECASE)


def _level(word: str) -> str:
    w = word.lower()
    if w.startswith("outstanding"):
        return "Outstanding"
    if w.startswith("good"):
        return "Good"
    if w.startswith("inadequate"):
        return "Inadequate"
    return "Requires improvement"


@dataclass
class Level:
    start: int
    end: int
    level: str
    previous: str | None = None
    is_previous: bool = False
    now: bool = False  # said to hold now ("is now rated", "has now been rated")


def find_levels(sentence: str, items: list[Item] = (), year: int | None = None) -> list[Level]:
    """The levels of a sentence. Key questions named make a bare level a rating, and so does a level owning
    a key question or service ("... and good for caring"). `year`: the year the article was published, before
    which a dated level ("rated inadequate in 2019") is an earlier one."""
    out: list[Level] = []
    if not LEVEL_RE.search(sentence):  # most sentences name no level: spare them the checks below
        return out
    questions = any(it.kind == "question" and it.label for it in items)
    rating_sentence = bool(questions or _RATING_SENTENCE.search(sentence) or _FROM_LEVEL_TO.search(sentence))
    item_starts = {it.start for it in items if it.label}
    item_ends = {it.end for it in items if it.label}
    for m in LEVEL_RE.finditer(sentence):
        before, after = sentence[:m.start()], sentence[m.end():]
        # "rated 'good'" is quoted; "commended for their 'outstanding professionalism'" quotes a phrase
        quoted = bool(m.group(3) or m.group(1) and not _QUOTE_GOES_ON.match(after))
        # a capital marks a rating ("rated Good"), not in a title-case headline or before a noun ("Good Friday",
        # "Outstanding commitment")
        capital = m.group(2)[0].isupper() and m.start() > 0 and not re.search(r"[.!?:\-–]\s*['‘\"“]?$", before) \
            and _CAPITAL_ENDS.match(after) is not None and not _title_case(sentence)
        changed = bool(_FROM.search(before[-40:]))  # "up from inadequate at its last inspection"
        if _NOT_RATING_AFTER.match(after) and not (quoted and m.group(3) or changed) or _NEVER_RATING_AFTER.match(after) \
                or _OTHER_AGENT.match(after) or _PERSON_RATED.search(before[-40:]):
            continue
        if _NOT_RATING_BEFORE.search(before) and not (quoted or _CUE_AFTER.match(after)):
            continue  # "with good leadership", not "with outstanding ratings for caring"
        if _AS_GOOD_AS.search(before[-4:]) and _AS_AFTER.match(after) or _FOR_OTHER.match(after) \
                and m.end() + len(_FOR_OTHER.match(after).group()) - len(_FOR_OTHER.match(after).group(1)) \
                not in item_starts:
            continue
        purpose = _PURPOSE.search(before[-40:])
        if _IN_SOME.match(after) or _WISH.search(before[-60:]) \
                or purpose and not _RANKED.search(before, 0, len(before) - len(purpose.group())):
            continue
        cue = bool(_CUE_BEFORE.search(before[-40:]) or _CUE_AFTER.match(after) or _RATED_OBJECT.search(before[-80:])
                   or _owns_item(sentence, m.end(), item_starts) or _labelled(before, item_ends)
                   or (out and _COORD.fullmatch(sentence, out[-1].end, m.start())))  # "rated good and inadequate"
        if not (quoted or capital or cue) or not (rating_sentence or quoted or capital):
            continue
        if not quoted and _PLAIN_PREDICATE.search(before[-40:]) and not (_CUE_AFTER.match(after)
                                                                         or _owns_item(sentence, m.end(), item_starts)
                                                                         or before.rstrip().endswith(tuple(
                                                                             sentence[:e] for e in item_ends))):
            continue
        lv = Level(m.start(), m.end(), _level(m.group(2)), now=bool(_NOW_CUE.search(before[-40:])))
        lv.is_previous = bool(_LOST.search(before[-30:]))
        out.append(lv)
    for a, b in zip(out, out[1:]):
        between = sentence[a.end:b.start]
        if _FROM.search(sentence[:a.start]) and _FROM_TO.fullmatch(between):
            a.is_previous, b.previous = True, a.level  # "from X to Y"
        elif (_THEN_FROM.search(sentence[:b.start][-60:]) or _TO_THEN_FROM.fullmatch(between)) \
                and not a.is_previous and len(between) < 60:
            b.is_previous, a.previous = True, b.level  # "Y, down from X"
        elif _EARLIER_FIRST.search(sentence[:a.start][-60:]) and len(between) < 60 and _NOW.search(between):
            a.is_previous, b.previous = True, a.level  # "after being rated X, it is now Y"
    fronted = _FRONTED_YEAR.match(sentence)
    for lv in out:  # "placed in special measures after being rated inadequate", "rated inadequate in 2015"
        dated = _IN_YEAR.match(sentence, lv.end)
        if lv.previous is None and (_EARLIER_ALONE.search(sentence, 0, lv.start)
                                    or (year and dated and int(dated.group(1)) < year)
                                    or (year and fronted and fronted.end() <= lv.start
                                        and int(fronted.group(1)) <= year - 2)):
            lv.is_previous = True
    for a, b in zip(out, out[1:]):  # "when it was rated requires improvement overall, and inadequate for safety"
        if a.is_previous and not b.is_previous and b.previous is None and not _OWN_VERB.search(sentence, a.end, b.start):
            b.is_previous = True
    for a, b in zip(out, out[1:]):  # "it was previously rated good ..., but it is now outstanding"
        if a.is_previous and not b.is_previous and b.previous is None and _TURN.search(sentence, a.end, b.start):
            b.previous = a.level
    for lv in out:
        if not lv.is_previous and lv.previous is None and (_SAME_AS_BEFORE.search(sentence[:lv.start][-60:])
                                                            or _SAME_AFTER.match(sentence[lv.end:])):
            lv.previous = lv.level
    # "retains its outstanding rating for caring and its good ratings for being effective": one verb, both kept
    for a, b in zip(out, out[1:]):
        if a.previous == a.level and b.previous is None and not b.is_previous \
                and not _OWN_VERB.search(sentence, a.end, b.start):
            b.previous = b.level
    return out


def _title_case(sentence: str) -> bool:
    """A headline in title case ("Hospital Celebrates Good Friday"): most of its longer words are capitalised."""
    words = _WORD.findall(sentence)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _owns_item(sentence: str, end: int, item_starts: set[int]) -> bool:
    """Whether a level is followed by "for" and a key question or service ("good for (whether it is) caring")."""
    owns = _FOR_ITEM.match(sentence, end)
    if owns is None:
        return False
    whether = _WHETHER.match(sentence, owns.end())
    return owns.end() in item_starts or (whether is not None and whether.end() in item_starts)


def _labelled(before: str, item_ends: set[int]) -> bool:
    """A table written as prose: "Safe - requires improvement; Caring: good"."""
    label = _TABLE_GAP.search(before)
    return label is not None and label.start() in item_ends
