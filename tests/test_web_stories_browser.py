"""A real browser (headless Chromium via Selenium) on the stories pages: from an event to its cluster (a
summit's reports side by side), the cluster list, and the positions timeline (demand → rejection →
counter-offer) with each position linked to its sentence. Screenshots go to test-artifacts/."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest
from test_web_browser import (
    CHROMEDRIVER,
    CHROMIUM,
    _no_console_errors,
    _shot,
    _wait,
    browser,  # noqa: F401  (the fixture)
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
                       reason=f"needs {CHROMIUM} and {CHROMEDRIVER} (see tests/test_web_browser.py)"),
]
uvicorn = pytest.importorskip("uvicorn")

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from test_web_support import TOKEN
from web_stories_support import fill_stories, summit_cluster

from eventwire.store import Store
from eventwire.web import WebSettings, create_app


@pytest.fixture(scope="module")
def stories_server(tmp_path_factory, coder):
    path = str(tmp_path_factory.mktemp("stories-browser") / "stories.db")
    with Store(path) as store:
        fill_stories(store, coder)
        cid = summit_cluster(store)
    app = create_app(path, WebSettings(token=TOKEN), coder=coder)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "the test server did not start"
    yield f"http://127.0.0.1:{port}", cid
    server.should_exit = True
    thread.join(timeout=10)
    app.state.store.close()


def test_web_stories_browser_event_to_cluster(stories_server, browser):  # noqa: F811
    base, cid = stories_server
    browser.get(base + "/clusters")
    link = _wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, f"a[href='/clusters/{cid}']")))
    _shot(browser, "stories-1-clusters")
    link.click()
    cards = _wait(browser).until(EC.presence_of_all_elements_located((By.CSS_SELECTOR, "#reports article.report")))
    assert len(cards) >= 3
    outlets = {c.find_element(By.CSS_SELECTOR, ".outlet").text for c in cards}
    assert {"wire-a", "wire-b", "wire-c"} <= outlets
    # side by side: the first two cards share a row
    assert cards[0].location["y"] == cards[1].location["y"] and cards[0].location["x"] < cards[1].location["x"]
    sentence = cards[0].find_element(By.CSS_SELECTOR, ".sentence")
    assert "Putin" in sentence.text and "Xi" in sentence.text
    assert "reports" in browser.find_element(By.ID, "cluster-counts").text
    _shot(browser, "stories-2-cluster")
    # each report opens its event page, which links back to the cluster
    cards[1].find_element(By.CSS_SELECTOR, "a.report-event").click()
    back = _wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#cluster-link a")))
    assert back.get_attribute("href").endswith(f"/clusters/{cid}")
    _no_console_errors(browser)


def test_web_stories_browser_positions_timeline(stories_server, browser):  # noqa: F811
    base, _ = stories_server
    browser.get(base + "/positions")
    field = _wait(browser).until(EC.presence_of_element_located((By.NAME, "actor")))
    field.send_keys("UKR")
    browser.find_element(By.CSS_SELECTOR, "#positions-form button[type=submit]").click()
    _wait(browser).until(EC.text_to_be_present_in_element((By.ID, "positions-count"), "taken up by UKR"))
    sections = browser.find_elements(By.CSS_SELECTOR, "section.issue")
    withdraw = next(s for s in sections if "withdraw" in s.find_element(By.CSS_SELECTOR, ".issue-title").text)
    items = withdraw.find_elements(By.CSS_SELECTOR, "ol.timeline > li")
    stances = [i.find_element(By.CSS_SELECTOR, ".stance").text.lower() for i in items]
    assert stances[:2] == ["demand", "reject"]  # Russia's demand, then Kyiv's rejection, in date order
    assert "other" in items[0].get_attribute("class")  # Russia's, shown lighter on Ukraine's view
    reject = items[1]
    assert "answers" in reject.text and "RUS" in reject.find_element(By.CSS_SELECTOR, ".answers").text
    _shot(browser, "stories-3-positions")
    evidence = reject.find_element(By.CSS_SELECTOR, "a.evidence")
    evidence.click()
    mark = _wait(browser).until(EC.visibility_of_element_located((By.ID, "highlight")))
    assert "rejected" in mark.text
    _no_console_errors(browser)
