"""Who may talk to the review page: the checks every request passes before the API sees it.

The server listens on the loopback interface only, but a web page open in the same browser
could still reach it: by DNS rebinding (``evil.example`` resolved to 127.0.0.1, so the Host
header says ``evil.example``) or by a cross-site POST. So the Host header must name this
server as ``127.0.0.1`` or ``localhost`` with its port; API calls must carry the run's token
(printed in the URL, sent by the page as a header, which no cross-site form can set); and a
POST that says where it comes from must come from this origin.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass

TOKEN_HEADER = "X-CXLint-Token"
LOOPBACK_NAMES = ("127.0.0.1", "localhost")


def new_token() -> str:
    """A per-run secret, unguessable and safe in a URL."""
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class Guard:
    """The checks for one server: its port and its run's token."""

    port: int
    token: str

    @property
    def hosts(self) -> frozenset[str]:
        return frozenset(f"{name}:{self.port}" for name in LOOPBACK_NAMES)

    def host_allowed(self, host: str | None) -> bool:
        """The Host header names this server (anything else is DNS rebinding or a wrong port)."""
        return host is not None and host.strip().lower() in self.hosts

    def origin_allowed(self, origin: str | None) -> bool:
        """No Origin (not a browser's cross-site request), or this server's own origin."""
        if origin is None:
            return True
        return origin.strip().lower() in {f"http://{host}" for host in self.hosts}

    def token_valid(self, presented: str | None) -> bool:
        return presented is not None and hmac.compare_digest(presented.encode(), self.token.encode())
