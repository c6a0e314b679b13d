"""CQC ratings stated in an article.

Each sentence is read as levels (rating_levels: which level words are ratings, which is the earlier one)
with the services and key questions that belong to them (rating_terms) and the trust or hospital they are
about. Services and key questions attach to the level they stand before ("surgery was rated good") or,
after "for"/"in"/"on", the one they follow ("rated inadequate for safety"); several of each expand to one
rating per combination, "respectively" pairs them in order.

The subject is the nearest trust or hospital the sentence names ("medical care at X", "X and Y were both
rated", "the trust that runs X" is the trust), else the one the passage is about. Mental-health,
community and ambulance services are rated at the trust that provides them; "X Hospital and the trust's
community services were rated good" rates the hospital whole and the trust's services.

Across sentences: a sentence that rates only key questions, with no trust or hospital named, goes on about
the service of a heading or bulleted list before it; "the service", "these services" stand for the services
named last; "the same rating" repeats the last level; "all services" means the services rated so far;
ratings told of an earlier inspection ("at the last inspection it was rated ...", "after being rated ...")
become the previous level of the new ones, and "is now rated" replaces a level read first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Rating
from .rating_levels import EARLIER_INSPECTION, KEEPS, PREVIOUSLY, Level, find_levels
from .rating_terms import KEY_QUESTIONS, Item, find_items, is_acute

_YEAR = re.compile(r"[0-9]{4}")
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
# "60% of hospitals are rated good", "nationally, ...": figures about other providers, said for comparison
_COMPARISON = re.compile(r"(?:\d+\s*(?:%|per\s*cent)|\b(?:most|many|few|half|a\s+third|a\s+quarter|one\s+in\s+\w+))\s+"
                         r"(?:of\s+)?(?:(?:all|the|other|acute|nhs|mental\s+health|ambulance|community|england['’]s)\s+)*"
                         r"(?:trusts|hospitals|providers|services|units)\b|\bnationally\b|\bnational\s+average\b|"
                         r"\bother\s+(?:trusts|hospitals|providers)\b", re.IGNORECASE)
# "a good rating from patients", "its food hygiene rating", "Ofsted rated the school outstanding": a level given by
# someone other than the CQC
_OTHER_RATER = re.compile(r"\b(?:food\s+hygiene|ofsted|friends\s+and\s+family|(?:staff|patient|inpatient)\s+survey|"
                          r"star\s+ratings?|(?:rating|rated|scores?|scored)\s+(?:\w+\s+){0,3}(?:from|by)\s+(?:its\s+|the\s+)?"
                          r"(?:patients|staff|users|visitors|reviewers|colleagues|peers))\b|"
                          r"\b(?:healthwatch|nhs\s+england|nhs\s+improvement|royal\s+college\s+of\s+\w+|patients|staff)\s+"
                          r"(?:rated|scored|graded)\b", re.IGNORECASE)
_CQC = re.compile(r"\b(?:CQC|Care\s+Quality\s+Commission|inspectors?)\b", re.IGNORECASE)
# the CQC rates care homes, GP practices, dentists and hospices too: "Elm Lodge care home was rated good", "a GP
# practice run by the trust was rated outstanding"; not "the trust, which runs 12 GP practices, was rated good"
_OTHER_PROVIDER = re.compile(r"\b(?:(?:care|nursing|residential)\s+homes?|(?:GP|doctors['’]?|dental)\s+"
                             r"(?:practices?|surger(?:y|ies))|dentists?|pharmac(?:y|ies)|hospices?|home\s+care\s+"
                             r"(?:agency|agencies|providers?)|domiciliary\s+care)\b", re.IGNORECASE)
_RELATIVE_OPEN = re.compile(r",\s*(?:which|who|whose|where)\b[^,]*$", re.IGNORECASE)
_PLACED = re.compile(r"\s*(?:at|in|within|inside|near|beside|on\s+the\s+site\s+of)\s+(?:the\s+)?", re.IGNORECASE)
# "who led a hospital rated outstanding", "moved to another trust rated good": some trust, not one named; not
# "X is a hospital rated outstanding"
_ANOTHER = re.compile(r"(?<!\bis\s)(?<!\bwas\s)(?<!\bbecame\s)(?<!\bremains\s)\b(?:an?|another|one)\s+(?:\w+\s+)?"
                      r"(?:trust|hospital|provider|organisation)\s+(?:(?:that|which)\s+(?:was|is|has\s+been|had\s+been)\s+)?"
                      r"(?:rated|judged)\s+(?:as\s+)?['‘\"“]?$", re.IGNORECASE)
_RUNS = re.compile(r"\b(?:runs?|running|operates|provides?|including|includes|such\s+as|like|and|with)\W+(?:\w+\W+){0,3}$",
                   re.IGNORECASE)
# "an 'inadequate' trust": the level is said of the story's trust or hospital
_LEVEL_OF = re.compile(r"^['’\"”]?\s+(trust|hospital)\b", re.IGNORECASE)
_INSPECTED = re.compile(r"\b(?:inspect(?:ion|ions|ed|ing|s)?|visit(?:s|ed)?|look(?:ed)?\s+at|review(?:s|ed)?)\b"
                        r"[^.;]{0,60}$", re.IGNORECASE)
_HEADING = re.compile(r"^\W*[-•*–]|[^.!?'’\"”\s]['’\"”]?\s*$")
_THE_SERVICE = re.compile(r"\b(?:the|this|that|(these|those|both))\s+(?:core\s+)?services?(?:['’]s?)?"
                          r"(?!\s+(?:users?|of|at|in|for|to))\b", re.IGNORECASE)
_OVERALL = re.compile(r"\boverall\b", re.IGNORECASE)
_OVERALL_ADVERB = re.compile(r"\b(?:is|are|was|were|been)\s+overall\b(?!\s+rat)", re.IGNORECASE)
_SAME_RATING = re.compile(r"\b(?:the\s+)?same\s+rating\b", re.IGNORECASE)
# between a level and an item it owns: "rated good for (whether its services are) safe, caring and ..."
_GAP_OWNS = re.compile(r"\W*(?:overall\s+)?(?:ratings?\s+)?(?:and\s+)?(?:for|in|on|across|to\s+be)\b[^.;,\x00]{0,45}?"
                       r"(?:\x00|[\s,&-]|\band\b|\bor\b)*", re.IGNORECASE)
_AT_SITE = re.compile(r"\W*(?:services?\s+)?(?:at|in)\s+(?:the\s+)?", re.IGNORECASE)
_DASH_OPEN = re.compile(r"(?:\s[-–—]\s|\()[^-–—()]*$")
_DASH_CLOSE = re.compile(r"\s[-–—]\s|\)")
_NEAR_BEFORE = re.compile(r"[^.;,]{0,30}")
_BUT = re.compile(r"\b(?:but(?!\s+not\b)|whereas|while|(?:al)?though)\b", re.IGNORECASE)
_SUBORDINATE = re.compile(r"\b(?:although|though|while|whereas|despite|if)\b[^,]*$", re.IGNORECASE)
_ADJACENT = re.compile(r"[\s'’\"”]{0,3}")
# "the food was good and the staff were caring": a word with its own verb is not the level's; "good ... regarding
# whether it was safe" names what was rated
_OWN_PREDICATE = re.compile(r"^(?!.*\b(?:whether|how)\b).*\b(?:is|are|was|were)\s+(?:\w+\s+)?$", re.IGNORECASE)
# "staff were caring and kind, and the CQC said leadership was good": another clause, reported
_REPORTED = re.compile(r",[^,;]*\b(?:said|says|found|finds|told|added|noted)\b", re.IGNORECASE)
_GAP_BREAK = re.compile(r"[.;]|\bwhile\b|\bwhereas\b|\bbut\b|\balthough\b", re.IGNORECASE)
# an organisation named inside "the trust that runs X" is not what the sentence rates
_ASIDE = re.compile(r"\b(?:runs?|running|run\s+by|operates|including|includes|such\s+as|like|responsible\s+for|"
                    r"in\s+charge\s+of)\W+(?:the\s+)?$",
                    re.IGNORECASE)
_RUN_BY = re.compile(r"\b(?:run|provided|operated|delivered)\s+by\W+(?:the\s+)?$", re.IGNORECASE)
# "both hospitals", "all three sites"; not "one of just three hospitals" nationally
_BOTH_HOSPITALS = re.compile(r"(?<!\bof\s)(?<!\bjust\s)(?<!\bonly\s)"
                             r"\b(?:both|all\s+(?:three|four|five|of\s+its|its)|two|three|four)\s+"
                             r"(?:of\s+its\s+|of\s+the\s+)?(?:hospitals|sites)\b|\bthe\s+hospitals\b", re.IGNORECASE)
_GENERIC = {"trust": re.compile(r"\b(?:the|this|its)\s+trust\b", re.IGNORECASE),
            "hospital": re.compile(r"\b(?:the|this)\s+hospital\b", re.IGNORECASE)}


def _assign(sentence: str, levels: list[Level], items: list[Item]) -> dict[int, list[Item]]:
    """Which items belong to which current level (by index into levels)."""
    current = [i for i, lv in enumerate(levels) if not lv.is_previous]
    owned: dict[int, list[Item]] = {i: [] for i in current}
    # "services are safe and high quality, with the trust rated good for effective, caring and well-led": a level
    # naming its own key questions after it takes no other from far before it
    complement = {(i, it.kind) for i in current for it in items if it.start >= levels[i].end
                  and _GAP_OWNS.fullmatch(_blank(sentence, items, levels[i].end, it.start))}
    for it in items:
        if any(lv.start <= it.start < lv.end for lv in levels):
            continue
        # a group of services is rated as a subject ("community services were rated good"); after a level it
        # tells what the subject is ("rated inadequate on mental health services being safe")
        prev = [i for i in current if levels[i].end <= it.start and not it.generic]
        # "rated 'good' overall": the word right after a level is its own
        if prev and (_GAP_OWNS.fullmatch(_blank(sentence, items, levels[prev[-1]].end, it.start))
                     or _ADJACENT.fullmatch(sentence, levels[prev[-1]].end, it.start)):
            owned[prev[-1]].append(it)
            continue
        following = [i for i, lv in enumerate(levels) if lv.start >= it.end]
        if following and _NEAR_BEFORE.fullmatch(sentence, it.end, levels[following[0]].start) \
                and not _BUT.search(sentence, it.end, levels[following[0]].start):
            owner = next((i for i in following if not levels[i].is_previous), None)
            if owner is not None:
                owned[owner].append(it)
                continue
        nxt = [i for i in current if levels[i].start >= it.end]
        if prev:
            p = prev[-1]
            gap = sentence[levels[p].end:it.start]
            if not nxt and len(gap) < 60 and not _GAP_BREAK.search(gap) \
                    and not _OWN_PREDICATE.search(gap):
                owned[p].append(it)
                continue
        # "although the overall rating for the trust has not changed, surgery is now rated good": another clause
        # "services were safe and caring but the trust required improvement": another clause
        if nxt and not (it.kind == "question" and it.label is None and _SUBORDINATE.search(sentence, 0, it.start)
                        and "," in sentence[it.end:levels[nxt[0]].start]) \
                and not _BUT.search(sentence, it.end, levels[nxt[0]].start) \
                and not _REPORTED.search(sentence, it.end, levels[nxt[0]].start) \
                and (nxt[0], it.kind) not in complement:
            owned[nxt[0]].append(it)
    return owned


def _blank(sentence: str, items: list[Item], start: int, end: int) -> str:
    """sentence[start:end] with every item in it replaced by one NUL, so list syntax can be checked."""
    out, pos = [], start
    for it in items:
        if start <= it.start and it.end <= end:
            out += [sentence[pos:it.start], "\x00"]
            pos = it.end
    return "".join(out) + sentence[pos:end]


@dataclass
class _Reader:
    """What the sentences read so far leave for the next one."""

    doc: object
    kinds: dict
    hospitals: list
    ratings: dict = field(default_factory=dict)  # (subject, service, question) -> Rating
    past: dict = field(default_factory=dict)  # the same key -> level at an earlier inspection
    last_subject: str | None = None
    last_level: Level | None = None
    topic_services: list = field(default_factory=list)  # services of the sentence before
    last_made: list = field(default_factory=list)
    inferred: set = field(default_factory=set)  # ids of ratings whose previous level was read from "still"
    listing: bool = False  # the sentence before named services only
    year: int | None = None  # when the article was published
    unplaced: set = field(default_factory=set)  # keys of service ratings read before any trust or hospital was named
    last_services: list = field(default_factory=list)  # the services last named: "the service", "these services"
    wordings: dict = field(default_factory=dict)  # concept of a non-acute service -> its fullest wording so far

    def _named(self, it: Item) -> Item:
        """A non-acute service is keyed by its concept, so that its wordings in one article are one service."""
        if it.kind == "service" and it.concept and not is_acute(it.label):
            if len(it.label) > len(self.wordings.get(it.concept, "")):
                self.wordings[it.concept] = it.label
            it.label = it.concept
        return it

    def _provider(self, subject: str) -> str:
        """The CQC rates mental-health, community and ambulance services at the trust that provides them."""
        org = self.doc._orgs.get(subject)
        if org is None or org.kind != "hospital":
            return subject
        return org.trust_key or self.doc.main("trust") or subject

    def read(self, ss: int, se: int) -> None:
        doc = self.doc
        sentence = doc.text[ss:se]
        mentions = [(s - ss, e - ss, k) for s, e, k in doc.mentions_in(ss, se)
                    if self.kinds.get(k) in ("trust", "hospital")]
        # a service word inside a name ("Stroud Maternity Unit", "Sheffield Children's Hospital") names a
        # place, which is the subject; it does not narrow the rating to that service
        items = [self._named(it) for it in find_items(sentence) if not any(s <= it.start < e for s, e, _ in mentions)]
        levels = find_levels(sentence, items, self.year)
        if self.last_level and not any(not lv.is_previous for lv in levels) and (m := _SAME_RATING.search(sentence)):
            levels.append(Level(m.start(), m.end(), self.last_level.level))
        if levels and (not mentions and _COMPARISON.search(sentence)
                       or _OTHER_RATER.search(sentence) and not _CQC.search(sentence)):
            levels = []
        levels = [lv for lv in levels if not _of_other_provider(sentence, lv, mentions)]
        current = [lv for lv in levels if not lv.is_previous]
        services_here = [it.label for it in items if it.kind == "service"]
        anaphor = None if services_here or not self.last_services else _THE_SERVICE.search(sentence)
        the_services = (self.last_services if anaphor.group(1) else self.last_services[-1:]) if anaphor else []
        self.last_services = services_here or self.last_services
        # "X was placed in special measures after being rated inadequate": kept as X's earlier level
        earlier_only = bool(levels) and not current and (bool(mentions) or bool(items) or not self.last_made)
        if earlier_only:
            current = levels
            for lv in levels:
                lv.is_previous = False
        if not current:
            self._previous_only(sentence, levels)
            if mentions:
                self.last_subject = mentions[-1][2]
            # a heading, a bulleted list of services before "All are now rated good", or the services inspected
            # are the topic of what follows; a service named in passing ("the worst A&E waits") is not
            heading = items and _HEADING.search(sentence)  # only services make a heading worth reading
            services_here = [it.label for it in items if it.kind == "service"
                             and (heading or _INSPECTED.search(sentence, 0, it.start))]
            listing = services_here and not mentions and self.listing
            self.topic_services = self.topic_services + services_here if listing else \
                services_here or ([] if mentions else self.topic_services)
            self.listing = bool(services_here) and not mentions
            return
        self.listing = False
        past = earlier_only or bool(EARLIER_INSPECTION.search(sentence)) and not KEEPS.search(sentence) \
            and not any(lv.is_previous for lv in levels)
        if past and not mentions and not items and self.last_made:
            self._previous_of_last(current[0].level)  # "Both were previously rated inadequate."
            return
        inherit = not services_here and not the_services and not mentions and not _OVERALL.search(sentence) \
            and not _GENERIC["trust"].search(sentence) and not _GENERIC["hospital"].search(sentence)
        if _RESPECTIVELY.search(sentence) and self._respectively(sentence, current, items, mentions, past, ss, se):
            return
        owned = _assign(sentence, levels, items)
        made = []
        sentence_services: list[Item] = []
        for i, lv in enumerate(levels):
            if lv.is_previous:
                continue
            its = owned.get(i, [])
            # "maternity is rated good overall, with good ratings for safety": safety of maternity
            if any(it.kind == "service" for it in its):
                sentence_services = [it for it in its if it.kind == "service"]
            elif sentence_services and not _GAP_BREAK.search(sentence[sentence_services[-1].end:lv.start]):
                its = its + sentence_services
            # "the service's overall rating has dropped", "these services kept their rating": the services named last
            its = its + [Item(lv.start, lv.start, "service", label) for label in the_services]
            listed = [it for it in its if it.kind == "service" and _listed_with(sentence, it, mentions)
                      and (not is_acute(it.label) or _owner(sentence, it, mentions))]
            its = [it for it in its if it not in listed]
            subjects = self._subjects(sentence, lv, its + listed, mentions)
            questions = [q for it in its for q in (KEY_QUESTIONS if it.kind == "all-questions" else [it.label])
                         if it.kind in ("question", "all-questions")]
            # "how well-led the trust is overall": the adverb does not add an overall rating
            questions = list(dict.fromkeys(questions)) or [None]
            if len(questions) > 1 and None in questions and _OVERALL_ADVERB.search(sentence):
                questions.remove(None)
            for subject in subjects:
                services = self._services(its, subject, inherit)
                previous = lv.previous
                if previous is None and PREVIOUSLY.search(sentence[lv.end:]):
                    later = [x for x in levels if x.start > lv.end]
                    previous = later[0].level if later else None
                # "X Hospital and the trust's community services were rated good": the services are the
                # trust's, the hospital is rated whole
                pairs = [(subject, service) for service in services] + [
                    (_owner(sentence, it, mentions) or self._provider(subject), it.label)
                    for it in listed if subject == subjects[0]]
                for rated, service in pairs:
                    if service is not None and not is_acute(service):
                        rated = self._provider(rated)
                    if not mentions and self.last_subject is None and service and is_acute(service):
                        self.unplaced.update((rated, service, q) for q in questions)
                    for question in questions:
                        made.append(self._add((rated, service, question), lv, previous, past, ss, se))
            self.last_level = lv
            self.last_subject = subjects[-1] if subjects else self.last_subject
        made = [r for r in made if r is not None]
        if made:
            self.last_made = made
            self.topic_services = list(dict.fromkeys(r.service for r in made if r.service))
        elif mentions:
            self.last_subject = mentions[-1][2]

    def _respectively(self, sentence: str, current: list[Level], items: list[Item], mentions, past, ss, se) -> bool:
        """"X and Y were rated good and inadequate respectively": the n-th subject or service, the n-th level."""
        first = current[0].start
        named = [k for s, _e, k in mentions if s < first]
        services = [it.label for it in items if it.kind == "service" and it.end <= first]
        if len(named) == len(current) and len(set(named)) == len(named):
            pairs = [(k, None) for k in named]
        elif len(services) == len(current):
            subject = named[-1] if named else self.last_subject or self.doc.main("trust") or self.doc.main("hospital")
            pairs = [(subject, service) for service in services]
        else:
            return False
        made = [self._add((k if svc is None or is_acute(svc) else self._provider(k), svc, None), lv, lv.previous,
                          past, ss, se) for (k, svc), lv in zip(pairs, current) if k]
        self.last_made = [r for r in made if r is not None] or self.last_made
        return True

    def _add(self, key, lv: Level, previous, past, ss, se) -> Rating | None:
        level = lv.level
        if past:
            self.past.setdefault(key, level)
            return None
        old = self.ratings.get(key)
        if old is not None and old.level != level and lv.now:
            # "X was rated inadequate in 2019. It is now rated good": the later, current level wins
            old.previous, old.level = previous or old.level, level
            self.inferred.discard(id(old))
            return old
        if old is not None:
            # an earlier level the text states outranks one read from "still"/"remains"
            if previous and (old.previous is None or (id(old) in self.inferred and previous != level)):
                old.previous = previous
                if previous != level:
                    self.inferred.discard(id(old))
            return old
        r = Rating(key[0], level, service=key[1], key_question=key[2], previous=previous,
                   evidence=self.doc.evidence(ss, se, "pattern", 0.75))
        self.ratings[key] = r
        if previous == level:
            self.inferred.add(id(r))
        return r

    def _previous_only(self, sentence: str, levels: list[Level]) -> None:
        """'It was previously rated inadequate': the earlier level of what the sentence before rated."""
        if levels and self.last_made and PREVIOUSLY.search(sentence):
            self._previous_of_last(levels[0].level)

    def _previous_of_last(self, level: str) -> None:
        for r in self.last_made:
            if r.previous is None or id(r) in self.inferred:
                r.previous = level
                self.inferred.discard(id(r))

    def _services(self, its: list[Item], subject: str, inherit: bool) -> list[str | None]:
        services = [it.label for it in its if it.kind == "service"]
        if any(it.kind == "all-services" for it in its):
            services += [k[1] for k in self.ratings if k[0] == subject and k[1]]
        if not services and inherit:
            services = self.topic_services
        return list(dict.fromkeys(services)) or [None]

    def _subjects(self, sentence: str, lv: Level, its: list[Item], mentions) -> list[str]:
        doc = self.doc
        usable = [m for m in mentions if not _ASIDE.search(sentence[:m[0]][-25:])
                  and not _relative_aside(sentence, m, lv.start)]
        # "surgery at X was rated", "rated good ... at X": a site named right after the service it rates, even
        # where another clause speaks of "the hospitals"
        for it in its:
            for n, (pos, _end, k) in enumerate(usable):
                if 0 <= pos - it.end < 30 and _AT_SITE.fullmatch(sentence, it.end, pos):
                    return self._listed_after(sentence, usable[n:])  # "... at X and Y"
        both = _BOTH_HOSPITALS.search(sentence)
        # "the trust - the managing body for both hospitals - was rated good": an aside names the sites
        if both and len(self.hospitals) >= 2 and not (_DASH_OPEN.search(sentence, 0, both.start())
                                                      and _DASH_CLOSE.search(sentence, both.end(), lv.start)):
            return self.hospitals
        of = _LEVEL_OF.match(sentence[lv.end:])
        if of and doc.main(of.group(1).lower()):
            return [doc.main(of.group(1).lower())]
        if any(m[0] < lv.start for m in usable):
            return self._coordinated(sentence, usable, lv, its)
        if usable:
            return [usable[0][2]]
        # "mental health services in the area, run by Y Trust, were rated inadequate": the provider named
        provider = next((k for s, _e, k in mentions if _RUN_BY.search(sentence, max(0, s - 25), s)
                         and self.kinds.get(k) == "trust"), None)
        if provider and any(it.kind == "service" for it in its):
            return [provider]
        for kind in ("trust", "hospital"):
            m = _GENERIC[kind].search(sentence)
            if m and m.start() < lv.start and doc.main(kind):
                return [doc.main(kind)]
        subject = self.last_subject or doc.main("trust") or doc.main("hospital")
        return [subject] if subject else []

    @staticmethod
    def _listed_after(sentence: str, usable) -> list[str]:
        """The first mention, with any named after it in a list ("at X and Y")."""
        out = [usable[0][2]]
        for (_s1, e1, _k1), (s2, _e2, k2) in zip(usable, usable[1:]):
            if not _LIST_GAP.fullmatch(sentence, e1, s2):
                break
            out.append(k2)
        return list(dict.fromkeys(out))

    @staticmethod
    def _coordinated(sentence: str, usable, lv: Level, its: list[Item]) -> list[str]:
        """The subject before a level, with any named alongside it ("X, Y and Z were rated good")."""
        # "X Hospital and the trust's community services": the trust only owns the services
        owners = {m for m in usable if (p := _POSSESSIVE.match(sentence, m[1]))
                  and any(it.kind == "service" and 0 <= it.start - p.end() <= 2 for it in its)}
        before = [m for m in usable if m[0] < lv.start and m not in owners] or [m for m in usable if m[0] < lv.start]
        out = [before[-1][2]]
        for (_s1, e1, k1), (s2, _e2, _k2) in zip(before[-2::-1], before[::-1]):
            if not _LIST_GAP.fullmatch(sentence[e1:s2]):
                break
            out.insert(0, k1)
        return list(dict.fromkeys(out))


# "X Hospital, in Townley, and Y Infirmary": a place named after a site does not break the list
_LIST_GAP = re.compile(r"(?:,\s*(?:in\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})?"
                       r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?")
_POSSESSIVE = re.compile(r"['’]s?\b")
_LIST_GAP_SERVICE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+|its\s+)?(?:trust['’]s\s+)?", re.IGNORECASE)


def _relative_aside(sentence: str, mention, level_start: int) -> bool:
    """Whether a mention sits in a relative clause closed before the level: "X, which takes patients to Y
    Hospital, was rated inadequate" rates X."""
    opened = _RELATIVE_OPEN.search(sentence, 0, mention[0])
    return opened is not None and "," in sentence[mention[1]:level_start]


def _of_other_provider(sentence: str, lv: Level, mentions) -> bool:
    """Whether a level is said of a care home, GP practice or the like, or of "a hospital rated outstanding"
    somewhere else: one named before it with no trust or hospital named in between as a subject ("a GP surgery at
    X Hospital" places the surgery)."""
    if _ANOTHER.search(sentence, max(0, lv.start - 80), lv.start):
        return True
    last = None
    for m in _OTHER_PROVIDER.finditer(sentence, 0, lv.start):
        if not _RUNS.search(sentence, max(0, m.start() - 40), m.start()):
            last = m
    return last is not None and not any(last.end() <= s < lv.start and not _ASIDE.search(sentence[:s][-25:])
                                        and not _PLACED.fullmatch(sentence, last.end(), s) for s, _e, _k in mentions)


def _owner(sentence: str, it: Item, mentions) -> str | None:
    """The site or trust a service is said to be of: "X Hospital's maternity services"."""
    for s, e, key in mentions:
        p = _POSSESSIVE.match(sentence, e)
        if p and 0 <= it.start - p.end() <= 2:
            return key
    return None


def _listed_with(sentence: str, it: Item, mentions) -> bool:
    """Whether a service stands in a list of trusts and hospitals, as one more thing rated."""
    return any(_LIST_GAP_SERVICE.fullmatch(sentence[e:it.start]) or _LIST_GAP.fullmatch(sentence[it.end:s])
               for s, e, _ in mentions)


def find_ratings(doc) -> list[Rating]:
    kinds = {o.key: o.kind for o in doc.organisations}
    year = _YEAR.match(doc.article.published or "")
    reader = _Reader(doc, kinds, [o.key for o in doc.organisations if o.kind == "hospital"],
                     year=int(year.group()) if year else None)
    for ss, se in doc.sentences:
        reader.read(ss, se)
    for key, level in reader.past.items():
        r = reader.ratings.get(key)
        if r is not None and r.previous is None:
            r.previous = level
    # "Maternity services rated inadequate" (headline), then "maternity at X Hospital was rated inadequate": one
    # rating, of the site the text goes on to name
    at_sites = {(k[1], k[2]) for k in reader.ratings if kinds.get(k[0]) == "hospital"}
    for key in reader.unplaced:
        if (key[1], key[2]) in at_sites and key in reader.ratings and kinds.get(key[0]) == "trust":
            del reader.ratings[key]
    for r in reader.ratings.values():
        r.service = reader.wordings.get(r.service, r.service)
    return list(reader.ratings.values())
