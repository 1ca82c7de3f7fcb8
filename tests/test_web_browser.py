"""A real browser (headless Chromium via Selenium) against a live server on 127.0.0.1: search, open an event,
the highlighted sentence, the dyad chart and the network drawn, the "code this text" page. Screenshots go to
test-artifacts/."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
                       reason=f"needs {CHROMIUM} and {CHROMEDRIVER} (apt-get install chromium chromium-driver; "
                              f".ci/run installs them)"),
]
webdriver = pytest.importorskip("selenium.webdriver")
uvicorn = pytest.importorskip("uvicorn")

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait
from test_web_support import TOKEN, fill

from eventwire.store import Store
from eventwire.web import WebSettings, create_app


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def live_server(tmp_path_factory, coder):
    path = str(tmp_path_factory.mktemp("browser") / "browser.db")
    with Store(path) as store:
        fill(store)
    app = create_app(path, WebSettings(token=TOKEN), coder=coder)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):  # wait (bounded) for the socket to accept connections
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "the test server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    app.state.store.close()


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-dev-shm-usage", "--window-size=1400,1000"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=CHROMEDRIVER), options=options)
    ARTIFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()


def _shot(driver, name: str) -> None:
    driver.save_screenshot(str(ARTIFACTS / f"web-{name}.png"))


def _no_console_errors(driver) -> None:
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors  # CSP violations, failed fetches and script errors all land here


def _wait(driver, seconds: float = 15) -> WebDriverWait:
    return WebDriverWait(driver, seconds)


def test_web_browser_search_open_event_highlight(live_server, browser):
    browser.get(live_server + "/")
    rows = browser.find_elements(By.CSS_SELECTOR, "#results tbody tr")
    assert len(rows) == 7
    _shot(browser, "1-search")
    # run a search from the form: events where Ukraine is the target
    field = browser.find_element(By.NAME, "actor")
    field.clear()
    field.send_keys("UKR")
    browser.find_element(By.CSS_SELECTOR, "select[name=role] option[value=target]").click()
    browser.find_element(By.CSS_SELECTOR, "#search button[type=submit]").click()
    _wait(browser).until(EC.text_to_be_present_in_element((By.ID, "result-count"), "1 matching event"))
    rows = browser.find_elements(By.CSS_SELECTOR, "#results tbody tr")
    assert len(rows) == 1 and "Russian forces attacked Ukraine." in rows[0].text
    _shot(browser, "2-search-filtered")
    rows[0].find_element(By.CSS_SELECTOR, "a.event-link").click()
    mark = _wait(browser).until(EC.visibility_of_element_located((By.ID, "highlight")))
    assert mark.text == "Russian forces attacked Ukraine."
    assert mark.find_element(By.CSS_SELECTOR, ".actor-source").text == "Russian forces"
    assert mark.find_element(By.CSS_SELECTOR, ".actor-target").text == "Ukraine"
    # highlighted for real: the computed background is the marker colour, not transparent
    assert mark.value_of_css_property("background-color") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert "Russian Federation: military" in browser.find_element(By.ID, "source-words").text
    assert "Ukraine" in browser.find_element(By.ID, "target-words").text
    assert "2024-11-13" in browser.find_element(By.ID, "date-words").text
    assert "RUSMIL" in browser.find_element(By.ID, "attribution").text
    _shot(browser, "3-event")
    _no_console_errors(browser)


def test_web_browser_dyad_chart_rendered(live_server, browser):
    browser.get(live_server + "/dyads?a=USA&b=RUS&period=week")
    svg = _wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#dyad-chart svg#dyad-svg")))
    bars = svg.find_elements(By.CSS_SELECTOR, "rect.bar")
    assert len(bars) == 4  # week 1: verbal + material conflict; week 2: cooperation; week 4: cooperation
    assert {b.get_attribute("class").split()[1] for b in bars} >= {"material_conflict", "verbal_cooperation"}
    assert svg.find_elements(By.CSS_SELECTOR, "path.intensity")
    assert float(bars[0].get_attribute("height")) > 0
    assert "4 events: 2 cooperation, 2 conflict" in browser.find_element(By.ID, "dyad-summary").text
    _shot(browser, "4-dyad-timeline")
    _no_console_errors(browser)


def test_web_browser_network_rendered(live_server, browser):
    browser.get(live_server + "/network")
    svg = _wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#network-chart svg#network-svg")))
    edges = svg.find_elements(By.CSS_SELECTOR, "path.edge")
    labels = {t.text for t in svg.find_elements(By.CSS_SELECTOR, "text.node-label")}
    assert len(edges) >= 4 and {"USA", "RUS", "UKR", "CHN"} <= labels
    assert any("conf" in e.get_attribute("class") for e in edges)
    assert any("coop" in e.get_attribute("class") for e in edges)
    _shot(browser, "5-network")
    _no_console_errors(browser)


@pytest.mark.slow
def test_web_browser_code_this_text(live_server, browser):
    browser.get(live_server + "/code")
    browser.find_element(By.ID, "code-text").send_keys("Turkey condemned Israel on Monday. It was cold.")
    browser.execute_script("document.getElementById('code-date').value = '2025-01-10';")
    browser.find_element(By.ID, "code-submit").click()
    mark = _wait(browser, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#code-output mark.coded-sentence")))
    assert mark.text == "Turkey condemned Israel on Monday."
    item = browser.find_element(By.CSS_SELECTOR, "#code-output li.coded-event")
    assert item.text.startswith("TUR → 111") and "ISR" in item.text and "2025-01-06" in item.text
    assert "1 event(s)" in browser.find_element(By.ID, "code-status").text
    _shot(browser, "6-code-this-text")
    # storing without the token is refused, with the API's message shown
    browser.find_element(By.ID, "code-store").click()
    browser.find_element(By.ID, "code-submit").click()
    _wait(browser).until(EC.text_to_be_present_in_element((By.ID, "code-status"), "Error:"))
    assert "token" in browser.find_element(By.ID, "code-status").text
    _no_console_errors_except_401(browser)


def _no_console_errors_except_401(driver) -> None:
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE" and "401" not in e["message"]]
    assert not errors, errors


def test_web_browser_artifacts_dir_is_ignored():
    assert "test-artifacts/" in (ARTIFACTS.parent / ".gitignore").read_text().splitlines()
