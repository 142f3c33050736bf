#!/usr/bin/env python3
"""Take docs/review-page.png: the review page on examples/, one e-mail open and a finding clicked.

usage: python scripts/review_page_screenshot.py [--out docs/review-page.png]

Serves examples/ on a free port of 127.0.0.1 in this process and drives Debian's headless
Chromium (/usr/bin/chromium, /usr/bin/chromedriver) with selenium, as the browser tests do.
Where pngquant is installed (Debian's ``pngquant``), the PNG is quantised to a third of its size.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cxlint.config import find_config, load_config  # noqa: E402
from cxlint.serve.api import Api  # noqa: E402
from cxlint.serve.guard import new_token  # noqa: E402
from cxlint.serve.review import Reviewer  # noqa: E402
from cxlint.serve.server import ReviewServer  # noqa: E402

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1180,700")
SHOWN = "email/win-back.md"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "review-page.png"))
    args = parser.parse_args()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    examples = str(ROOT / "examples")
    server = ReviewServer(Api(Reviewer(examples, load_config(find_config(examples)))), 0, new_token())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    profile = tempfile.mkdtemp(prefix="cxlint-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    try:
        def settled(d: webdriver.Chrome) -> bool:
            return d.find_element("tag name", "body").get_attribute("data-busy") == "false"

        driver.get(server.url)
        WebDriverWait(driver, 30).until(settled)
        driver.find_element("id", "tab-folder").click()
        WebDriverWait(driver, 30).until(lambda d: settled(d) and d.find_elements("css selector", "#files button"))
        next(b for b in driver.find_elements("css selector", "#files button") if b.text == SHOWN).click()
        WebDriverWait(driver, 30).until(lambda d: settled(d) and d.find_elements("css selector", "#document mark"))
        driver.find_elements("css selector", "#document mark")[1].click()
        time.sleep(0.3)
        driver.save_screenshot(args.out)
    finally:
        driver.quit()
        server.shutdown()
        server.server_close()
        shutil.rmtree(profile, ignore_errors=True)
    if shutil.which("pngquant"):
        subprocess.run(["pngquant", "--quality", "60-85", "--speed", "1", "--force", "--ext", ".png", "--", args.out], check=True)
    print(f"wrote {os.path.relpath(args.out)} ({os.path.getsize(args.out):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
