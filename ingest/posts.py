"""The posts a sentence gives a person after their name, each with what the text says of it.

Leadership-change news states careers in a few shapes, after the person's name and up to the next
person, verb of saying, relative clause about something else or quotation:
  a role with its organisation        "has been appointed chief executive of X", "CEO of X"
  an organisation with its role       "will join X as chief nurse", "X, where she was director of nursing"
  an organisation alone after a verb  "joins from X", "before that at X and Y", "also chairs X"
  a role alone                        "moved up from chief operating officer to interim chief executive"
A cue before each post says how the article holds it ("cue" below): appointed / will join (the
appointment the story reports), steps down / resigned (the post being left), previously / joins from
/ was (a former post), also / in common (another post held as well), will lead / will chair (another
post to come, held with the present one), or nothing (a post held now).
A post with no cue of its own takes the one before it ("previously at X and Y": both former).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .roles import is_executive_role

# Cues, in the order the alternation tries them at one place ("joins from" before "joins").
_CUE = re.compile(r"""(?ix)\b(?:
    (?P<former>previously|formerly|former|ex-|before\s+(?:that|this|then|joining)|prior\s+to\s+(?:that|this|joining)
      |(?:joins|joined|joining|join|moves|moved|moving|comes|came|arrives|arrived|transfers|transferred)(?:\s+\w+){0,3}\s+from
      |having\s+been|had\s+been|used\s+to|spent|worked|served|ran|led|left|was|were|from)
  | (?P<appoint>appointed|appointment|named|chosen|selected|confirmed\s+as|recruited|promoted|elevated
      |(?:will|would|to|set\s+to|is\s+to|due\s+to)\s+(?:join|become|take\s+(?:up|over)|start|begin|act\s+as|serve\s+as|step\s+in
        |be(?!\s+(?:\w+ing|replaced|succeeded|at|in|with|from)\b))  # "will be interim chief executive", not
                                                                   # "will be leaving", "is to be at X on Monday"
      |starts|begins|steps\s+in|stepping\s+in|stepped\s+in
      |joins|joining|join|takes\s+(?:up|over)|taking\s+(?:up|over)|took\s+up|becomes|replaces|replacing|succeeds|succeeding)
  | (?P<leave>steps?\s+down|stepped\s+down|stepping\s+down|stands?\s+down|stood\s+down|standing\s+down
      |resign(?:s|ed|ing)?|quits?|quitting|leaves|leaving|(?:will|to)\s+leave|retir(?:es|ed|ing|e)|departs|departing
      |suspended|dismissed|sacked|ousted|removed|retirement|resignation|departure)
  | (?P<other>also|as\s+well\s+as|alongside|in\s+common|jointly|secondment|seconded|(?:on\s+)?loan)
  | (?P<incoming>(?:will|would|to|set\s+to|is\s+to|are\s+to|due\s+to)\s+(?:lead|chair|head|run|support|oversee))
  | (?P<current>is|are|currently|now|has\s+been|have\s+been|became|remains|to)
)\b""")
# The words right before an organisation that make it the place of a post with no role named.
# A bare preposition needs a cue of its own ("previously worked at X", "has been at X since"): "spoke at X" is no post.
_AT = re.compile(r"(?i)\b(at|from|of|with|joins|joined|join|joining|chairs|chaired|lead|leads|led|runs|ran|left|leave|"
                 r"leaves|leaving|quit|quits|heads|headed)\s+(?:the\s+)?$")
_PREPOSITIONS = {"at", "from", "of", "with"}
# Words before a bare preposition that are no cue but keep the place a workplace: time spent there
# ("20 years at X", "a spell at X"), being or working there ("has been at X", "used to work at X", "her role at X"),
# "before that at X".
_SPENT = frozenset("been work works employed role post job position years months decades year time spell stint career "
                   "that this then".split())
_LAST_WORD = re.compile(r"[\w-]+(?=\s+$)")
# A clause about the organisation inside a person's clause: its verbs are no cues of the person's posts
# ("who was chief executive of X when it was placed in special measures, now chairs Y").
_ABOUT_ORG = re.compile(r"(?i)\b(?:when|after|as|before|since|until)\s+(?:it|they|the\s+(?:trust|hospital))\b[^,]*")
_LEADS = re.compile(r"(?i)\b(?:lead|leads|led|leading|runs|ran|running|heads|headed|heading)\s+(?:the\s+)?$")
_CHAIRS = re.compile(r"(?i)\bchair(?:s|ed|ing)\s+(?:the\s+)?$")  # "also chairs X": the verb names the post
_COORD = re.compile(r"(?i)\s*(?:,\s*)?(?:and|&|or|as\s+well\s+as)\s+(?:the\s+|then\s+(?:at\s+)?(?:the\s+)?)?$|\s*,\s*(?:the\s+)?$")
# "X as chief nurse", "X as its new chair", "X after five years as chief executive"
_AS = re.compile(r"(?i)\s+(?:(?:after|following)\s+(?:\w+\s+){1,2}(?:years?|months?)\s+)?as\s+"
                 r"(?:(?:its|the|their|a|an|her|his)\s+)?$")
# "X, where she was director of nursing"
_WHERE = re.compile(r"(?i),?\s+where\s+(?:she|he|they)\s+(?:was|were|had\s+been|has\s+been|is|served\s+as|worked\s+as)"
                    r"\s+(?:(?:the|a|an|its)\s+)?$")
# Where the posts of a name end: a verb of saying, a clause about something else, a quotation, a new clause.
# A verb of reacting is one of saying ("welcomed the appointment at X": someone else's appointment).
_END = re.compile(r"(?i)\b(?:said|says|saying|added|told|explained|commented|warned|stated|wrote|which|that|whose|"
                  r"because|but|while|whereas|welcomed|praised|criticised|criticized|thanked|condemned|"
                  r"congratulated|paid\s+tribute)\b|[;:\"“”]")
# How strongly a post is the one of the article's main event: an appointment or a departure (the story),
# then a post held now, one held besides, a former one.
_RANK = {"appoint": 0, "leave": 0, "current": 1, "other": 2, "incoming": 2, "former": 3}
# Which cue of a stretch of text wins: "will also lead" is another post, "who was appointed" an appointment.
_PRECEDENCE = {"other": 0, "appoint": 1, "incoming": 1, "leave": 2, "former": 3, "current": 4}
# A title's own qualifier as a cue: "new chief executive", "former chair", "outgoing director of nursing"
_QUAL_CUE = {"new": "appoint", "incoming": "appoint", "former": "former", "outgoing": "leave", "then": "former"}
# "chief executive of X until 2019", "... from 2012 to 2018": a post that ended
_UNTIL = re.compile(r"(?i)[\s,]*(?:(?:until|till|up\s+to)\s+(?:[\w-]+\s+){0,3}|(?:from|between)\s+(?:19|20)\d\d\s+"
                    r"(?:to|and|until)\s+)(?:19|20)\d\d\b")
# "promoted from X": X is left; "on secondment/loan from X": X is kept
_FROM_END = re.compile(r"(?i)(?<!secondment\s)(?<!seconded\s)(?<!loan\s)\bfrom\s+(?:the\s+)?(?:(?:role|post|position)\s+of\s+)?$")
_BLANK = re.compile(r"[\s,]*")
_TO = re.compile(r"(?i)\s+to\s+(?:(?:the|its|a|an)\s+)?(?:(?:interim|acting|permanent|substantive)\s+)?"
                 r"(?=[a-z])")
_POSSESSIVE_GAP = re.compile(r"(?:['’]s)?\s+")
_POSSESSIVE = re.compile(r"['’]s\b")
_NAME_TO_END = re.compile(r"[\s,]+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*")


@dataclass
class Stated:
    """One post of a person as the text states it; `org` is an organisation key, "" for a body outside
    the article, None when not named."""

    start: int
    role: str | None
    qualifier: str | None
    org: str | None
    explicit: bool
    cue: str  # "appoint" | "leave" | "current" | "other" | "incoming" | "former"
    leads: bool = False  # a verb of leading says it is a post at the head of the organisation: "who has led X"

    @property
    def rank(self) -> int:
        return _RANK[self.cue]


def _cues(text: str) -> list[str]:
    return [next(k for k, v in m.groupdict().items() if v) for m in _CUE.finditer(_ABOUT_ORG.sub(" ", text))]


def cue_in(text: str) -> str | None:
    """The strongest cue of a stretch of text (an appointment over "was": "who was appointed")."""
    return min(_cues(text), key=_PRECEDENCE.__getitem__, default=None)


def qualifier_cue(words: str) -> str | None:
    return next((_QUAL_CUE[w] for w in words.lower().replace("-", " ").split() if w in _QUAL_CUE), None)


def scope_end(text: str, start: int, end: int) -> int:
    m = _END.search(text, start, end)
    return m.start() if m else end


def stated_posts(doc, roles, begin: int, end: int, seed: Stated | None, org_after) -> list[Stated]:
    """The posts stated between `begin` (the end of a name or of its title) and `end`. `roles` are the
    sentence's titles (people._Role); `seed` is the post of the title written next to the name, which a
    coordination continues ("chair in common of X and Y"); `org_after(pos)` reads "of/at/for ORG" after a title."""
    text = doc.text
    items = [(r.start, r.end, r, None) for r in roles if begin <= r.start and r.end <= end]
    items += [(s, e, None, k) for s, e, k in doc.mentions_in(begin, end) if e <= end]
    items.sort(key=lambda it: it[0])
    until = _UNTIL.match(text, begin) if seed else None
    if until:
        seed.cue, begin = "former", until.end()
    out: list[Stated] = [seed] if seed else []
    pos, cue, used = begin, seed.cue if seed else None, 0
    before = None  # an organisation just read, that a title right after it belongs to ("X chief executive")
    for i, (s, e, role, org) in enumerate(items):
        if s < used:
            continue  # an organisation already read as a title's
        gap = text[pos:s]
        gap_cue = "former" if _FROM_END.search(gap) else cue_in(gap)
        prior, cue = cue, gap_cue or cue
        if role is not None:
            if (_BLANK.fullmatch(text, e, end) and text[end:end + 1].isupper()) or _NAME_TO_END.fullmatch(text, e, end):
                break  # a title before another name is that name's: "... replacing chief executive Jane Doe"
            key, org_end = org_after(e)
            if key is None and _TO.match(text, e) and (nxt := _next_title(items, i)) is not None:
                key = org_after(nxt.end)[0]  # "from chief nurse to chief executive of X": both at X
            if key is None and before is not None and _POSSESSIVE_GAP.fullmatch(text, before[1], s):
                key = before[0]
            own = qualifier_cue(role.words) or gap_cue or (cue if pos == begin and _AS.fullmatch(gap) else None)
            if key is None and not (own and is_executive_role(role.title)):
                continue  # a title alone is a post of the name's only when a cue ties it: "moved up from chief nurse"
            until = _UNTIL.match(text, max(e, org_end))
            c = "former" if until else own or cue or "current"
            out.append(Stated(s, role.title, role.qualifier, key, key is not None, c))
            pos = used = until.end() if until else max(e, org_end)
            cue = c
            continue
        before = (org, e)
        if _POSSESSIVE.match(text, e):
            continue  # "X's chief executive": the title that follows takes it
        nxt = items[i + 1] if i + 1 < len(items) else None
        if nxt is not None and nxt[2] is not None and (_AS.fullmatch(text[e:nxt[0]]) or _WHERE.fullmatch(text[e:nxt[0]])):
            r = nxt[2]
            c = "former" if _WHERE.fullmatch(text[e:nxt[0]]) else qualifier_cue(r.words) or cue or "current"
            out.append(Stated(s, r.title, r.qualifier, org, True, c))
            pos = used = nxt[1]
            cue = c
            continue
        coordinated = bool(out and out[-1].org is not None and _COORD.fullmatch(gap))
        at = _AT.search(gap)
        if coordinated or (at and (at.group(1).lower() not in _PREPOSITIONS or _workplace(gap, at)
                                   or (at.group(1).lower() == "from" and prior == "appoint"))):  # "joins X ... from Y"
            c = cue or "current"
            if coordinated and c == out[-1].cue == "current":
                c = "other"  # "chief executive of X and Y": one post, and another held with it
            role = out[-1].role if coordinated else ("chair" if _CHAIRS.search(gap) else None)
            out.append(Stated(s, role, None, org, True, c, leads=bool(_LEADS.search(gap))))
            pos = used = e
            cue = c
    if seed and seed.cue == "current" and any(c == "leave" for c in _cues(text[begin:end])):
        seed.cue = "leave"  # "Jane Doe, chief executive of X, is to step down": the post written by the name is left
    return out[1:] if seed else out


def _workplace(gap: str, at: re.Match) -> bool:
    """Whether a bare preposition brings in a workplace: the word before it is a cue ("was at X", "formerly of X",
    "joined from X", "will start at X") or time spent or work done there after a cue ("has spent 20 years at X",
    "used to work at X"); not any other verb or noun, whose the preposition is ("was treated at X", "was speaking
    at X", "is leading the review of X", "will chair a committee with X", "leaders from X")."""
    last = _LAST_WORD.search(gap, 0, at.start())
    if last is None:
        return False
    if any(m.start() <= last.start() < m.end() for m in _CUE.finditer(gap, 0, at.end(1))):
        return True
    return last.group().lower() in _SPENT and cue_in(gap[:last.start()]) is not None


# What a sentence says of a name before it: "has appointed Jane Doe", "the resignation of Jane Doe"
_BEFORE_NAME = re.compile(r"(?i)\b(?:(?P<appoint>appointed|appoints|appointing|named|names|recruited|hired|chosen|"
                          r"appointment\s+of|arrival\s+of)|(?P<leave>resignation\s+of|departure\s+of|retirement\s+of|"
                          r"suspension\s+of|sacking\s+of|dismissal\s+of|exit\s+of))\s+(?:(?:the|its|their|a)\s+)?$")
# Succession between two names: "Jane Doe succeeds John Roe", "Jane Doe is to be replaced by John Roe",
# "Jane Doe took over the trust on the departure of John Roe"
_SUCCESSION = re.compile(r"(?i)^[\s,]*(?:who\s+)?(?:(?:has|have|will|is\s+to|was|had)\s+)?(?:"
                         r"(?P<after>succeeds?|succeeded|replaces?|replaced|(?:takes?|took|taking)\s+over(?:\s+as\s+[^.;]{1,120}?)?\s+from|"
                         r"to\s+succeed|to\s+replace|"
                         r"[^.;]{0,160}?\b(?:on|after|following)\s+the\s+(?:departure|retirement|resignation|exit)\s+of)"
                         r"|(?P<before>(?:be\s+|been\s+|is\s+|was\s+)?(?:replaced|succeeded)\s+by|hands?\s+over\s+to|"
                         r"handed\s+over\s+to))\s+(?:(?:the\s+)?(?:outgoing|retiring|departing|current)\s+)?$")


def cue_before_name(text: str, start: int, sentence_start: int) -> str | None:
    m = _BEFORE_NAME.search(text, max(sentence_start, start - 60), start)
    return next(k for k, v in m.groupdict().items() if v) if m else None


def succession(text: str, first_end: int, second_start: int) -> tuple[str, str] | None:
    """The cues of two names joined by a verb of succession: (the first's, the second's)."""
    m = _SUCCESSION.match(text[first_end:second_start])
    if not m:
        return None
    return ("appoint", "leave") if m.group("after") else ("leave", "appoint")


def handed_on(posts: list[Stated], cue: str, at: int) -> list[Stated]:
    """The posts one name of a succession takes from the other, with its own cue."""
    return [Stated(at, p.role, p.qualifier, p.org, p.explicit, cue) for p in posts if p.role or p.org][:1]


def _next_title(items, i: int):
    """The title that comes right after item i, if the next item is one."""
    nxt = items[i + 1] if i + 1 < len(items) else None
    return nxt[2] if nxt is not None and nxt[2] is not None else None
