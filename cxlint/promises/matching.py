"""A record's status against the registry: backed, over-promised, expired or unbacked.

Order of precedence follows REGISTRY-FORMAT.md: an unexpired entry that covers the promise
backs it; otherwise an expired entry that covers it makes it *expired*; otherwise an entry it
goes beyond (a stronger value, a channel the entry does not allow, a phrase with its source or
limit left out) makes it *over-promised*; otherwise it is *unbacked*.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from cxlint.promises.hours import DAYS, Schedule
from cxlint.promises.phrases import added_intensifiers, content_words, coverage, if_clauses, missing_words, stated_part
from cxlint.promises.records import PromiseRecord
from cxlint.promises.registry import PHRASE_KINDS, Entry, Registry
from cxlint.promises.statuses import BACKED, EXPIRED, INCONSISTENT, OVER, STATUSES, UNBACKED  # noqa: F401  (re-exported)
from cxlint.promises.scope import channel_medium, media_named, names_excluded, widens_scope
from cxlint.promises.values import Duration, Money, Rating, compare, free_months_share, is_time_gained, parse_amount, parse_amounts
from cxlint.promises.value_shapes import value_shapes
from cxlint.promises.wording import hits, holds
from cxlint.text.normalize import normalize

MEDIUM_KINDS = frozenset({"response-time", "availability"})
RANKED = frozenset({"rank"})
RANK_SHARE = 0.75
_RANK_FILLER = frozenset({"rated", "voted", "named", "uk", "britain", "world", "country", "town", "city"})
TIMED_KINDS = ("response-time", "delivery-time", "refund-window", "trial-length")
SUBJECT_SHARED = 2
_TIME_WORDS = content_words(
    "minute minutes hour hours day days week weeks month months year years business working calendar time times "
    "first counted from date receipt turnaround reply replies delivery deliveries"
)
_SERVICE_WORDS = content_words(
    "reply answer respond response support team customer care service help human person agent adviser advisor staff "
    "message question ticket contact every all day daily weekend weekends including included during hours open "
    "enquiry enquiries inquiry inquiries first general"
)
"""Words any reply or hours entry may use: they name no particular service."""
_MEDIUM_WORDS = content_words(
    "email mail inbox ticket chat live messenger bot phone phones telephone line lines call calls callback helpline "
    "sms text whatsapp post letter social desk"
)
"""Words of an entry's id that name only its medium (email-reply, phone-line, live-chat-hours)."""
_DELIVERY_WORDS = content_words(
    "standard delivery deliveries shipping ship dispatch parcel parcels order orders home domestic national uk tracked "
    "post postage courier default general"
)
"""Words of a delivery entry's id that name no service of its own ("standard-delivery", "uk-shipping")."""
_KIND_WORDS = {"delivery-time": _DELIVERY_WORDS}
"""Words any entry of a kind may use, which tell none of its entries from another."""
_DAY_WORDS = content_words(
    "monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun weekday weekdays weekend "
    "weekends morning mornings evening evenings night nights holiday holidays bank public late early"
)
"""Words of an entry's id that name when it holds, not a service (phone-hours-saturday, chat-weekend)."""
_ACCOUNT_WORDS = content_words("business")
"""A time word ("2 business days") that, in who an entry is for, names them ("business accounts")."""
_AVERAGE_WORDS = content_words("average averages averaged median typical")
"""Words that keep a figure an average ("saved an average of €214"), besides the hedges."""
_CHARGE_WORDS = content_words("free charge cost extra no nothing")
"""What "free of charge", "at no extra cost" say: that it is free, not what is."""
ACT_WORDS = 3
"""Words before a bare "free of charge" that may name the act it makes free ("will be delivered")."""
PHRASE_BACKS = 0.6
PHRASE_RELATES = 0.3
_STRONGER = {
    "response-time": "faster than", "delivery-time": "faster than", "uptime": "higher than", "availability": "more hours than",
    "refund-window": "longer than", "trial-length": "longer than", "discount": "larger than", "price": "cheaper than",
    "guarantee": "longer than", "outcome": "larger than", "rank": "higher than",
}


@dataclass(frozen=True)
class Assessment:
    """A promise judged against the registry: backed, over-promised, expired or unbacked, and why."""

    record: PromiseRecord
    status: str
    entry: Entry | None
    reason: str


def assess(record: PromiseRecord, registry: Registry | None, today: dt.date) -> Assessment:
    if registry is None:
        return Assessment(record, UNBACKED, None, "no promises registry was given")
    judged = _medium_as_judged(_value_as_judged(record), registry)
    relations = [(entry, *_relate(judged, entry, registry)) for entry in _candidates(judged, registry)]
    live = [r for r in relations if not r[0].expired(today) and not r[0].draft]
    # hours or a reply time that name an entry's own service ("Breakdowns: 24/7") are that service's,
    # not every medium's: the entry it names decides, below
    names_its_service = judged.kind in MEDIUM_KINDS and bool(_most_named(judged, [e for e, _, _ in relations], _service_id_words)
                                                             or _scope_named(judged, [e for e, _, _ in relations]))
    if not names_its_service and _needs_every_medium(judged, [e for e, _, _ in live]) and (beyond := _media_beyond(live)):
        # a reply promise naming no medium must hold for every one: an entry it goes beyond, about a
        # medium no other entry backs it for, decides (one that backs its value but not on this channel
        # goes beyond nothing; hours split over entries, weekdays and Saturdays, back it medium by medium)
        relations = [r for r in relations if r[1] != "covers"]
        live = beyond + [r for r in live if r[1] != "covers" and r not in beyond]
    if _names_no_service(judged, [e for e, _, _ in live]) and any(r[1] == "exceeds" for r in live):
        # "at your door in 3 days" naming none of several delivery services (glasses, contact lenses) is
        # promised for each: the one it goes beyond decides, as a reply time naming no medium does
        relations = [r for r in relations if r[1] != "covers"]
        live = [r for r in live if r[1] != "covers"]
    # of several entries of its kind the copy talks about, those whose id it names most words of back it
    # ("20% off labour for students" is the student discount's, not a promotion's that also covers labour)
    # (for reply times and hours, by the service its id names beyond a reply and its medium: "Kestrel reservations:
    # call us 8am-8pm" is the reservations line's, not a breakdown line's or an airport desk's)
    words_of = _service_id_words if judged.kind in MEDIUM_KINDS else _id_words
    # (an entry that says nothing about this value, of another kind the record may be, names nothing: "save 15%"
    # is not the outcome entry's "club-savings" when the discount entries judge it)
    named = _most_named(judged, [e for e, rel, _ in relations if rel or e.kind == judged.kind], words_of)
    if not named and judged.kind == "delivery-time":
        # naming no delivery entry's id, the one whose subject (id and scope, beyond the words any delivery uses)
        # it names most of: "orders outside the city arrive next day" is the regional entry's ("outside the metro
        # zones"), not the same-day one's that happens to back the value
        named = _most_named(judged, [e for e, _, _ in relations], lambda e: _subject_words(e) - _DELIVERY_WORDS)
    if not named and judged.kind in MEDIUM_KINDS:
        # naming no entry's id, hours or a reply time that name two words or more of the service an entry's scope
        # states ("upload your files 24/7 in the app" against "self-service uploads on web and app") are that service's
        named = _scope_named(judged, [e for e, _, _ in relations])
    if len(named) != 1 and judged.kind not in (*MEDIUM_KINDS, *PHRASE_KINDS, "delivery-time"):
        # of several entries of its kind, naming no one's id or as many words of two ("uptime" of portal-uptime and
        # fleet-uptime), the copy is about the one whose scope's service it names two words or more of ("99% machine
        # uptime" against "share of hours a full-service machine is working"): that one decides, not another that
        # happens to back the value
        of_kind = [e for e, rel, _ in relations if rel or e.kind == judged.kind]
        named = _scope_named(judged, named or of_kind) or named
    if not named and judged.kind in MEDIUM_KINDS:
        # naming no entry's own service ("our helpline is always open"), hours or a reply time are the general
        # ones': an entry for a service of its own (an emergency line, delivery slots) neither backs nor decides it
        named = [e for e, _, _ in relations if not words_of(e)]
    if not named and judged.kind in MEDIUM_KINDS and len(relations) > 1:
        # with no general entry, each one a service of its own, the one whose id and scope the copy shares a word with
        # ("our advisers are on the phones" against "phone and live-chat advisers for quotes", not "the claims line, 24/7")
        named = _most_named(judged, [e for e, _, _ in relations], lambda e: _subject_words(e) - _MEDIUM_WORDS - _DAY_WORDS)
    deciding = [r for r in live if r[0] in named] if named and len(named) < len(relations) else live
    if deciding and not any(relation for _, relation, _ in deciding):
        # the entries the copy names say nothing about its value ("10% off your first order" naming app-first-order's
        # words, which gives ₩5,000): they decide nothing, and the others judge it (one backing this very value, only
        # not on this channel, refuses it)
        deciding = live
    for entry, relation, why in deciding:
        if relation == "covers":
            return Assessment(record, BACKED, entry, f"backed by {entry.describe()}; evidence: {entry.evidence}")
    for entry, relation, why in deciding:
        # a live entry that backs this very value, only not on this channel, says more than an expired one
        if relation == "channel":
            return Assessment(record, OVER, entry, f"{why} {entry.describe()}; evidence: {entry.evidence}")
    for entry, relation, why in relations:
        if relation == "covers" and entry.expired(today):
            return Assessment(record, EXPIRED, entry,
                              f"only {entry.describe()} covers it, and it expired on {entry.expires}; evidence was: {entry.evidence}")
    for entry, relation, why in deciding + [r for r in live if r not in deciding]:
        if relation == "exceeds":
            return Assessment(record, OVER, entry, f"{why} {entry.describe()}; evidence: {entry.evidence}")
    for entry, relation, why in relations:
        # beyond even an entry that has lapsed ("40% off every car" against last spring's 25% sale): more than
        # the company ever backed
        if relation == "exceeds" and entry.expired(today):
            return Assessment(record, OVER, entry, f"{why} {entry.describe()} (expired on {entry.expires}); evidence was: {entry.evidence}")
    for entry, relation, why in relations:
        if relation == "covers" and entry.draft:
            return Assessment(record, UNBACKED, entry, f"{entry.describe()} is a draft: its evidence is not filled in")
    expired_near = next((e for e, rel, _ in relations if rel and e.expired(today)), None)
    tail = f" (expired {expired_near.describe()} went only so far)" if expired_near else ""
    return Assessment(record, UNBACKED, None, f"no registry entry covers this {record.kind} promise{tail}")


def _candidates(record: PromiseRecord, registry: Registry) -> list[Entry]:
    """Entries of the record's kinds; where several entries of one kind exist, those about its subject."""
    if record.entry_id:
        return [e for e in registry.entries if e.id == record.entry_id]
    if _conditional_part(record) and (guarantees := _guarantees_named(record, registry)):
        # a guarantee's condition and pay-out ("if the fix fails within 12 months, the labour is on us"; "if your
        # blooms fade sooner, we'll replace them") are the terms of the guarantee the copy names there or just before
        return guarantees
    out: list[Entry] = []
    if record.kind in ("response-time", "delivery-time") and (other := _named_of_another_kind(record, registry)):
        # "a patrol will be with you within 90 minutes" reads as a delivery, but no delivery entry is about
        # it and the roadside attendance time is: the timed entry its sentence names judges it
        return other
    if record.kind == "claim" and isinstance(record.value, Duration):
        # a duration the copy files under no service ("switch in 48 hours") is about the timed
        # entry whose subject it names (switch-service-turnaround: "switch service: importing books");
        # that entry alone judges it (a phrase entry stated in the same sentence does not back its time)
        timed = registry.of_kind(*TIMED_KINDS)
        named = _best_named(timed, content_words(record.context))
        if not named and record.earlier:
            # a short message may name it a sentence or two before ("Only 3 tune-up slots left! Your bike is back within 3 days")
            named = _best_named(timed, content_words(f"{record.earlier} {record.context}"))
        # with none, only a phrase entry about its subject may judge it ("14 days on site": the hire period),
        # never every claim of the registry ("hear back in 1 hour" is no hire period)
        # (a guarantee stated with it too: "a replacement within 2 hours, guaranteed" is about the replacement guarantee)
        return named or [e for e in registry.of_kind(*record.kinds, "guarantee") if _subject_overlap(record, e)]
    for kind in record.kinds:
        entries = registry.of_kind(kind)
        if kind == "price":
            if isinstance(record.value, Money) and record.value.amount > 0:
                # an amount is what something costs: only a priced entry says that; a free entry ("free
                # rescheduling", "free photo estimates") is about what costs nothing, not about what this costs
                # (unless its scope states this very amount, a threshold: "delivery free on orders from Rp 50.000")
                entries = [e for e in entries if not (isinstance(e.value, Money) and e.value.amount == 0)
                           or any(m.amount == record.value.amount for m in parse_amounts(e.scope))]
            entries = _most_named(record, entries, _entry_words)
            if not entries and _is_free(record):
                # "free returns" with no price entry about returns: a phrase entry stating it ("free returns",
                # "free shipping on orders over $49", a guarantee's "free remake") is what the company backs it with
                entries = _most_named(record, [e for e in registry.of_kind(*PHRASE_KINDS) if "free" in content_words(e.phrase)],
                                      lambda e: content_words(e.phrase) - {"free"})
        elif kind in MEDIUM_KINDS and any(e.media for e in entries):
            entries = [e for e in entries if not e.media or not record.media or e.media & record.media]
            if not record.media:
                # naming no medium but who answers ("a vet tech replies within 15 minutes"): the entry about them
                named = [e for e in entries if _names_who_answers(record, e)]
                # else a reply to the reader's message, which an entry for a service of its own ("quotes for
                # custom builds") does not judge unless the copy names that service
                if not named and kind == "response-time":
                    said = content_words(f"{record.earlier} {record.context}")
                    named = [e for e in entries if _own_service(e) & said]
                    named = named or [e for e in entries if not _own_service(e)]
                entries = named or entries
        elif len(entries) > 1:
            # the entries it is about, and of those the ones whose id it names most words of ("20% off labour
            # for students" is the student discount, not a spring promotion that also covers labour)
            # (beyond the words any entry of the kind uses: "delivery" is not about the one delivery entry whose
            # scope says "delivered")
            about = [e for e in entries if _subject_overlap(record, e, _KIND_WORDS.get(kind, frozenset()))]
            entries = about or entries
        out += entries
    return out


GUARANTEE_NAMED = 2
"""Words of a guarantee entry (id, phrase, scope) a conditional pay-out's sentence, or the ones before it, must name."""


def _conditional_part(record: PromiseRecord) -> bool:
    """Whether the record is part of a guarantee's terms: a pay-out (something free, "we'll replace") after an "if"
    clause of its sentence, or a time inside one ("if the same fix fails within 12 months")."""
    start, end = _span_in_context(record)
    conditions = if_clauses(record.context)
    if record.kind == "claim" and isinstance(record.value, Duration):
        return any(s <= start and end <= e for s, e in conditions)
    if _is_free(record) or record.kind == "guarantee":
        return any(s <= start + len(record.text) and e < end for s, e in conditions)
    return False


def _states_its_condition(record: PromiseRecord, entry: Entry) -> bool:
    """Whether the copy's "if" clauses name the condition of a guarantee entry that states one ("if the Coast Guard
    cancels sailing for weather"): a word of it; an entry stating none, any condition the copy gives is its own."""
    theirs = set().union(*(content_words(entry.phrase[s:e]) for s, e in if_clauses(entry.phrase))) - {"free"}
    if not theirs:
        return True
    ours = set().union(*(content_words(record.context[s:e]) for s, e in if_clauses(record.context)))
    return bool(theirs & ours)


def _pays_what_it_pays(record: PromiseRecord, entry: Entry) -> bool:
    """Whether a pay-out said after an "if" clause ("we'll replace them") is what the guarantee entry pays (a word of
    its phrase or scope: "… or we replace them", "the labour is on us" against "labour on repairs guaranteed"); a time
    in the condition is compared apart. "The difference is on us" is no pay-out of a guarantee that refunds our fees."""
    if isinstance(record.value, Duration):
        return True
    start, end = _span_in_context(record)
    conditions = [e for s, e in if_clauses(record.context) if s <= end]
    pay_out = record.context[max(conditions, default=start):end]
    return bool(content_words(pay_out) & (content_words(f"{entry.phrase} {entry.scope}") - {"guarantee", "free"}))


def _guarantees_named(record: PromiseRecord, registry: Registry) -> list[Entry]:
    """The guarantee entries the record's sentence and the ones before it name: a word of the id ("labour-warranty",
    "ielts-resit") and two or more of id, phrase and scope, beyond "guarantee" and "free"; those naming most."""
    said = content_words(f"{record.earlier} {record.context}")
    generic = {"guarantee", "free"}
    shared = {e.id: len(said & (content_words(f"{e.id.replace('-', ' ')} {e.phrase} {e.scope}") - generic))
              if said & (_id_words(e) - generic) else 0 for e in registry.of_kind("guarantee")}
    best = max(shared.values(), default=0)
    return [e for e in registry.of_kind("guarantee") if best >= GUARANTEE_NAMED and shared[e.id] == best]


def _names_no_service(record: PromiseRecord, entries: list[Entry]) -> bool:
    """True when a delivery time's sentence names none of several delivery entries' subjects, each a
    service of its own (glasses, contact lenses; no general "standard-delivery" to be about)."""
    ours = [e for e in entries if e.kind == "delivery-time"]
    if record.kind != "delivery-time" or len(ours) < 2 or any(not (_id_words(e) - _DELIVERY_WORDS) for e in ours):
        return False  # a general delivery entry ("standard-delivery") is what a delivery naming no service is about
    words = content_words(f"{record.earlier} {record.context}")
    return not any(_subject_words(e) & words for e in ours)


def _named_of_another_kind(record: PromiseRecord, registry: Registry) -> list[Entry]:
    """The timed entries of another kind that a reply or delivery time's sentence names (two words of
    their id and scope or more), when it names no entry of its own kind at all."""
    words = content_words(f"{record.earlier} {record.context}")
    if any(_subject_words(e) & words for e in registry.of_kind(record.kind)):
        return []
    return _best_named([e for e in registry.of_kind(*TIMED_KINDS) if e.kind != record.kind], words)


def _is_free(record: PromiseRecord) -> bool:
    return record.kind == "price" and isinstance(record.value, Money) and record.value.amount == 0


def _value_as_judged(record: PromiseRecord) -> PromiseRecord:
    """Months given free with yearly billing are a discount ("pay yearly, get 3 months free" is 25% off)."""
    if record.kind in ("price", "trial-length") and (share := free_months_share(record.context)) is not None:
        return replace(record, kinds=("discount",), value=share)
    return record


def _medium_as_judged(record: PromiseRecord, registry: Registry) -> PromiseRecord:
    """The record as the registry judges it: a medium taken only from the channel (a chatbot reply
    promise is about chat) picks that medium's entries, but when no entry of the kind is about that
    medium the promise is the company's reply promise all the same, judged as naming no medium
    (so an entry's ``channels`` then decide whether it may be made there)."""
    if record.kind not in MEDIUM_KINDS or not record.media or media_named(record.context):
        return record
    if record.media != channel_medium(record.channel):
        return record
    entries = registry.of_kind(record.kind)
    if any(e.media & record.media for e in entries) and not any(_names_who_answers(record, e) for e in entries if e.media):
        return record
    # no entry about the channel's medium, or the copy names who answers ("our dentists answer within 2 hours"
    # in the chat assistant): judged as naming no medium, so the entry about who answers is picked
    return replace(record, media=frozenset())


def _media_beyond(live: list[tuple[Entry, str | None, str]]) -> list[tuple[Entry, str | None, str]]:
    """The entries a promise naming no medium goes beyond, about a medium no covering entry backs it for."""
    covering = [e for e, rel, _ in live if rel == "covers"]
    if any(not e.media for e in covering):
        return []  # an entry about every medium backs it for all
    backed = {m for e in covering for m in e.media}
    return [r for r in live if r[1] == "exceeds" and (not r[0].media or r[0].media - backed)]


def _needs_every_medium(record: PromiseRecord, entries: list[Entry]) -> bool:
    """True when the record names no medium and the registry backs its kind per medium: a reply
    time or hours promised for every medium must hold for each (email 24 hours, chat 5 minutes:
    "we reply within 2 hours" goes beyond email)."""
    return record.kind in MEDIUM_KINDS and not record.media and any(e.media for e in entries)


def _names_who_answers(record: PromiseRecord, entry: Entry) -> bool:
    """Whether copy naming no medium names who answers for ``entry``: a role of its id or scope
    ("our pharmacist answers": pharmacist-chat), or two of its other words ("staffed 24/7 for business
    accounts"); one other word ("Account" in a page's heading) names no one."""
    words = content_words(f"{entry.id.replace('-', ' ')} {entry.scope}") - _SERVICE_WORDS - (_TIME_WORDS - _ACCOUNT_WORDS)
    shared = {w for w in words if not w.isdigit()} & content_words(record.context)
    roles = content_words(" ".join(record.context[s:e] for s, e in hits(record.context, "reply_role")))
    return len(shared) >= SUBJECT_SHARED or bool(shared & roles)


def _best_named(entries: list[Entry], words: set[str]) -> list[Entry]:
    """The timed entries whose subject ``words`` name (two words of their id and scope or more), and of
    those the ones it names best: by the words of their id first (what the entry is), then of their
    scope ("installed within 6 weeks … in Queensland" is the install lead time, not the site visit
    whose scope also names Queensland)."""
    named = [e for e in entries if len(_subject_words(e) & words) >= SUBJECT_SHARED]
    def score(entry: Entry) -> tuple[int, int]:
        return len(_id_words(entry) & words), len(_subject_words(entry) & words)
    best = max(map(score, named), default=None)
    return [e for e in named if score(e) == best]


def _scope_named(record: PromiseRecord, entries: list[Entry]) -> list[Entry]:
    """Of reply or hours entries, those whose service (id and scope, beyond a reply, its hours, its medium and
    its units) the record's sentence names two words or more of, the ones it names most of; none otherwise."""
    near = _near_words(record)
    shared = {e.id: len(near & (_subject_words(e) - _SERVICE_WORDS - _MEDIUM_WORDS - _DAY_WORDS)) for e in entries}
    best = max(shared.values(), default=0)
    return [e for e in entries if best >= SUBJECT_SHARED and shared[e.id] == best]


def _id_words(entry: Entry) -> set[str]:
    """The words of an entry's id that name what it is; a number in it ("monitoring-24-7", "award-2025") is its
    value or its year, which copy stating that value ("open 24/7", "7 days a week") does not name it by."""
    return {w for w in content_words(entry.id.replace("-", " ")) - _TIME_WORDS if not w.isdigit()}


def _service_id_words(entry: Entry) -> set[str]:
    """The words of a reply or hours entry's id that name a service of its own ("reservations-line":
    reservations), not a reply, its hours or its medium ("email-reply", "chat-hours" name none)."""
    return _id_words(entry) - _SERVICE_WORDS - _MEDIUM_WORDS - _DAY_WORDS


def _own_service(entry: Entry) -> set[str]:
    """What a reply or hours entry with no medium is for, by its id, when that is a service of its own
    ("custom-build-quote": custom, build, quote), not a reply or its medium ("email-reply", "support-hours")."""
    if entry.media:
        return set()
    return _id_words(entry) - _SERVICE_WORDS


def _subject_words(entry: Entry) -> set[str]:
    """What a timed entry is about, from its id and scope, without its units and time words."""
    return {w for w in content_words(f"{entry.id.replace('-', ' ')} {entry.scope}") - _TIME_WORDS if not w.isdigit()}


def _entry_words(entry: Entry) -> set[str]:
    """What an entry is about: its id, value or phrase, and scope; the number in a quantitative value
    ("20%", "£5") names no subject, so "save 20%" is not about every 20% entry ("same day" still is)."""
    value_words = content_words(entry.phrase)
    if entry.kind not in PHRASE_KINDS:
        value_words = {w for w in value_words if not any(c.isdigit() for c in w)}
    return (content_words(" ".join((entry.id.replace("-", " "), entry.scope))) | value_words) - {"free"}


def _near_words(record: PromiseRecord) -> set[str]:
    """The words that say what a record is about: its context's, but for "free" only its own ("free
    returns" is not about every other free thing its sentence names)."""
    own_only = record.kind == "price" and not (isinstance(record.value, Money) and record.value.amount > 0)
    own = content_words(record.text)
    if own_only and not own - _CHARGE_WORDS:
        # "will be delivered free of charge", "installed at no cost": naming nothing itself, the act right before it is what is free
        start, _ = _span_in_context(record)
        clause = re.split(r"[,;:()]", record.context[:start])[-1].split()
        own |= content_words(" ".join(clause[-ACT_WORDS:]))
    return (own | (set() if own_only else content_words(record.context))) - {"free"}


def _subject_overlap(record: PromiseRecord, entry: Entry, generic: frozenset[str] | set[str] = frozenset()) -> bool:
    return bool((_near_words(record) & _entry_words(entry)) - generic)


def _most_named(record: PromiseRecord, entries: list[Entry], words_of: Callable[[Entry], set[str]]) -> list[Entry]:
    """Of ``entries``, those whose words (``words_of``) the record's words name most of; none when it
    names none. By id: what the entry is ("20% off labour for students" is the student discount, not
    a promotion that also covers labour); by id and scope: what a price is for ("standard tune-ups
    now just $69, book yours" is the tune-up price, not the free check that needs no booking)."""
    near = _near_words(record)
    shared = {e.id: len(near & words_of(e)) for e in entries}
    best = max(shared.values(), default=0)
    return [e for e in entries if best and shared[e.id] == best]


def _relate(record: PromiseRecord, entry: Entry, registry: Registry) -> tuple[str | None, str]:
    """("covers" | "exceeds" | "channel" | None, why) for one entry."""
    if record.media and entry.media and not record.media & entry.media:
        return None, ""  # an entry about phone lines neither backs nor limits a promise about chat
    if _staffed_beyond_self_service(record, entry):
        return None, ""  # "our team is on the phones 24/7" is not what a self-service booking system's 24/7 is about
    relation, why = _relate_value(record, entry, registry)
    if relation == "covers" and entry.channels and record.channel and record.channel not in entry.channels:
        return "channel", f"channel {record.channel} is not allowed by ({', '.join(entry.channels)})"
    # a phrase entry may state its own limit ("free shipping on orders over $49"): copy for every order goes beyond it
    limits = f"{entry.scope}; {entry.phrase}" if entry.kind in PHRASE_KINDS else entry.scope
    if relation == "covers" and (wider := widens_scope(limits, record.context, *_span_in_context(record))):
        return "exceeds", f"it promises '{wider}' beyond the scope ({entry.scope or entry.phrase}) of"
    if relation == "covers" and entry.scope and (left_out := names_excluded(entry.scope, record.context)):
        return "exceeds", f"it promises '{left_out}', which the scope ({entry.scope}) leaves out, in"
    if relation == "covers" and record.days:
        allowed = entry_days(entry, registry)
        if allowed is not None and not record.days <= allowed:
            extra = ", ".join(DAYS[d] for d in sorted(record.days - allowed))
            return "exceeds", f"it promises days ({extra}) beyond the days of"
    if relation == "covers" and (hedge := _unhedged_figure(record, entry)):
        # "save €214" against "customers who switched saved €214 on average": what some did, on average, promised to this reader
        return "exceeds", f"it states as certain what the entry states only '{hedge}', in"
    if relation == "covers" and record.kind in RANKED and not isinstance(record.value, Rating) and not _states_the_rank(record, entry):
        return None, ""
    return relation, why


_STAFFED_MEDIA = frozenset({"phone", "email", "sms", "post", "social"})
"""Media only our people answer: a self-service system or an automated assistant answers none of them."""


def _staffed_beyond_self_service(record: PromiseRecord, entry: Entry) -> bool:
    """Whether hours or a reply time said of our people ("our team", "reception", "a real person": the ``staffed``
    word class) or of a medium only people answer (phone, email, SMS), in a sentence naming none of the entry's own
    service ("book online 24/7"), meet an entry no one of ours works (a self-service system, an automated assistant:
    the ``unstaffed`` word class in its id, scope or evidence). That entry's hours are the system's, not the people's."""
    if record.kind not in MEDIUM_KINDS or not holds(f"{entry.id} {entry.scope}; {entry.evidence}".replace("-", " "), "unstaffed"):
        return False  # most entries are worked by our people: asked first, as the entry's text is read once and kept
    if _service_id_words(entry) & _near_words(record):
        return False
    return holds(record.context, "staffed") or bool(media_named(record.context) & _STAFFED_MEDIA)


def _unhedged_figure(record: PromiseRecord, entry: Entry) -> str:
    """The hedge ("on average", "typically", "most") of a phrase entry whose figure the copy states with none: the
    entry backs what customers got on average, the copy promises it to the reader; "" otherwise."""
    if entry.kind not in PHRASE_KINDS or record.value is None or entry.value is None or not record.own_voice:
        return ""  # "members saved …" reports what some did; only copy in our voice or to the reader promises it
    if record.hedged or holds(record.context, "hedge") or content_words(record.context) & _AVERAGE_WORDS:
        return ""  # "saved an average of €214", "on average, members…": the copy keeps the entry's hedge
    said = hits(entry.phrase, "hedge")
    return entry.phrase[said[0][0]:said[0][1]] if said else ""


def _span_in_context(record: PromiseRecord) -> tuple[int, int]:
    """Where the record's words sit in its (space-normalised) context; the whole context if not found."""
    words = " ".join(record.text.split())
    at = record.context.find(words) if words else -1
    return (at, at + len(words)) if at >= 0 else (0, len(record.context))


def entry_days(entry: Entry, registry: Registry) -> frozenset[int] | None:
    """The weekdays an entry holds on: its scope's ("every day"), else the opening days of the
    same medium's availability entry ("chat" hours Mon–Sat bound the chat reply time), else None."""
    if entry.days is not None:
        return entry.days
    for hours in registry.of_kind("availability"):
        if entry.media and hours.media & entry.media and isinstance(hours.value, Schedule) and hours.value.days_given:
            return frozenset(day for day, _, _ in hours.value.slots)
    return None


def _states_the_rank(record: PromiseRecord, entry: Entry) -> bool:
    """A superlative is backed only by an entry stating that superlative: "best value" is not
    backed by "#1 for customer service", whatever its evidence. Where the copy's superlatives can be
    told (the ``rank_word`` class: best, top, fastest, #1…), those are what must be the entry's, not
    the words around them ("the top skip firm in town on Trustpilot - book today")."""
    said = hits(record.text, "rank_word")
    claimed = content_words(" ".join(record.text[s:e] for s, e in said)) if said else content_words(record.text) - _RANK_FILLER
    stated = content_words(entry.phrase)
    if holds(entry.phrase, "rank_top"):
        # the top place in other words: "voted best" states an entry's "#1", "number one", "top"
        stated |= content_words(" ".join(record.text[s:e] for s, e in hits(record.text, "rank_top")))
    return not claimed or len(claimed & stated) / len(claimed) >= RANK_SHARE


def _relate_value(record: PromiseRecord, entry: Entry, registry: Registry | None = None) -> tuple[str | None, str]:
    kind = entry.kind
    if (kind == "guarantee" and _conditional_part(record) and not record.entry_id and _states_its_condition(record, entry)
            and _pays_what_it_pays(record, entry)):
        # the condition or pay-out of the guarantee it names states that guarantee's terms, not a promise beyond it;
        # a time in the condition is the guarantee's length ("if it fails within 3 years" against a 1-year guarantee)
        if isinstance(record.value, Duration) and isinstance(entry.value, Duration):
            if (order := compare(kind, record.value, entry.value)) is not None and order > 0:
                return "exceeds", f"'{record.value_text}' is {_STRONGER[kind]} '{entry.value}' in"
        return "covers", ""
    if isinstance(record.value, Rating) and isinstance(entry.value, Rating) and not _same_source(record, entry):
        return None, ""  # 4.9 stars on one review site says nothing about an entry's score on another
    if _is_free(record) and kind == "price" and _included_in_price(record, entry):
        return "covers", ""  # "free return postage" against "£29, including return postage": paid for in the price
    if kind == "price" and isinstance(record.value, Money) and (total := _total_of(record, entry)) is not None:
        # "just £1,100 in total" against "£69 a month … total payable £1,242": the totals compare
        if not record.value.same_currency(total):
            return None, ""
        if record.value.amount < total.amount:
            return "exceeds", f"'{record.value_text}' in total is {_STRONGER[kind]} the total '{total}' of"
        return "covers", ""
    if record.value is not None and entry.value is not None and not (_is_free(record) and kind in PHRASE_KINDS):
        gained = kind in PHRASE_KINDS and isinstance(entry.value, Duration) and is_time_gained(entry.phrase)
        if gained != (kind in PHRASE_KINDS and isinstance(record.value, Duration) and is_time_gained(record.context)):
            return None, ""  # time saved and time to a result do not compare ("10 fewer hours" against "within 6 weeks")
        order = compare(kind, record.value, entry.value, gained)
        if order is not None:
            if order == 0 and kind in PHRASE_KINDS and coverage(entry.phrase, record.context) < PHRASE_RELATES:
                return None, ""
            if order == 0:
                return _phrase_extras(record, entry, registry) if kind in PHRASE_KINDS else ("covers", "")
            stronger = "more than" if gained else _STRONGER.get(kind, "beyond")
            return "exceeds", f"'{record.value_text}' is {stronger} '{entry.value}' in"
    if kind not in PHRASE_KINDS:
        return None, ""
    if len(content_words(record.context)) <= SHORT_ANSWER and record.earlier:
        # "Seen it cheaper for the same dates? We'll match it.": a short commitment answers the sentence before it
        record = replace(record, context=f"{record.earlier} {record.context}")
    share = coverage(entry.phrase, record.context)
    if share >= PHRASE_BACKS and record.kind == "claim" and isinstance(record.value, Duration) and entry.value is None:
        # a turnaround we commit to with a phrase entry that states no time ("we'll find a replacement within
        # 2 hours" against "a replacement sitter if yours cancels"): the time is more than the entry backs
        return "exceeds", f"adds a time ('{record.value_text}') to"
    if share >= PHRASE_BACKS or (kind in RANKED and _states_all_but_the_source(record, entry)):
        return _phrase_extras(record, entry, registry)
    if share >= PHRASE_RELATES and len(content_words(stated_part(entry.phrase, record.context)) & content_words(record.context)) >= 2:
        left_out = ", ".join(missing_words(entry.phrase, record.context)[:5])
        return "exceeds", f"goes beyond the registry wording (leaves out: {left_out}) of"
    return None, ""


TOTAL_NEAR = 20
"""Characters either side of a price in which a total word ("in total", "altogether") makes it a total."""


def _total_of(record: PromiseRecord, entry: Entry) -> Money | None:
    """The total an entry's scope states ("18 monthly payments; total payable £1,242"), when the copy's amount
    is said as a total ("just £1,100 in total"); None otherwise (a monthly price compares with the entry's value)."""
    if record.value is None or not entry.scope:
        return None
    start, end = _span_in_context(record)
    if not [h for h in hits(record.context, "price_total") if start - TOTAL_NEAR <= h[0] and h[1] <= end + TOTAL_NEAR]:
        return None
    for tail in _scope_tails(entry.scope, "price_total"):
        if (amount := parse_amount(tail)) is not None:
            return amount
    return None


def _included_in_price(record: PromiseRecord, entry: Entry) -> bool:
    """Whether what the copy calls free ("free return postage") is what a priced entry's scope says its price
    includes ("home kit, including return postage"; the ``scope_includes`` words): no charge on top of it."""
    if not isinstance(entry.value, Money) or entry.value.amount <= 0:
        return False
    own = content_words(record.text) - {"free"}
    included = set().union(*(content_words(tail) for tail in _scope_tails(entry.scope, "scope_includes")))
    return bool(own) and own <= included


def _scope_tails(scope: str, words: str) -> list[str]:
    """What follows the first of ``words`` in each clause of an entry's scope ("total payable £1,242",
    "including return postage"): the part of the scope those words introduce."""
    tails = []
    for clause in re.split(r"[;.]", scope):
        found = hits(clause, words)
        if found:
            tails.append(clause[found[0][1]:])
    return tails


SHORT_ANSWER = 2
"""Content words a commitment may have ("We'll match it") and be read with the sentences before it."""
RANK_CLAIM_WORDS = 2
"""Words a rank entry's claim needs, besides its source, to back copy that leaves the source out."""


def _states_all_but_the_source(record: PromiseRecord, entry: Entry) -> bool:
    """Whether the copy states every word of a rank entry's claim, leaving out only its source: the
    words its evidence names, and years ("Toronto's #1 bike repair shop" states "#1 bike repair shop
    in Toronto, NOW Magazine Readers' Poll 2026", evidence "NOW Magazine Readers' Poll results"); the
    claim's place and subject stay ("Ontario's #1" is not the entry's "in Toronto")."""
    source = content_words(entry.evidence) | _spelled_by_acronym(entry.phrase, entry.evidence)
    claim = {w for w in content_words(entry.phrase) - source if not any(c.isdigit() for c in w) or w == "#1"}
    return len(claim) >= RANK_CLAIM_WORDS and claim <= content_words(record.context)


_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*")


def _spelled_by_acronym(phrase: str, evidence: str) -> set[str]:
    """The words of ``phrase`` an acronym in ``evidence`` spells ("AESS 2026 results" names the "Australian
    Eyewear Shopper Survey" of "#1 online optician in the 2026 Australian Eyewear Shopper Survey"): the
    source, which copy may leave out like the evidence's own words."""
    words = [m.group() for m in _CAPITALISED.finditer(phrase)]
    initials = "".join(w[0] for w in words)
    spelled: set[str] = set()
    for acronym in _ACRONYM.findall(evidence):
        at = initials.find(acronym)
        if at >= 0:
            spelled |= content_words(" ".join(words[at : at + len(acronym)]))
    return spelled


def _same_source(record: PromiseRecord, entry: Entry) -> bool:
    """Whether the copy names where an entry's review score comes from: the entry's words other than
    the score ("4.7 out of 5") and the words of any score (the records' ``rating_context``: rated, reviews)."""
    phrase = entry.phrase
    said = sorted(hits(phrase, "rating_context") + [m.span() for m in value_shapes().rating.finditer(normalize(phrase))])
    rest: list[str] = []
    at = 0
    for start, end in said:
        rest.append(phrase[at:start])
        at = max(at, end)
    rest.append(phrase[at:])
    source = {w for w in content_words(" ".join(rest)) if not any(c.isdigit() for c in w)}
    return bool(source & content_words(record.context))


def _phrase_extras(record: PromiseRecord, entry: Entry, registry: Registry | None = None) -> tuple[str, str]:
    extra = added_intensifiers(entry.phrase, record.context)
    if registry is not None and extra:
        # an absolute another phrase entry states, where the sentence states that entry too, is that entry's claim
        # ("unlimited mileage, and every car is under 2 years old": "unlimited" is the mileage entry's, not added to the age)
        theirs = {word.lower() for e in registry.of_kind(*PHRASE_KINDS)
                  if e is not entry and e.phrase and coverage(e.phrase, record.context) >= PHRASE_BACKS
                  for word in added_intensifiers("", e.phrase)}
        extra = [word for word in extra if word.lower() not in theirs]
    if holds(entry.phrase.strip(), "negation"):
        # "never charges a setup fee" is how copy says "no setup fees": the negation, not an added absolute
        extra = [word for word in extra if word.lower() != "never"]
    if extra:
        return "exceeds", f"adds {', '.join(repr(e) for e in extra)} to"
    return "covers", ""
