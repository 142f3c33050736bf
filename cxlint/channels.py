"""The channel of a file (email, landing, chatbot, sms, push, onboarding, in-app), guessed from its path."""

from __future__ import annotations

import re

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


def infer_channel(path: str) -> str | None:
    """A channel from path words such as ``emails/`` or ``chatbot-intro.md``; None when nothing says."""
    for channel, pattern in _HINTS:
        if pattern.search(path):
            return channel
    return None
