"""Job titles as news writes them next to a name, and what they say about the post's kind."""
from __future__ import annotations

import re
from functools import lru_cache

from .vocab import label_key, scheme

_QUAL = r"(?:(?:interim|acting|new|former|then|joint|outgoing|incoming|permanent|substantive|current)\s+)*"
_RANK = (r"(?:(?:deputy|associate|assistant|executive|non-executive|senior|national|regional|divisional|group|clinical|"
         r"lead|vice)[\s-]+)*")
_FIELD = (r"(?:(?:medical|nursing|finance|financial|operations|operational|managing|commercial|strategy|workforce|"
          r"people|quality|clinical|corporate|estates|communications|programme|site|care\s+group|improvement|"
          r"transformation|digital|governance)\s+)?")
# "director of quality improvement", "director of delivery of development": lower-case words after "of"
# (capitalised ones begin an organisation's name, unless the whole title is capitalised: "Director of Nursing")
_STOP = r"(?:at|for|of|the|said|says|in|on|with|who|from|to|and|has|had|is|was|will|would|a|an)\b"
_TAIL = (rf"\s+of\s+(?:(?-i:(?!{_STOP})[a-z]+(?:\s+(?:and\s+|&\s+|of\s+)?(?!{_STOP})[a-z]+){{0,4}})|"
         rf"(?-i:(?!(?:The|NHS)\b)[A-Z][a-z]+(?:\s+(?:and\s+|&\s+)?[A-Z][a-z]+){{0,2}})(?=\s*(?:,|$|\s+(?:said|says|at|of)\b)))")
_REGION = (r"(?:\s+(?:in|for)\s+(?:the\s+)?(?:north[\s-]east|north[\s-]west|south[\s-]east|south[\s-]west|"
           r"east\s+of\s+england|north|south|east|west|midlands|london|yorkshire(?:\s+and\s+the\s+humber)?)\b)?")
_PAREN = r"(?:\s*\((?-i:[a-z][a-z ,&'-]{1,40})\))?"
_HEAD = (
    r"chief\s+executive(?:\s+officer)?|ceo|boss"
    r"|chief\s+inspectors?\s+of\s+(?:hospitals|primary\s+medical\s+services|adult\s+social\s+care|general\s+practice|"
    r"mental\s+health|healthcare)"
    r"|chief\s+(?:nurse|midwife|(?:operating|financial|finance|medical|people|information|nursing|digital)\s+officer)"
    r"|chair(?:man|woman|person)?(?:\s+in\s+common)?"
    r"|director(?:" + _TAIL + r")?"
    r"|head\s+of\s+(?:hospital\s+)?inspection|head(?:" + _TAIL + r")"
    r"|company\s+secretary|inspection\s+manager|inspector"
    r"|prosecutor|barrister|solicitor|lawyer|counsel|coroner|judge|spokes(?:man|woman|person)"
    r"|mp|health\s+(?:and\s+social\s+care\s+)?secretary|secretary\s+of\s+state(?:\s+for\s+health(?:\s+and\s+social\s+care)?)?"
    r"|(?:health\s+|prime\s+)?minister"
    r"|councillor|consultant(?:\s+[a-z]+ist)?|surgeon|midwife|nurse|matron|doctor|paramedic|campaigner|patient"
    r"|manager|reporter|correspondent|editor|founder|volunteer|carer|governor"
    r"|union\s+official|(?:regional|general)\s+secretary"
)
ROLE_RE = re.compile(rf"(?<![\w-])(?P<qual>{_QUAL})(?P<role>{_RANK}{_FIELD}(?:{_HEAD}){_REGION}{_PAREN})(?![\w-])",
                     re.IGNORECASE)

# Every title above holds one of these words: sentences without any need no full search.
ROLE_HINT = re.compile(r"\b(?i:chief|ceo|boss|chair|director|head|secretary|inspector|manager|prosecutor|barrister|solicitor|"
                       r"lawyer|counsel|coroner|judge|spokes|mp|minister|councillor|consultant|surgeon|midwife|nurse|"
                       r"matron|doctor|paramedic|campaigner|patient|union|reporter|correspondent|editor|founder|"
                       r"volunteer|carer|governor)")
LEGAL_OR_PUBLIC = re.compile(r"\b(?:prosecutor|barrister|solicitor|lawyer|counsel|coroner|judge|mp|minister|"
                             r"secretary\s+of\s+state|health\s+secretary|councillor|patient|campaigner|union|"
                             r"general\s+secretary|regional\s+secretary)\b")
_EXECUTIVE = re.compile(r"\b(?:chief\s+executive|ceo|boss|chair|chairman|chairwoman|chairperson|director|chief\s+\w+\s+officer|"
                        r"chief\s+nurse|chief\s+midwife|head\s+of|company\s+secretary)\b")
_INSPECTOR = re.compile(r"\binspector\b|\bhead\s+of\s+(?:hospital\s+)?inspection\b|\binspection\s+manager\b")


def role_text(m: re.Match) -> tuple[str, str | None]:
    """(role in lower case as worded, "interim" | "acting" | None) of a ROLE_RE match."""
    role = re.sub(r"\s+", " ", m.group("role").lower()).strip()
    role = re.sub(r"\binspectors\b", "inspector", role)  # "Chief Inspectors of Hospitals, Professor X" is one
    qual = m.group("qual").lower().split()
    return role, next((q for q in qual if q in ("interim", "acting")), None)


def is_executive_role(role: str) -> bool:
    return bool(_EXECUTIVE.search(role)) and not LEGAL_OR_PUBLIC.search(role) and not is_inspector_role(role)


def is_inspector_role(role: str) -> bool:
    return bool(_INSPECTOR.search(role))


# A board post named by what a title means, not how it is worded: the words news puts before a title
# that do not change the post ("executive director of nursing", "group chief executive").
_BOARD_NOISE = re.compile(r"^(?:executive|group|trust|joint)\s+")


@lru_cache(maxsize=4096)
def board_post(role: str | None) -> str | None:
    """The preferred label of the kind of board post a title names (vocabularies.ttl, board-post), or None."""
    if not role:
        return None
    posts = scheme("board-post")
    key = label_key(role)
    while key:
        if (iri := posts.by_label.get(key)) is not None:
            return posts.label(iri)
        shorter = _BOARD_NOISE.sub("", key)
        if shorter == key:
            return None
        key = shorter
    return None
