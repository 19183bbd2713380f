"""The document page in a real browser: Debian's headless Chromium driven through its
chromedriver (selenium), against `datasette` serving the examples on a loopback port.
Skips, saying why, where no browser can be had (scripts/system-packages installs one).

Screenshots go to the test's temporary folder, or to $DIRECTIVES_SCREENSHOTS when set
(how docs/ gets its pictures: DIRECTIVES_SCREENSHOTS=docs .venv/bin/pytest tests/test_browser.py).
"""
from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from directives.db.store import Store
from directives.run import ingest


def _browser():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("selenium is not installed (pip install -e '.[test]')")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        pytest.skip("Chromium and chromedriver are not installed (apt-get install chromium chromium-driver, or scripts/system-packages)")
    options = Options()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1500"):
        options.add_argument(arg)
    try:
        return webdriver.Chrome(service=Service(driver), options=options)
    except Exception as error:  # a browser that cannot start here is a reason to skip, given
        pytest.skip(f"Chromium did not start: {str(error).splitlines()[0]}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(examples, db_path):
    ingest(Store.open(db_path), [str(examples)])
    port = _free_port()
    datasette = Path(sys.executable).with_name("datasette")
    process = subprocess.Popen(
        [str(datasette), str(db_path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):  # a minute: the first start on a loaded machine imports a lot
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1)
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail("datasette exited: " + process.stderr.read().decode())
                time.sleep(0.1)
        yield base, db_path
    finally:
        process.terminate()
        process.wait(timeout=10)


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("DIRECTIVES_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.slow
def test_chain_picture_nodes_lead_to_their_pages(server, tmp_path):
    from selenium.webdriver.common.by import By

    base, db_path = server
    with sqlite3.connect(db_path) as conn:
        doc = {symbol: i for i, symbol in conn.execute("select id, symbol from documents where symbol is not null")}
    browser = _browser()
    try:
        browser.get(f"{base}/-/document/{doc['20/KH-UBND']}")
        assert browser.find_element(By.TAG_NAME, "h1").text == "20/KH-UBND"
        # the three levels are drawn: what it implements above, what implements it below
        nodes = {el.get_attribute("id") for el in browser.find_elements(By.CSS_SELECTOR, ".dd-graph svg g.node")}
        assert {f"doc-{doc['05/NQ-HĐND']}", f"doc-{doc['20/KH-UBND']}", f"doc-{doc['45/KH-SKHCN']}"} <= nodes
        above = browser.find_element(By.ID, f"doc-{doc['05/NQ-HĐND']}").rect
        here = browser.find_element(By.ID, f"doc-{doc['20/KH-UBND']}").rect
        below = browser.find_element(By.ID, f"doc-{doc['45/KH-SKHCN']}").rect
        assert above["y"] < here["y"] < below["y"]
        # the text marks references and tasks
        assert browser.find_elements(By.CSS_SELECTOR, ".dd-textbody a.dx-ref")
        assert browser.find_elements(By.CSS_SELECTOR, ".dd-textbody mark.dx-task")
        browser.save_screenshot(str(_shots(tmp_path) / "document-page.png"))
        text = browser.find_element(By.CSS_SELECTOR, ".dd-text")
        browser.execute_script("arguments[0].scrollIntoView()", text)
        browser.save_screenshot(str(_shots(tmp_path) / "document-text.png"))
        # a node is a link to its document's page
        browser.find_element(By.CSS_SELECTOR, f"#doc-{doc['05/NQ-HĐND']} a").click()
        for _ in range(50):
            if browser.current_url.endswith(f"/-/document/{doc['05/NQ-HĐND']}"):
                break
            time.sleep(0.1)
        assert browser.current_url == f"{base}/-/document/{doc['05/NQ-HĐND']}"
        assert browser.find_element(By.TAG_NAME, "h1").text == "05/NQ-HĐND"
        browser.save_screenshot(str(_shots(tmp_path) / "document-page-top.png"))
        assert browser.find_elements(By.ID, f"doc-{doc['45/KH-SKHCN']}")  # two levels down from the Nghị quyết
        # a placeholder's page
        browser.get(f"{base}/-/document/{doc['57-NQ/TW']}")
        assert "chưa được nhập" in browser.find_element(By.CSS_SELECTOR, ".dd-notice").text
    finally:
        browser.quit()


def test_search_page_ranks_the_phrase_and_narrows_by_type(server, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    base, _ = server
    browser = _browser()
    try:
        browser.get(base + "/")
        box = browser.find_element(By.CSS_SELECTOR, "form.directives-search input[name=q]")
        box.send_keys("ha tang so", Keys.ENTER)  # no diacritics, no quotes
        for _ in range(50):
            if "/-/search" in browser.current_url:
                break
            time.sleep(0.1)
        results = browser.find_elements(By.CSS_SELECTOR, "ol.directives-results li")
        assert len(results) >= 3
        heads = [li.find_element(By.CSS_SELECTOR, ".head").text for li in results]
        # the trích yếu holding "hạ tầng số" come first, each saying its type, date and issuer
        assert all("hạ tầng số" in li.find_element(By.CSS_SELECTOR, ".subject").text.lower() for li in results[:3])
        assert "Nghị quyết" in " ".join(heads) and "Kế hoạch" in " ".join(heads)
        assert any(part.count("/") == 2 and len(part) == 10 for part in " ".join(heads).split())  # dd/mm/yyyy
        browser.save_screenshot(str(_shots(tmp_path) / "search-page.png"))
        # a facet narrows on the same page, and its link widens again
        browser.find_element(By.XPATH, "//div[@data-facet='type']//a[contains(., 'Kế hoạch')]").click()
        for _ in range(50):
            if "type=" in browser.current_url:
                break
            time.sleep(0.1)
        narrowed = browser.find_elements(By.CSS_SELECTOR, "ol.directives-results li .type")
        assert narrowed and {el.text for el in narrowed} == {"Kế hoạch"}
        browser.find_element(By.CSS_SELECTOR, "div[data-facet='type'] a.selected").click()
        for _ in range(50):
            if "type=" not in browser.current_url:
                break
            time.sleep(0.1)
        assert len(browser.find_elements(By.CSS_SELECTOR, "ol.directives-results li")) == len(results)
    finally:
        browser.quit()


def test_chain_picture_fits_its_frame_and_zooms(tmp_path):
    from selenium.webdriver.common.by import By

    from tests.test_chain_picture import PLAN

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "kh-77.txt").write_text(PLAN, encoding="utf-8")
    db_path = tmp_path / "chain.db"
    ingest(Store.open(db_path), [str(folder)])
    port = _free_port()
    process = subprocess.Popen([str(Path(sys.executable).with_name("datasette")), str(db_path), "--host", "127.0.0.1", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    browser = None
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1)
                break
            except OSError:
                assert process.poll() is None, "datasette exited"
                time.sleep(0.1)
        with sqlite3.connect(db_path) as conn:
            plan = conn.execute("select id from documents where symbol = '77/KH-UBND'").fetchone()[0]
        browser = _browser()
        browser.get(f"{base}/-/document/{plan}")
        frame = browser.find_element(By.CSS_SELECTOR, ".dd-graph")
        svg = browser.find_element(By.CSS_SELECTOR, ".dd-graph svg")
        nodes = browser.find_elements(By.CSS_SELECTOR, ".dd-graph svg g.node")
        assert len(nodes) == 11  # the plan and its ten căn cứ, none cut
        assert svg.rect["width"] <= frame.rect["width"] + 1  # fitted: nothing cut at either end
        assert all(frame.rect["x"] - 1 <= n.rect["x"] and n.rect["x"] + n.rect["width"] <= frame.rect["x"] + frame.rect["width"] + 1 for n in nodes)
        browser.find_element(By.CSS_SELECTOR, ".dd-chain").location_once_scrolled_into_view
        browser.save_screenshot(str(_shots(tmp_path) / "chain-picture.png"))
        fitted = svg.rect["width"]
        browser.find_element(By.CSS_SELECTOR, "button[data-zoom='in']").click()
        assert svg.rect["width"] > fitted  # zoomed: larger, scrolling inside its frame
        assert browser.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", frame)
        browser.find_element(By.CSS_SELECTOR, "button[data-zoom='fit']").click()
        assert abs(svg.rect["width"] - fitted) < 2
    finally:
        if browser is not None:
            browser.quit()
        process.terminate()
        process.wait(timeout=10)


def test_the_tasks_board_opens_on_plans_assignments_current_ones_first(server, tmp_path):
    """What a planner sees first on /-/tasks: assignments of plans, in Vietnamese, days as
    dd/mm/yyyy, those still to do before those overdue, and a unit typed without diacritics
    narrows the board."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    base, _ = server
    browser = _browser()
    try:
        browser.set_window_size(1280, 900)
        browser.get(base + "/-/tasks")
        rows = browser.find_elements(By.CSS_SELECTOR, "table.directives-tasks tbody tr")
        assert len(rows) >= 5
        documents = [row.find_element(By.CSS_SELECTOR, "td.document a").text for row in rows]
        assert "/KH-" in documents[0]
        overdue = ["overdue" in (row.get_attribute("class") or "") for row in rows]
        assert overdue.index(True) > 0 and not any(overdue[:overdue.index(True)])  # current ones first
        days = [el.text for el in browser.find_elements(By.CSS_SELECTOR, "td.document .date")]
        assert days and all(len(day) == 10 and day[2] == day[5] == "/" for day in days)
        assert "Nhiệm vụ" in browser.find_element(By.TAG_NAME, "h1").text
        browser.save_screenshot(str(_shots(tmp_path) / "tasks-page.png"))
        box = browser.find_element(By.CSS_SELECTOR, "input[name=unit]")
        box.send_keys("so tai chinh", Keys.ENTER)
        for _ in range(50):
            if "unit=" in browser.current_url:
                break
            time.sleep(0.1)
        units = [el.text for el in browser.find_elements(By.CSS_SELECTOR, "table.directives-tasks td.unit")]
        assert units and all("Sở Tài chính" in unit for unit in units)
    finally:
        browser.quit()
