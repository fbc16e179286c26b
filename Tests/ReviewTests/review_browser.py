"""Clicks through `foiapipe review` in Debian's Chromium, driven by Selenium through chromedriver.

Usage: review_browser.py URL SHOTS_DIR   (run by Tests/ReviewTests/ReviewBrowserTests.swift)

The steps of issue 17: open the queue, remove a false-positive redaction, add one by selecting
a word, draw an area (and draw another and take it back), mark a person official, join two
identities, withhold a whole page, publish. A screenshot of each view goes to
SHOTS_DIR. Prints one JSON object (the publish summary, the browser's console) and exits 1 with
a message on the first step that does not do what it should.
"""

import json
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

url, shots = sys.argv[1], sys.argv[2]
os.makedirs(shots, exist_ok=True)
os.environ["SE_OFFLINE"] = "true"  # never let Selenium Manager look for a driver online

options = webdriver.ChromeOptions()
options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1700,1100", "--hide-scrollbars",
          "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-extensions", "--user-data-dir=" + os.path.join(shots, "profile")]:
    options.add_argument(a)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
wait = WebDriverWait(driver, 60)
step = "start"


def shot(name):
    driver.save_screenshot(os.path.join(shots, name + ".png"))


def one(css):
    return wait.until(lambda d: d.find_element(By.CSS_SELECTOR, css))


def attr(css, name):
    """An attribute of the element now matching `css` (the lists are redrawn after each decision)."""
    return driver.execute_script(
        "const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null", css, name)


def until(what, condition):
    global step
    step = what
    wait.until(lambda d: condition())


try:
    # 1. The queue.
    driver.get(url)
    until("the queue loads", lambda: driver.find_elements(By.CSS_SELECTOR, "li.item"))
    until("the first page image is drawn",
          lambda: driver.execute_script("const i = document.getElementById('page-image');"
                                        "return i.complete && i.naturalWidth > 0"))
    items = driver.find_elements(By.CSS_SELECTOR, "li.item")
    confidences = [float(i.text.split("confidence ")[1].split()[0]) for i in items]
    if confidences != sorted(confidences):
        raise SystemExit("the queue is not least certain first: %s" % confidences)
    shot("1-queue")

    # The keyboard: j moves, ? shows the help.
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys("j")
    until("j moves to the second decision",
          lambda: "current" in (attr("li.item:nth-child(2)", "class") or ""))
    body.send_keys("?")
    until("? shows the help", lambda: driver.find_element(By.ID, "help").is_displayed())
    shot("1b-help")
    body.send_keys("?")
    until("? hides the help", lambda: not driver.find_element(By.ID, "help").is_displayed())

    # 2. Remove a false-positive redaction: the date 12-12-99 is an arrest-list date here, say.
    item = one('li.item[data-text="12-12-99"]')
    item.click()
    until("its page is shown", lambda: driver.execute_script("return document.body.dataset.page") ==
          "city-of-boston-trust-act-records.pdf#3")
    one('.box[data-text="12-12-99"]')
    item.find_element(By.CSS_SELECTOR, "button.remove").click()
    until("the decision shows as removed",
          lambda: attr('li.item[data-text="12-12-99"]', "data-status") == "removed")
    until("the page shows the box as removed",
          lambda: attr('.box[data-text="12-12-99"]', "data-status") == "removed")
    shot("2-removed")

    # 3. Add a redaction by selecting a word on the page.
    word = one('.word[data-text^="Guatemala"]')
    word.click()
    until("the word is selected", lambda: "Guatemala" in driver.find_element(By.ID, "selection").text)
    driver.find_element(By.CSS_SELECTOR, '#add-type option[value="other_identifier"]').click()
    driver.find_element(By.ID, "add-selection").click()
    until("the page shows the added box", lambda: driver.find_elements(By.CSS_SELECTOR, '.box[data-status="added"]'))
    until("the queue lists the added redaction",
          lambda: driver.find_elements(By.CSS_SELECTOR, 'li.item[data-status="added"]'))
    shot("3-added")

    # 3b. Draw a box where no word is printed (the blank foot of the page): an area redaction.
    overlay = driver.find_element(By.ID, "overlay")
    size = overlay.size
    start = (150 - size["width"] / 2, 700 - size["height"] / 2)  # Selenium offsets are from the centre
    ActionChains(driver).move_to_element_with_offset(overlay, *start).click_and_hold() \
        .move_by_offset(125, 40).move_by_offset(125, 40).release().perform()
    until("an area with no words can be redacted", lambda: driver.find_element(By.ID, "add-box").is_enabled())
    driver.find_element(By.ID, "add-box").click()
    until("the page shows the drawn box",
          lambda: driver.find_elements(By.CSS_SELECTOR, '.box[title="other_identifier: reviewer_box"]'))
    shot("3b-box")

    # 3c. Draw a second area and take it back with its undo button: an undo line, no box.
    ActionChains(driver).move_to_element_with_offset(overlay, start[0] + 300, start[1]).click_and_hold() \
        .move_by_offset(60, 15).move_by_offset(60, 15).release().perform()
    until("the second area can be redacted", lambda: driver.find_element(By.ID, "add-box").is_enabled())
    driver.find_element(By.ID, "add-box").click()
    until("the page shows two drawn areas",
          lambda: len(driver.find_elements(By.CSS_SELECTOR, ".box.area")) == 2)
    undo = driver.find_elements(By.CSS_SELECTOR, ".box.area button.undo-box")[-1]
    undo.click()
    until("the undone area is gone", lambda: len(driver.find_elements(By.CSS_SELECTOR, ".box.area")) == 1)
    shot("3c-undone")

    # 4. Mark a person official.
    one('li.person[data-identity="leandro moraes"] button.official').click()
    until("the person shows as official",
          lambda: attr('li.person[data-identity="leandro moraes"]', "data-status") == "official")
    shot("4-official")

    # 5. Join two identities.
    one('li.person[data-identity="mei huang"] input.join-pick').click()
    one('li.person[data-identity="sonia xol"] input.join-pick').click()
    until("join is enabled", lambda: driver.find_element(By.ID, "join").is_enabled())
    driver.find_element(By.ID, "join").click()
    until("the join is listed", lambda: driver.find_elements(By.CSS_SELECTOR, 'li.joined[data-identity="sonia xol"]'))
    shot("5-joined")

    # 5b. Withhold page 5 (the end of a message that starts on page 4) with the w key.
    driver.find_element(By.ID, "next-page").click()
    until("page 4 is shown", lambda: driver.execute_script("return document.body.dataset.page") ==
          "city-of-boston-trust-act-records.pdf#4")
    driver.find_element(By.ID, "next-page").click()
    until("page 5 is shown", lambda: driver.execute_script("return document.body.dataset.page") ==
          "city-of-boston-trust-act-records.pdf#5")
    driver.find_element(By.TAG_NAME, "body").send_keys("w")
    until("the page shows as withheld", lambda: driver.execute_script("return document.body.dataset.withheld") == "1")
    until("the toolbar offers to release it", lambda: "Release" in driver.find_element(By.ID, "withhold-page").text)
    until("the queue lists the withheld page",
          lambda: "page(s) 5 withheld" in driver.find_element(By.ID, "documents").text)
    shot("5b-withheld")

    # 6. Publish: the redact pass runs again with the decisions, and the app reloads.
    driver.find_element(By.ID, "publish").click()
    until("publish finishes", lambda: driver.execute_script("return document.body.dataset.publishes") == "1")
    status = driver.find_element(By.ID, "status").text
    step = "publish"
    # remove, add, box, box and its undo (both lines count), official, join, withhold
    if not status.startswith("published with 8 decision(s)"):
        raise SystemExit("publish said: " + status)
    until("the joined person is gone from the list",
          lambda: not driver.find_elements(By.CSS_SELECTOR, 'li.person[data-identity="sonia xol"]'))
    shot("6-published")

    console = [e["message"] for e in driver.get_log("browser")]
    print(json.dumps({"status": status, "console": console}))
except SystemExit as e:
    shot("failed")
    print("step '%s': %s" % (step, e), file=sys.stderr)
    sys.exit(1)
except Exception as e:  # a timeout names the step it waited in
    shot("failed")
    print("step '%s' failed: %s: %s" % (step, type(e).__name__, e), file=sys.stderr)
    sys.exit(1)
finally:
    driver.quit()
