"""The channel of a file (email, landing, chatbot, sms, push, onboarding, in-app): path words first, then content.

An explicit channel (command line, config) always wins; readers that know their format (an
``.eml``, MJML) set the channel themselves; otherwise the path, then hints in the text decide.
"""

from __future__ import annotations

import re

from cxlint.text.literals import LiteralGate, literal_gate

CHANNELS = ("email", "landing", "chatbot", "sms", "push", "onboarding", "in-app")

_HINTS = (
    ("email", re.compile(r"(^|[/_.-])(e-?mails?|newsletters?|mailers?|mjml)([/_.-]|$)|\.(eml|mjml)$", re.I)),
    ("chatbot", re.compile(r"(^|[/_.-])(chat|chatbots?|bots?|assistant|intents?|responses|domain)([/_.-]|$)", re.I)),
    ("sms", re.compile(r"(^|[/_.-])(sms|texts?)([/_.-]|$)", re.I)),
    ("push", re.compile(r"(^|[/_.-])(push|notifications?)([/_.-]|$)", re.I)),
    ("onboarding", re.compile(r"(^|[/_.-])(onboarding|welcome|signup|sign-up)([/_.-]|$)", re.I)),
    ("in-app", re.compile(r"(^|[/_.-])(in-?app|ui|app)([/_.-]|$)", re.I)),
    ("landing", re.compile(r"(^|[/_.-])(landing|pages?|site|web|www|home)([/_.-]|$)", re.I)),
)

_CONTENT_SAMPLE = 65536
"""Content hints look at the head of a file only: cheap, and where the telling markup sits."""

_CONTENT_HINTS: tuple[tuple[str, LiteralGate], ...] = tuple((channel, literal_gate(pattern, rarest=True)) for channel, pattern in (
    # Email HTML: mail-client markup, preheaders, unsubscribe footers, MJML, merge tags of ESPs,
    # and components imported from React Email or jsx-email.
    ("email", re.compile(
        r"<mjml\b|\bfrom\s+[\"'](?:@react-email/|react-email[\"']|@?jsx-email\b)|x-apple-disable-message-reformatting|<!--\[if mso|\bmso-[a-z-]+:|class=[\"'][^\"']*preheader"
        r"|\bunsubscribe\b|\*\|UNSUB\|\*|\{\{\s*unsubscribe|%%unsub|\bview (?:it |this (?:e-?mail )?)?in (?:your|a) browser\b",
        re.I,
    )),
    # Chatbot flows: Rasa domains and stories, intent/utterance structures of bot builders.
    # ``[ \t]*``, not ``\s*``: at each line start ``\s*`` would run over every blank line after it (quadratic).
    ("chatbot", re.compile(r"^[ \t]*(?:responses|intents|stories|nlu)[ \t]*:|\butter_\w+|\"(?:intents|utterances|bot_?responses)\"\s*:", re.M)),
    ("onboarding", re.compile(r"\"?(?:onboarding|walkthrough|tour)_?(?:steps|screens)?\"?\s*:|\"(?:steps|screens)\"\s*:\s*\[", re.I)),
))
"""Each hint's regex runs only where the text holds a literal every match of it needs (``literals.py``): the
rarest it offers, since nearly every file holds a ``:`` or a ``from``."""

# A page with site chrome is a landing page: an <html> start, then navigation or a header after it.
# Two forward searches, not one ``<html.*?<nav`` pattern, which retries from every ``<html``.
_PAGE_START = re.compile(r"<(?:!doctype html|html)\b", re.I)
_PAGE_CHROME = re.compile(r"<(?:nav|header|main|footer)\b", re.I)


def infer_channel(path: str, text: str | None = None) -> str | None:
    """A channel from path words such as ``emails/``, else from content hints; None when nothing says."""
    for channel, pattern in _HINTS:
        if pattern.search(path):
            return channel
    if text:
        return infer_channel_from_text(text)
    return None


def infer_channel_from_text(text: str) -> str | None:
    """A channel from what the file holds: mail-client markup is email, a bot domain is chatbot."""
    head = text[:_CONTENT_SAMPLE]
    folded = head.casefold()
    for channel, gate in _CONTENT_HINTS:
        if gate.search(head, folded):
            return channel
    page = _PAGE_START.search(head)
    if page is not None and _PAGE_CHROME.search(head, page.end()):
        return "landing"
    return None
