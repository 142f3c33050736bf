"""The review page in a real headless Chromium: copy pasted is highlighted at exactly the findings' characters."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser_support import chromium
from tests.conftest import CLEAN
from tests.serve_support import Running, serving

CREEPY_SENTENCE = "🎉 Hi Sam! We noticed you were browsing socks at 2:14am last night."
WAIT = 30


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    root = tmp_path_factory.mktemp("page")
    (root / "email").mkdir()
    (root / "email" / "win-back.md").write_text("# Come back\n\nWe saw you checking these out at 11:48 PM.\n", encoding="utf-8")
    (root / "drafts").mkdir()
    (root / "drafts" / "old.md").write_text("We noticed you.\n", encoding="utf-8")
    (root / ".cxlint.yaml").write_text("exclude: [drafts]\n", encoding="utf-8")
    from cxlint.config import find_config, load_config

    with serving(str(root), load_config(find_config(str(root)))) as run:
        yield run


@pytest.fixture(scope="module")
def browser(running: Running) -> Iterator[Any]:
    with chromium() as driver:
        driver.get(running.server.url)
        wait(driver).until(lambda d: d.find_element("tag name", "body").get_attribute("data-ready") == "true")
        yield driver


def wait(driver: Any) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT)


def settle(driver: Any) -> None:
    """Wait until the page has no request in flight, no check about to start, and has drawn the last answer."""
    wait(driver).until(lambda d: d.find_element("tag name", "body").get_attribute("data-busy") == "false")


def paste_and_check(driver: Any, running: Running, text: str) -> None:
    settle(driver)
    asked = len(running.api.requests)
    box = driver.find_element("id", "copy")
    box.clear()
    box.send_keys(text)
    driver.find_element("id", "check").click()
    settle(driver)
    assert len(running.api.requests) > asked
    assert running.api.requests[-1]["text"] == text


def highlighted_spans(driver: Any) -> dict[int, str]:
    """Each finding's highlighted text: the text of every <mark> naming it, in order."""
    spans: dict[int, str] = {}
    for mark in driver.find_elements("css selector", "#document mark"):
        for index in mark.get_attribute("data-findings").split():
            spans[int(index)] = spans.get(int(index), "") + mark.get_attribute("textContent")
    return spans


def test_the_page_loads_with_channels_and_file_types(browser: Any) -> None:
    assert browser.title == "cxlint review"
    channels = [o.get_attribute("value") for o in browser.find_elements("css selector", "#channel option")]
    assert channels[:1] == [""] and {"email", "sms", "push", "in-app"} <= set(channels)
    assert ".md" in [o.get_attribute("value") for o in browser.find_elements("css selector", "#file-type option")]
    assert "token" not in browser.current_url  # the key is moved out of the address bar


def test_creepy_copy_is_highlighted_at_the_findings_characters(browser: Any, running: Running) -> None:
    paste_and_check(browser, running, CREEPY_SENTENCE)
    status, expected = running.json("POST", "/api/check", running.api.requests[-1])
    assert status == 200
    findings = expected["report"]["findings"]
    assert {f["rule"] for f in findings} >= {"CX101", "CX102"}
    assert highlighted_spans(browser) == {n: f["text"] for n, f in enumerate(findings)}
    assert highlighted_spans(browser)[0] == "We noticed you"
    assert browser.find_element("id", "document").get_attribute("textContent") == CREEPY_SENTENCE
    items = browser.find_elements("css selector", "#findings .finding")
    assert [i.find_element("tag name", "code").text for i in items] == [f["rule"] for f in findings]


def test_clicking_a_highlight_explains_the_finding(browser: Any, running: Running) -> None:
    paste_and_check(browser, running, CREEPY_SENTENCE)
    mark = browser.find_elements("css selector", "#document mark")[0]
    assert "CX101" in mark.get_attribute("title")  # hover
    mark.click()
    popover = browser.find_element("id", "popover")
    assert popover.is_displayed()
    assert "CX101" in popover.text and "Suggestion:" in popover.text
    active = browser.find_element("css selector", "#findings .finding.active")
    assert active.get_attribute("data-index") == "0"


def test_a_clean_sentence_gets_no_highlight(browser: Any, running: Running) -> None:
    paste_and_check(browser, running, CLEAN.strip())
    assert browser.find_elements("css selector", "#document mark") == []
    assert browser.find_element("id", "no-findings").is_displayed()
    assert browser.find_element("id", "count").text == "0"


def test_switching_channel_changes_the_request(browser: Any, running: Running) -> None:
    from selenium.webdriver.support.ui import Select

    paste_and_check(browser, running, CREEPY_SENTENCE)
    for channel in ("sms", "push"):
        asked = len(running.api.requests)
        Select(browser.find_element("id", "channel")).select_by_value(channel)
        settle(browser)
        assert len(running.api.requests) == asked + 1
        assert running.api.requests[-1]["channel"] == channel
        assert running.api.requests[-1]["text"] == CREEPY_SENTENCE
        assert f"channel: {channel}" in browser.find_element("id", "findings").text
        assert f"checked as {channel}" in browser.find_element("id", "doc-title").text
    Select(browser.find_element("id", "channel")).select_by_value("")
    settle(browser)
    assert running.api.requests[-1]["channel"] is None


def test_choosing_a_file_type_reads_the_copy_with_that_reader(browser: Any, running: Running) -> None:
    from selenium.webdriver.support.ui import Select

    paste_and_check(browser, running, "<!-- We noticed you were browsing socks at 2:14am. --><p>New socks are in.</p>")
    assert running.api.requests[-1]["filename"] == "pasted.txt"
    assert browser.find_elements("css selector", "#document mark")  # as plain text, the comment is copy
    asked = len(running.api.requests)
    Select(browser.find_element("id", "file-type")).select_by_value(".html")
    settle(browser)
    assert len(running.api.requests) == asked + 1
    assert running.api.requests[-1]["filename"] == "pasted.html"
    assert browser.find_elements("css selector", "#document mark") == []  # in HTML, a comment is not copy
    Select(browser.find_element("id", "file-type")).select_by_value(".txt")
    settle(browser)


def test_opening_the_folder_lists_its_files_and_highlights_one(browser: Any, running: Running) -> None:
    settle(browser)
    browser.find_element("id", "tab-folder").click()
    settle(browser)
    names = [b.text for b in browser.find_elements("css selector", "#files button")]
    assert names == ["email/win-back.md"]  # as check walks it: drafts/ is excluded by the config, its own config is not copy
    asked = len(running.api.requests)
    browser.find_elements("css selector", "#files button")[0].click()
    settle(browser)
    assert running.api.requests[asked:] == [{"file": "email/win-back.md", "channel": None}]
    status, expected = running.json("POST", "/api/check", running.api.requests[-1])
    assert expected["report"]["findings"]
    assert highlighted_spans(browser) == {n: f["text"] for n, f in enumerate(expected["report"]["findings"])}
    browser.find_element("id", "tab-paste").click()
    settle(browser)


def drop(browser: Any, name: str, content: str) -> None:
    """What a drop of one file onto the page fires (selenium cannot drag a file from the desktop)."""
    browser.execute_script(
        """
        const transfer = new DataTransfer();
        transfer.items.add(new File([arguments[1]], arguments[0]));
        document.getElementById("copy-pane").dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true}));
        """,
        name,
        content,
    )


def test_a_file_that_cannot_be_read_shows_its_cx000_error(browser: Any, running: Running) -> None:
    paste_and_check(browser, running, CREEPY_SENTENCE)
    drop(browser, "logo.txt", "\u0000\u0001PNG")
    settle(browser)
    errors = browser.find_element("id", "errors").text
    assert "CX000" in errors and "binary" in errors
    assert browser.find_elements("css selector", "#document mark") == []  # the last copy's highlights are gone
    assert browser.find_elements("css selector", "#findings .finding") == []


def test_export_asks_for_the_shown_copy_in_the_chosen_format(browser: Any, running: Running) -> None:
    paste_and_check(browser, running, CREEPY_SENTENCE)
    shown = running.api.requests[-1]
    for fmt in ("sarif", "json", "text"):
        browser.find_element("css selector", f'.export button[data-format="{fmt}"]').click()
        settle(browser)
        wait(browser).until(lambda d: running.api.exports and running.api.exports[-1]["format"] == fmt)
        assert running.api.exports[-1] == {**shown, "format": fmt}
    assert browser.find_element("id", "notice").is_displayed() is False


def test_no_request_leaves_the_machine(browser: Any, running: Running) -> None:
    """Every resource the page loaded came from this server."""
    urls = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert urls
    assert all(url.startswith(f"http://127.0.0.1:{running.port}/") for url in urls), urls



def test_a_chosen_file_is_sent_as_its_bytes_and_highlighted(browser: Any, running: Running, tmp_path_factory: pytest.TempPathFactory) -> None:
    dropped = tmp_path_factory.mktemp("drop") / "promo.html"
    dropped.write_bytes("<p>Caf\u00e9 news: we noticed you were browsing socks at 2:14am.</p>".encode("utf-16"))
    settle(browser)
    asked = len(running.api.requests)
    browser.find_element("id", "file-input").send_keys(str(dropped))
    settle(browser)
    request = running.api.requests[asked]
    assert request["filename"] == "promo.html" and base64.b64decode(request["data"]) == dropped.read_bytes()
    listed = browser.find_elements("css selector", "#files button")
    assert listed[-1].text == "promo.html" and listed[-1].get_attribute("aria-current") == "true"
    status, expected = running.json("POST", "/api/check", request)
    assert expected["report"]["findings"]
    assert highlighted_spans(browser) == {n: f["text"] for n, f in enumerate(expected["report"]["findings"])}


def test_a_file_dropped_onto_the_page_is_checked(browser: Any, running: Running) -> None:
    settle(browser)
    asked = len(running.api.requests)
    drop(browser, "winback.md", CREEPY_SENTENCE)
    settle(browser)
    assert running.api.requests[asked]["filename"] == "winback.md"
    assert base64.b64decode(running.api.requests[asked]["data"]).decode("utf-8") == CREEPY_SENTENCE
    assert highlighted_spans(browser)[0] == "We noticed you"
