"""Whether a regulatory statement is asserted, or wrapped in a wish, a risk, a condition or a negation.

"could face special measures", "hopes to exit special measures", "avoided being placed in",
"was never in", "the aim is to come out": none of these says where a trust is. An infinitive
is a goal unless it reports a decision or a first ("the first trust to exit", "is to come out").
"""
from __future__ import annotations

import re

_FLAGS = re.IGNORECASE
_CLAUSE_START = re.compile(r".*(?:[;:]|\b(?:but|while|whereas|although|though|after|because)\b|,\s*(?:which|who)\b)",
                           _FLAGS | re.DOTALL)
# the modal "may" is lower case; the month is capitalised ("On 12 May the trust was placed", "Last May,"),
# and a lower-case month still follows a day or a time word ("in may", "since may", "mid-may")
_MAY = "(?-i:" + "".join(f"(?<!{w}[ -])" for w in (r"\blast", r"\bthis", r"\bnext", r"\bin", r"\bof", r"\bsince",
                                                  r"\buntil", r"\bby", r"\bfrom", r"\bearly", r"\blate", r"\bmid",
                                                  r"\d", r"\dth", r"\dst", r"\dnd", r"\drd")) + r"may)(?!\s+\d)"
HEDGE = re.compile(
    rf"\b(?:could|might|{_MAY}|would|should|shall|if|unless|whether|avoid\w*|risk\w*|threat\w*|"
    r"face|faces|facing|prospect|want\w*|hope\w*|hoping|aim\w*|bid|plan\w*|ambition|seek\w*|anticipat\w*|"
    r"expect\w*|likely|unlikely|possib\w*|potential\w*|consider(?:s|ed|ing)?|needs?|target\w*|towards?|track|"
    r"ready|poised|warn(?:s|ed|ing)?(?!\s+notice)|fear\w*|help(?:s|ing)?|road|path|route|journey|call\w*\s+for|"
    r"urg(?:e|es|ed|ing)|escap\w*|spared|without|rather\s+than|instead\s+of|short\s+of|decid\w*\s+against|declin\w*|"
    r"refus\w*|rul\w*\s+out|not|never|nor|n['’]t)\b", _FLAGS)
# between a verb and what it governs ("was never in", "has not been placed in")
NEGATION = re.compile(r"\b(?:not|never|nor)\b|n['’]t\b", _FLAGS)
# an infinitive is a goal ("to exit special measures", "to help staff improve and exit special measures")
# unless it reports a decision or a first, or is perfect ("delighted to have come out"); a finite verb or
# a comma after "to" ends the infinitive
TO = re.compile(r"\bto\s+(?!have\b)(?:(?!(?:has|have|had|is|are|was|were|will|did|does|said|says)\b)[\w'’-]+\s+)"
                r"{0,12}$", _FLAGS)
_TO_FACT = re.compile(r"\b(?:(?:first|second|third|fourth|fifth|latest|last|only)\b[^,;]{0,40}|(?:(?:is|are|was|were)\s+)?"
                      r"(?:set\s+|due\s+)|(?:is|are|was|were)\s+(?:now\s+)?|decid\w*\s+|decision\s+|agreed\s+|voted\s+|"
                      r"chose\s+)to\s+(?:be\s+)?$"
                      # a headline: "Northmoor Valley NHS Trust to exit special measures", no verb before "to"
                      r"|^(?:(?!\b(?:is|are|was|were|has|have|had|will|would|said|says|work\w*|help\w*|support\w*|"
                      r"urg\w*|ask\w*|told|allow\w*|enabl\w*|want\w*|need\w*|expect\w*)\b)[^,;])*"
                      r"\b(?:trust|hospital|hospitals|ft)\s+to\s+(?:be\s+)?$", _FLAGS)


def clause_before(sentence: str, pos: int) -> str:
    """The words of the clause that leads up to pos, at most 80 characters of them."""
    head = sentence[max(0, pos - 80):pos]
    m = _CLAUSE_START.match(head)
    return head[m.end():] if m else head


def asserted(sentence: str, pos: int, infinitive_is_goal: bool = True) -> bool:
    """A statement is a fact unless its clause wraps it in a wish, a risk, a condition or a negation.

    infinitive_is_goal=False for a noun that is held, not reached ("asked the trust to review its conditions")."""
    clause = clause_before(sentence, pos)
    if HEDGE.search(clause):
        return False
    to = infinitive_is_goal and TO.search(clause)
    return not to or bool(_TO_FACT.search(clause[:to.start() + 3]))
