"""``cxlint lsp``: serve the Language Server Protocol on stdio until the editor says exit."""

from __future__ import annotations

import sys

from cxlint.commands import EXIT_ERROR


def run_lsp() -> int:
    """0 after a clean shutdown; 2 when the server's libraries are missing (an install without pygls)."""
    try:
        from cxlint.lsp.server import serve
    except ImportError as exc:
        sys.stderr.write(f"cxlint: error: the editor server needs pygls and lsprotocol ({exc}); pip install pygls\n")
        return EXIT_ERROR
    return serve()
