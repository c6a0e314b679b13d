"""People named in an article: name apart from honorific, role, organisation, qualifier and kind.

A run of capitalised words is a person only with a cue news uses for people: an honorific, a role
next to the name, a verb of saying, a kinship word, an age in apposition; or when a later cued
mention ("Mr Doe") takes up an uncued full name. The name tells nothing about the role; the role
and where it stands (before the name, after it, "of"/"at" an organisation, an organisation's
possessive) tell the organisation; role and organisation tell the kind.

A person may hold several posts in one article (`posts.py` reads them from leadership-change
language): the one of the article's main event is the person's role and organisation (an appointee's
new post, a leaver's post being left, else the post held now, at the story's trust first); the others
are kept as `other_posts`, former, incoming or other.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Person, StatedPost
from .posts import Stated, cue_before_name, cue_in, handed_on, qualifier_cue, scope_end, stated_posts, succession
from .resolve import same_person
from .roles import (LEGAL_OR_PUBLIC, ROLE_HINT, ROLE_RE, board_post, is_executive_role, is_inspector_role,
                    role_text)

_HON_WORD = r"(?:Professor|Prof|Dr|Sir|Dame|Mrs|Mr|Ms|Miss|Mx|Lord|Lady|Baroness|Baron|Cllr|Councillor|Revd|Rev)(?![a-z])"
# News sometimes lower-cases "professor" inside a sentence; other honorifics keep their capital.
_HON = rf"(?:(?:{_HON_WORD}|(?i:professor))\.?)"
_TOKEN = r"(?:(?:Mc|Mac|O['’]|D['’])?[A-ZÀ-Þ][a-zß-ÿ]+(?:[-'’][A-ZÀ-Þ][a-zß-ÿ]+)*)"
NAME_RE = re.compile(rf"(?<![\w’'&])(?P<hon>(?:{_HON}[ \t]+)+)?(?P<name>{_TOKEN}(?:[ \t]+{_TOKEN}){{0,6}})(?![\w&])")

SAY_AFTER = re.compile(r"^[ \t]*(?:,[^,]{0,80},[ \t]*|[ \t]+[–—-][^–—]{0,80}[–—-][ \t]*|[ \t]*\([^()]{0,80}\)[ \t]*)?(?:has\s+|had\s+|also\s+)?(?:said|says|added|adds|told|explained|"
                       r"commented|admitted|warned|stated|praised|welcomed|thanked|insisted|acknowledged|wrote|"
                       r"apologised|apologized|confirmed|responded|replied|urged|claimed|described|noted|"
                       r"highlighted|announced)\b")
SAY_BEFORE = re.compile(r"\b(?:said|says|added|according\s+to)[ \t]*$")
KIN_BEFORE = re.compile(r"\b(?:daughter|son|wife|husband|mother|father|brother|sister|widow|widower|partner|"
                        r"grandson|granddaughter|grandmother|grandfather|niece|nephew|aunt|uncle|friend),?[ \t]+$",
                        re.IGNORECASE)
# Bylines and picture credits: "By Jane Doe", "(c) Jane Doe/Agency", "Image source, Jane Doe/Agency", "Picture: Jane Doe"
CREDIT_BEFORE = re.compile(r"(?:^[ \t]*By|\(c\)|©|\b(?:Image[ \t]+source|Picture|Photo(?:graph)?|Credit)[ \t]*[,:])[ \t]*$",
                           re.MULTILINE)
CREDIT_AFTER = re.compile(r"^(?:[ \t]*/[ \t]*[A-Z]|['’]s[ \t]+report\b)")  # "Jane Doe/Agency", "Jane Doe's report"
TAKES_OVER_FROM = re.compile(r"\b(?:takes?|took|taking)[ \t]+over\b[^.;]*\bfrom[ \t]+$")  # "... from" a predecessor
PLACE_BEFORE = re.compile(r"\b(?:for|in|at|near|from)[ \t]+$")
WHO_AFTER = re.compile(r"^[ \t]*,[ \t]+who\b")  # "Jane Doe, who ...": a relative clause for a person
AGE_AFTER = re.compile(r"^,[ \t]+(?:aged[ \t]+)?\d{1,3},")
# Court reporting: "Jane Doe, prosecuting, said", "Jane Doe, prosecuting on behalf of / for the X, said"
PROSECUTING = re.compile(r"^,[ \t]+prosecuting(?:[ \t]+(?:on[ \t]+behalf[ \t]+of|for)[ \t]+(?:the[ \t]+)?|[ \t]*(?=,))")

# Capitalised words that are not names: sentence openers, titles, roles, organisation and place words,
# calendar words. A run is cut at them (at its ends) so that "Trust Chief Executive Jane Doe" is "Jane Doe".
NOT_NAME = frozenset("""
a an and as at but by for from in into of on or the to with within without under over after before since
during despite following while when where which who whose whom what why how if although though however
meanwhile yesterday today tomorrow last next this that these those there here then now also both all
each every either neither one two three four five six some many most more other another such
i we you he she they it its his her their our my your us them him
mr mrs ms miss dr sir dame professor prof lord lady
chief executive executives director directors chair chairman chairwoman deputy interim acting new former
medical nurse nursing inspector inspectors inspection inspections officer manager managers head spokesman
spokeswoman spokesperson secretary minister mp mps councillor president vice associate assistant
trust trusts hospital hospitals nhs foundation university teaching royal general infirmary centre clinic
unit ward wards service services care quality commission cqc health board council court crown government
department england scotland wales britain uk county city district north south east west midlands london
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december christmas easter
image images copyright caption source getty pa reuters news bbc itv press published updated share read
related more click follow facebook twitter instagram email watch listen
outstanding good inadequate requires improvement special measures report reports rating ratings
patients patient staff doctors nurses family families people
campaigner campaigners consultant surgeon midwife matron doctor paramedic prosecutor barrister solicitor lawyer
counsel coroner judge councillor cllr governor governors leader
authority agency association institute partnership network alliance college society
""".split())


_FUNCTION_WORDS = frozenset("""a an the and but or in at on by for of from with as if when while after before since
this that these those its his her their our new former interim acting""".split())


@dataclass
class _Mention:
    start: int
    end: int
    name: str
    honorific: str | None
    strong: bool  # a cue says this is a person
    role: str | None = None
    qualifier: str | None = None
    org: str | None = None  # organisation key; "" when the role is at a body that is not in the article
    explicit_org: bool = False
    cue: str = "current"  # what the text says of the post above (posts.Stated.cue)
    posts_from: int | None = None  # where the posts stated after the name (and its title) begin
    posts: list[Stated] = field(default_factory=list)  # the posts stated after the name


@dataclass
class _Cluster:
    mentions: list[_Mention] = field(default_factory=list)
    forms: set[tuple[str, str | None]] = field(default_factory=set)  # (name, honorific) seen: each is compared once


# "She was previously ...", "Before that, he was ...": a sentence about the person last named
_PRONOUN_OPENING = re.compile(r"[ \t]*(?:(?:(?:Before|Prior\s+to)\s+(?:that|this|then|joining)|Previously|Formerly|"
                              r"Until\s+(?:now|recently)|Since\s+\w+(?:\s+\d{4})?|In\s+\d{4}),?[ \t]*(?:she|he)|"
                              r"She|He)\b")


def find_people(doc) -> tuple[list[Person], list[tuple[int, int, str]]]:
    """The article's people and every mention of them as (start, end, key), sorted."""
    mentions: list[_Mention] = []
    for ss, se in doc.sentences:
        sentence = doc.text[ss:se]
        roles = _roles(doc, sentence, ss) if ROLE_HINT.search(sentence) else []
        found = _sentence_mentions(doc, ss, se, roles)
        opening = _PRONOUN_OPENING.match(sentence)
        subject = _last_named(mentions, opening.group()) if opening else None
        if subject is not None and (not found or found[0].start > ss + opening.end()):
            intro = cue_in(opening.group())
            seed = Stated(ss, None, None, None, False, intro) if intro else None  # "Before that, she ..."
            subject.posts += _posts_after(doc, roles, ss + opening.end(), found[0].start if found else se, seed)
            if found and (cues := succession(doc.text, ss + opening.end(), found[0].start)) and not found[0].posts:
                # "She replaces John Roe": the successor's post is the one he leaves
                given = [p for p in _mention_posts(subject) if p.cue == cues[0]]
                found[0].posts, found[0].strong = handed_on(given, cues[1], found[0].start), bool(given)
        _predecessors(doc, mentions, found, ss)
        mentions.extend(found)
    clusters = _cluster(mentions)
    people, placed = [], []
    for c in clusters:
        if not any(m.strong for m in c.mentions):
            continue
        person = _person(doc, c)
        person.key = f"person:{len(people) + 1}"
        people.append(person)
        placed.extend((m.start, m.end, person.key) for m in c.mentions)
    return people, sorted(placed)


_HONORIFIC_OF = {"he": {"mrs", "ms", "miss", "dame", "lady", "baroness"}, "she": {"mr", "sir", "lord", "baron"}}


# "Her predecessor, John Roe, ...", "His successor John Roe ...": the post of the one named before, left or taken up
_RELAY_BEFORE = re.compile(r"\b(?P<pron>her|his)[ \t]+(?P<rel>predecessor|successor),?[ \t]+$", re.IGNORECASE)
_PRONOUN_OF = {"her": "she", "his": "he"}


def _predecessors(doc, mentions: list[_Mention], found: list[_Mention], ss: int) -> None:
    """A name after "her predecessor"/"his successor" is a person, and holds the post of the one the pronoun
    is about (the last named): left by the predecessor, taken up by the successor."""
    for i, m in enumerate(found):
        rel = _RELAY_BEFORE.search(doc.text, max(ss, m.start - 40), m.start)
        if rel is None or m.role or m.posts:
            continue
        subject = _last_named(mentions + found[:i], _PRONOUN_OF[rel.group("pron").lower()])
        given = [p for p in _mention_posts(subject) if p.role and p.cue != "former"] if subject else []
        m.posts = handed_on(given, "leave" if rel.group("rel").lower() == "predecessor" else "appoint", m.start)
        m.strong = True


def _last_named(mentions: list[_Mention], opening: str) -> _Mention | None:
    """The person a "she"/"he" opening a sentence is about: the last one named, passing over one whose title
    says otherwise ("Mr Roe"), within the last three mentions."""
    pronoun = opening.split()[-1].lower()
    for m in reversed(mentions[-3:]):
        if not (m.honorific and set(m.honorific.lower().split()) & _HONORIFIC_OF[pronoun]):
            return m
    return None


def _sentence_mentions(doc, ss: int, se: int, roles: list[_Role]) -> list[_Mention]:
    text = doc.text
    sentence = text[ss:se]
    names = list(NAME_RE.finditer(sentence))
    if not names:
        return []
    out: list[_Mention] = []
    for m in names:
        found = _name_of(doc, ss + m.start(), ss + m.start("name"), ss + m.end(), m.group("hon"), m.group("name"))
        if found is None:
            continue
        start, end, hon, name = found
        if len(name.split()) == 1 and not hon:
            out.append(_Mention(start, end, name, None, strong=False))  # a surname alone: only a later mention
            continue
        before, after = text[max(ss, m.start() + ss - 40):m.start() + ss], text[end:se]
        if not hon and PLACE_BEFORE.search(before) and not TAKES_OVER_FROM.search(text, ss, start):
            continue  # "the MP for X", "a patient from X", "in X": a place, unless a title says otherwise
        mention = _Mention(start, end, name, hon, strong=bool(hon))
        if SAY_AFTER.match(after) or SAY_BEFORE.search(before) or KIN_BEFORE.search(before) or AGE_AFTER.match(after) \
                or CREDIT_AFTER.match(after) or CREDIT_BEFORE.search(text, ss, start) or WHO_AFTER.match(after):
            mention.strong = True
        _attach_role(doc, mention, start, roles, ss, se)
        out.append(mention)
    _pair_coordinated(doc, sentence, ss, roles, out)
    named = [m for m in out if m.strong or len(m.name.split()) > 1]  # a lone capitalised word ends no one's clause
    for i, mention in enumerate(named):
        if len(mention.name.split()) > 1 or mention.honorific:
            begin = mention.posts_from or mention.end
            intro = cue_before_name(text, mention.start, ss)
            seed = _mention_posts(mention)[0] if mention.role else (
                Stated(mention.start, None, None, None, False, intro) if intro else None)
            mention.posts = _posts_after(doc, roles, begin, named[i + 1].start if i + 1 < len(named) else se, seed)
            if mention.role:
                mention.cue = seed.cue  # "Jane Doe, chief executive of X, is to step down": the title's post is left
            mention.strong |= any(p.role for p in mention.posts)  # "Jane Doe has been appointed chief executive"
    _successions(doc, out)
    return out


def _successions(doc, mentions: list[_Mention]) -> None:
    """"Jane Doe succeeds John Roe as chief executive of X": the post the sentence gives one name is the other's
    too, taken up by the successor and left by the predecessor."""
    for a, b in zip(mentions, mentions[1:]):
        cues = succession(doc.text, a.end, b.start)
        if cues is None:
            continue
        a_posts, b_posts = _mention_posts(a), _mention_posts(b)
        if a_posts and not b_posts:
            b.posts, b.strong = handed_on(a_posts, cues[1], b.start), True
        elif b_posts and not a_posts:
            a.posts, a.strong = handed_on(b_posts, cues[0], a.start), True
        else:
            continue
        for m, cue in ((a, cues[0]), (b, cues[1])):
            m.cue = cue if m.cue == "current" else m.cue
            for p in m.posts:
                p.cue = cue if p.cue == "current" else p.cue


def _posts_after(doc, roles: list[_Role], begin: int, end: int, seed: Stated | None) -> list[Stated]:
    end = scope_end(doc.text, begin, end)
    return stated_posts(doc, roles, begin, end, seed, lambda pos: _org_after(doc, pos, end))


def _name_of(doc, run_start: int, name_start: int, end: int, hon: str | None, name: str):
    """The name inside a capitalised run, cut at non-name words; None when nothing of a name is left.
    Honorifics right before the name stay with it ("Chair Dr Jane Doe": "Dr", "Jane Doe")."""
    words = name.split()
    starts = [name_start + m.start() for m in re.finditer(r"\S+", name)]
    j = len(words)
    surname = _surname_here(doc, words, hon, end)
    while not surname and j > 0 and _not_name(words[j - 1]):
        j -= 1
    i = j - 1 if surname else j
    while i > 0 and not _not_name(words[i - 1]):
        i -= 1  # the name is the last run of name words: "Prime Minister Jane Doe", "Trust Chief Executive Jane Doe"
    if i == j:
        return None
    start, end = starts[i], starts[j - 1] + len(words[j - 1])
    if any(s < end and start < e for s, e, _ in doc.mentions_in(max(0, start - 200), end)):
        return None  # part of an organisation's name
    h = i
    while h > 0 and _HON_ONLY.fullmatch(words[h - 1]):
        h -= 1
    titles = words[h:i] if i else (hon or "").split()
    # "Mr", "Cllr", "Revd" and their like only ever open a title ("Cllr Dr", never "Sir Mr"): take the last one.
    opening = [k for k, t in enumerate(titles) if _OPENING_TITLE.fullmatch(t)]
    titles = titles[opening[-1]:] if opening else titles
    honorific = " ".join(w[:1].upper() + w[1:].rstrip(".") for w in titles) or None
    first = (starts[h] if h < i else run_start) if honorific else start
    return first, end, honorific, " ".join(words[i:j])


# Surnames that are also words a run is cut at. One ends a name when a title or a cue for a person goes with
# it: "Professor Helen Ward, the chief inspector", "Jane May said" (not "Alder Ward", "in May").
_SURNAME_WORDS = frozenset("ward may west north south east london court judge head good".split())
_PERSON_NEXT = re.compile(r"[ \t]*(?:,|[ \t]+(?:said|says|added|told)\b)")


def _surname_here(doc, words: list[str], hon: str | None, end: int) -> bool:
    return (len(words) > 1 and words[-1].lower() in _SURNAME_WORDS and not _not_name(words[-2])
            and bool(hon or _PERSON_NEXT.match(doc.text, end)))


_HON_ONLY = re.compile(_HON)
_OPENING_TITLE = re.compile(r"(?:Mrs|Mr|Ms|Miss|Mx|Cllr|Councillor|Revd|Rev)\.?")


def _not_name(word: str) -> bool:
    return word.lower().strip("’'") in NOT_NAME


_SPACE = re.compile(r"[ \t]*")


@dataclass
class _Role:
    start: int
    end: int
    title: str  # lower case, as worded
    qualifier: str | None
    words: str  # the words before the title: "new", "former", "interim" ...


def _roles(doc, sentence: str, ss: int) -> list[_Role]:
    """The titles of a sentence, each cut where an organisation's name begins inside it
    ("medical director of University Hospitals of X NHS Trust" is "medical director")."""
    out = []
    for m in ROLE_RE.finditer(sentence):
        start, end = ss + m.start(), ss + m.end()
        title, qualifier = role_text(m)
        around = [e for s, e, _k in doc.mentions_in(max(ss, start - 120), start + 1) if s < start < e]
        if around:  # "Alder Group chief executive": "Group" ends the organisation's name, the title is after it
            m = ROLE_RE.match(doc.text, _SPACE.match(doc.text, max(around)).end(), end)
            if m is None:
                continue
            start = m.start()
            title, qualifier = role_text(m)
        role_start = m.start("role") + (0 if around else ss)
        inside = [s for s, _e, _k in doc.mentions_in(role_start + 1, end)]
        if inside:
            cut = re.sub(r"[ \t]+(?:of|at|for)(?:[ \t]+the)?[ \t]*$", "", doc.text[role_start:inside[0]],
                         flags=re.IGNORECASE)
            end = role_start + len(cut)
            title = re.sub(r"\s+", " ", cut.lower()).strip()
        out.append(_Role(start, end, title, qualifier, m.group("qual")))
    return out


def _attach_role(doc, mention: _Mention, start: int, roles: list[_Role], ss: int, se: int) -> None:
    """Give the mention the role written next to it, and that role's organisation."""
    text = doc.text
    # "chief executive Jane Doe", "Chief executive of X, Jane Doe", "the trust's chair, Dr Jane Doe"
    for r in reversed(roles):
        if r.end > start:
            continue
        org, org_end = _org_after(doc, r.end, se)
        if org is not None and org_end > start:
            break  # the name is inside the organisation's: "director at the Alder Development Authority"
        gap = text[org_end if org is not None else r.end:start]
        if re.fullmatch(r"[ \t]*,?[ \t]*", gap) or re.fullmatch(r"[ \t]*,[ \t]*(?:the[ \t]+)?", gap):
            _set_role(doc, mention, r, org, ss)
            mention.cue = qualifier_cue(r.words) or "current"
            return
        break
    # "Jane Doe, chief executive of X", "Jane Doe, the trust's chair", "Jane Doe has been chief executive"
    after = text[mention.end:se]
    for r in roles:
        if r.start < mention.end:
            continue
        gap = text[mention.end:r.start]
        if _role_follows(doc, mention.end, r.start):
            org, org_end = _org_after(doc, r.end, se)
            _set_role(doc, mention, r, org, ss)
            mention.cue = cue_in(gap) or qualifier_cue(r.words) or "current"
            mention.posts_from = max(r.end, org_end)
            return
        break
    pros = PROSECUTING.match(after)
    if pros:
        mention.strong = True
        mention.role = "prosecutor"
        org, _ = _org_at(doc, mention.end + pros.end(), se)
        mention.org, mention.explicit_org = org, org is not None
        return
    # "the Care Quality Commission's Sir Jane Doe": the organisation without a role
    k = _possessor_before(doc, start, ss)
    if k:
        mention.org, mention.explicit_org = k, True


# between a name and its role: ", " / " (" / " is " / ", who was " ... then perhaps "the", "its"
_LINK = re.compile(r"[ \t]*(?:,?[ \t]+(?:who[ \t]+(?:is|was|has[ \t]+been|became)|is|was|has[ \t]+been|had[ \t]+been|"
                   r"became|becomes|now|then)|,|\(|[ \t]+[–—-])(?:[ \t]*,)?[ \t]*"
                   r"(?:(?:previously|formerly|currently|now|also|until[ \t]+recently)[ \t]+)?(?:(?:the|a|an|its|their|our)[ \t]+)?")


# Lower-case words naming a service or field before a title, none of them a word a clause is made of
_DESCRIBED = re.compile(r"(?:(?!(?:who|whose|which|was|were|is|are|has|had|have|said|says|and|of|for|to|in|on|at|by|"
                        r"the|a|an|her|his|their|its|our|new|former|not|also|now)\b)[a-z]+[ \t]+(?:and[ \t]+)?){1,4}")


def _role_follows(doc, end: int, role_start: int) -> bool:
    """Whether the text between a name and a role joins them: a link, then perhaps the organisation
    (", the trust's chief executive", ", CQC deputy director", " is NHS England's medical director")."""
    link = _LINK.match(doc.text, end, role_start)
    if not link:
        return False
    rest = link.end()
    if rest == role_start:
        return True
    if doc.text[end:rest].strip() == "," and _DESCRIBED.fullmatch(doc.text, rest, role_start):
        return True  # "Dr Jane Doe, urgent and emergency care group director": a title with the service it leads
    for s, e, _k in doc.mentions_in(max(0, rest - 4), role_start):
        if s <= rest + 4 and re.fullmatch(r"(?:['’]s)?[ \t]+", doc.text[e:role_start]):
            return True
    return bool(re.fullmatch(r"[A-Z][\w&]*(?:[ \t]+[A-Z][\w&]*){0,2}(?:['’]s)?[ \t]+", doc.text[rest:role_start]))


def _org_after(doc, pos: int, se: int) -> tuple[str | None, int]:
    """"of/at/for ORG" right after a role: the organisation's key ("" for a body outside the article)."""
    m = re.match(r"[ \t]+(?:of|at|for|with)[ \t]+", doc.text[pos:se])
    return _org_at(doc, pos + m.end(), se) if m else (None, pos)


def _org_at(doc, at: int, se: int) -> tuple[str | None, int]:
    """The organisation named from `at` on ("the" apart), and where its name ends."""
    the = re.match(r"(?i:the)[ \t]+", doc.text[at:se])
    for _s, e, k in doc.mentions_in(at, at + (the.end() if the else 0) + 1):
        return k, e
    at += the.end() if the else 0
    if the and (word := re.match(r"(?:board|trust)\b(?![ \t]+[A-Z])", doc.text[at:se], re.IGNORECASE)):
        return _main_org(doc), at + word.end()  # "chief executive of the trust", "chair of the board"
    run = re.match(r"[A-Z][\w’'&]*(?:[ \t]+(?:of[ \t]+|and[ \t]+|&[ \t]+)?[A-Z][\w’'&]*)*", doc.text[at:se])
    if run and run.group() and not _not_name(run.group()):
        return "", at + run.end()
    return None, at


def _org_before(doc, role_start: int, ss: int) -> str | None:
    """"CQC chief inspector", "the trust's chair", "NHS England medical director"."""
    for s, e, k in reversed(doc.mentions_in(max(ss, role_start - 120), role_start)):
        if re.fullmatch(r"(?:['’]s)?[ \t]+", doc.text[e:role_start]):
            return k
        break
    m = re.search(r"(?:^|[^\w])((?:[A-Z][\w&]*[ \t]+){0,2}[A-Z][\w&]*)(?:['’]s)?[ \t]+$", doc.text[ss:role_start])
    if m and not all(w.lower() in _FUNCTION_WORDS for w in m.group(1).split()) and not NAME_RE.fullmatch(m.group(1)):
        return ""  # an organisation outside the article: "NHS England", "Unison"
    return None


def _possessor_before(doc, start: int, ss: int) -> str | None:
    for s, e, k in reversed(doc.mentions_in(max(ss, start - 120), start)):
        if re.fullmatch(r"['’]s[ \t]+", doc.text[e:start]):
            return k
        break
    return None


def _set_role(doc, mention: _Mention, r: _Role, org: str | None, ss: int) -> None:
    mention.strong = True
    mention.role, mention.qualifier = r.title, r.qualifier
    explicit = org is not None
    if org is None:
        org = _org_before(doc, r.start, ss)
        explicit = org is not None
    mention.org, mention.explicit_org = org, explicit


def _pair_coordinated(doc, sentence: str, ss: int, roles: list[_Role], mentions: list[_Mention]) -> None:
    """"The chair and chief executive, Jane Doe and Sir John Roe, of X": roles go to names in order."""
    for i in range(len(roles) - 1):
        a, b = roles[i], roles[i + 1]
        if not re.fullmatch(r"[ \t]+(?:and|&)[ \t]+", doc.text[a.end:b.start]):
            continue
        named = [m for m in mentions if m.start > b.end]
        if len(named) < 2 or not re.fullmatch(r"[ \t]*,?[ \t]*", doc.text[b.end:named[0].start]) \
                or not re.fullmatch(r"[ \t]+(?:and|&)[ \t]+", doc.text[named[0].end:named[1].start]):
            continue
        tail = re.match(r",?", doc.text[named[1].end:]).end()
        org, _ = _org_after(doc, named[1].end + tail, ss + len(sentence))
        if org is None:
            org, _ = _org_after(doc, b.end, ss + len(sentence))
        for mention, role in ((named[0], a), (named[1], b)):
            _set_role(doc, mention, role, org, ss)


def _cluster(mentions: list[_Mention]) -> list[_Cluster]:
    """Mentions of one person together: full names first, so that a surname alone finds its person."""
    clusters: list[_Cluster] = []
    ordered = sorted(mentions, key=lambda m: (-len(m.name.split()), m.start))
    for m in ordered:
        form = (m.name, m.honorific)
        home = next((c for c in clusters if form in c.forms or any(same_person(m.name, m.honorific, *f)
                                                                   for f in c.forms)), None)
        if home is None:
            if len(m.name.split()) == 1 and not m.honorific:
                continue  # a lone capitalised word is no one by itself
            home = _Cluster()
            clusters.append(home)
        home.mentions.append(m)
        home.forms.add(form)
    for c in clusters:
        c.mentions.sort(key=lambda m: m.start)
    clusters.sort(key=lambda c: c.mentions[0].start)
    return clusters


def _person(doc, c: _Cluster) -> Person:
    full = max(c.mentions, key=lambda m: (len(m.name.split()), len(m.name), -m.start))
    hon = next((m.honorific for m in c.mentions if m.honorific and m.name == full.name), None) or \
        next((m.honorific for m in c.mentions if m.honorific), None)
    aliases = []
    for m in c.mentions:
        form = doc.text[m.start:m.end]
        if m.name != full.name and form not in aliases:
            aliases.append(form)
    posts = [p for m in c.mentions for p in _mention_posts(m)]
    story = _main_org(doc)
    best = min(posts, key=lambda p: (p.rank, p.org not in (story, None), p.role is None, not p.explicit, p.start),
               default=None)
    role = qualifier = org = None
    if best is not None:
        role, qualifier, org = best.role, best.qualifier, best.org
        if role is None:  # "Acting chief executive Jane Doe, who joined X": the title of one, the place of the other
            titled = [p for p in posts if p.role and p.rank == best.rank and p.org in (None, org)]
            if titled:
                role, qualifier = titled[0].role, titled[0].qualifier
        if org is None:
            org = _default_org(doc, role)
    org = _board_org(doc, org, role)
    kind = _kind(role, _org_kind(doc, org))
    if role is None and _org_kind(doc, org) in ("trust", "hospital") and _leader(best, posts):
        kind = "executive"
    first = c.mentions[0]
    return Person(key="", name=full.name, honorific=hon, aliases=aliases, role=role, kind=kind,
                  organisation_key=org or None, qualifier=qualifier,
                  evidence=doc.evidence(first.start, first.end, "pattern", 0.85 if best else 0.6),
                  other_posts=_other_posts(doc, posts, best, org, kind))


def _leader(best: Stated, posts: list[Stated]) -> bool:
    """Whether a post at a trust with no title named is an executive's: the trust appoints or loses them, they
    lead it ("who has led the trust since 2016"), or they hold an executive title elsewhere ("is to leave X to
    become chief executive of Y")."""
    return best.cue in ("appoint", "leave") or best.leads or any(p.role and is_executive_role(p.role) for p in posts)


def _mention_posts(m: _Mention) -> list[Stated]:
    """The post written next to a mention (its title, or an organisation's possessive) and those stated after it."""
    own = [Stated(m.start, m.role, m.qualifier, m.org, m.explicit_org, m.cue)] if m.role or m.org else []
    return own + m.posts


# How the article holds a post that is not the one of its main event: an appointment besides it is
# one to come; a post held now besides an appointment is the one being left.
_STATUS = {"appoint": "incoming", "incoming": "incoming", "leave": "former", "former": "former", "other": "other",
           "current": "other"}


def _other_posts(doc, posts: list[Stated], best: Stated | None, main_org: str | None, main_kind: str) -> list[StatedPost]:
    """Every other post at a named organisation, once per organisation and title; a post with no title
    counts for an executive only ("joins from X": X is where the executive was)."""
    seen = {(main_org, board_post(best.role) or best.role)} if best else set()
    out = []
    for p in sorted(posts, key=lambda p: p.start):
        if p is best or not p.org or (p.role is None and main_kind != "executive"):
            continue
        p.org = _board_org(doc, p.org, p.role)
        key = (p.org, board_post(p.role) or p.role)
        if key in seen or (p.role is None and any(o == p.org for o, _r in seen)):
            continue
        seen.add(key)
        kind = _kind(p.role, _org_kind(doc, p.org)) if p.role else (
            "executive" if _org_kind(doc, p.org) in ("trust", "hospital") else "other")
        status = "former" if p.cue == "current" and best is not None and best.cue == "appoint" else _STATUS[p.cue]
        out.append(StatedPost(p.role, p.org, kind, status, p.qualifier, doc.evidence(p.start, p.start, "pattern", 0.7)))
    return out


def _board_org(doc, org: str | None, role: str | None) -> str | None:
    """A board post at a hospital is one at the trust running it, when the article says which: a trust has the
    board ("chief executive of Alder Hospital" in a story about the trust that runs it)."""
    if org and role and board_post(role) and doc.org(org).kind == "hospital" and doc.org(org).trust_key:
        return doc.org(org).trust_key
    return org


def _org_kind(doc, org: str | None) -> str | None:
    return doc.org(org).kind if org else ("other" if org == "" else None)


def _default_org(doc, role: str | None) -> str | None:
    """A role given with no organisation: an inspector's is the regulator, an executive's the story's trust."""
    if not role:
        return None
    if is_inspector_role(role):
        return next((o.key for o in doc.organisations if o.kind == "regulator"), None)
    if is_executive_role(role):
        return _main_org(doc)
    return None


def _main_org(doc) -> str | None:
    return doc.main("trust") or doc.main("hospital")


def _kind(role: str | None, org_kind: str | None) -> str:
    if role and LEGAL_OR_PUBLIC.search(role):
        return "other"
    if org_kind == "regulator" or (org_kind is None and role and is_inspector_role(role)):
        return "inspector"
    if org_kind in ("trust", "hospital") and role and is_executive_role(role):
        return "executive"
    return "other"
