"""``cxlint serve``: the review page for a folder, on 127.0.0.1, until Ctrl-C."""

from __future__ import annotations

import errno
import os
import threading
import webbrowser
from typing import TextIO

from cxlint.commands import EXIT_OK
from cxlint.config import find_config, load_config
from cxlint.errors import FatalError


def run_serve(folder: str, port: int, open_browser: bool, out: TextIO, err: TextIO,
              config_file: str | None = None, isolated: bool = False, extra_packs: tuple[str, ...] = ()) -> int:
    """Load the config and packs as ``check FOLDER`` would, serve the page, and stop cleanly on Ctrl-C."""
    from cxlint.config import Config
    from cxlint.serve.api import Api
    from cxlint.serve.guard import new_token
    from cxlint.serve.review import Reviewer
    from cxlint.serve.server import ReviewServer

    if not os.path.isdir(folder):
        raise FatalError(f"{folder}: not a folder")
    config = Config() if isolated else load_config(config_file or find_config(folder))
    api = Api(Reviewer(folder, config, extra_packs))
    try:
        server = ReviewServer(api, port, new_token(), log=err)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise FatalError(f"port {port} is in use; choose another with --port, or --port 0 for any free one") from exc
        raise FatalError(f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}") from exc
    with server:
        out.write(f"cxlint review page for {os.path.abspath(folder)}\n  {server.url}\nPress Ctrl-C to stop.\n")
        out.flush()
        if open_browser:
            threading.Thread(target=webbrowser.open, args=(server.url,), daemon=True).start()
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            out.write("cxlint serve: stopped\n")
    return EXIT_OK
