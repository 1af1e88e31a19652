"""Take the review desk's screenshots for docs/review.md with Debian's headless Chromium.

    python docs/review_screenshots.py

Copies the sample corpus and glossary to a temporary folder, serves the desk on
127.0.0.1 and saves docs/review-queue.png, review-flag.png, review-fixed.png and
review-proposals.png (the sample files in the repository are never touched).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars")


def main() -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from bilingual.review.desk import Desk, Settings
    from bilingual.review.server import prepare

    work = Path(tempfile.mkdtemp(prefix="review-shots-"))
    shutil.copytree(ROOT / "corpus", work / "corpus", ignore=shutil.ignore_patterns(".bilingual"))
    shutil.copy(ROOT / "glossary.csv", work / "glossary.csv")
    os.chdir(work)  # paths on the pages read as an editor's would: corpus/<slug>/ru.md
    desk = Desk.open(Settings([Path("corpus")], Path("glossary.csv"), Path(".bilingual-baseline.json"),
                              author="Anna Editor"))
    server = prepare(desk)
    server.start()
    opts = webdriver.ChromeOptions()
    for flag in FLAGS:
        opts.add_argument(flag)
    opts.binary_location = shutil.which("chromium")
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=opts)
    base = f"http://127.0.0.1:{server.port}"
    try:
        driver.set_window_size(1280, 860)
        driver.get(server.url)
        body = driver.find_element("tag name", "body")
        body.send_keys("j")
        body.send_keys("j")
        driver.save_screenshot(str(ROOT / "docs" / "review-queue.png"))
        fid = next(it.id for it in desk.queue()[0] if it.flag.kind == "forbidden_variant")
        driver.set_window_size(1280, 1400)
        driver.get(f"{base}/flag/{fid}")
        driver.save_screenshot(str(ROOT / "docs" / "review-flag.png"))
        driver.set_window_size(1280, 760)
        driver.find_element("css selector", "#fix button").click()
        for _ in range(600):
            if driver.find_elements("id", "done"):
                break
            time.sleep(0.1)
        driver.save_screenshot(str(ROOT / "docs" / "review-fixed.png"))
        driver.set_window_size(1280, 900)
        driver.get(f"{base}/proposals")
        for _ in range(600):
            if driver.find_elements("id", "proposal-count"):
                break
            time.sleep(0.2)
            driver.get(f"{base}/proposals")
        driver.save_screenshot(str(ROOT / "docs" / "review-proposals.png"))
    finally:
        driver.quit()
        server.stop()
        os.chdir(ROOT)
        shutil.rmtree(work, ignore_errors=True)
    print("wrote docs/review-queue.png, review-flag.png, review-fixed.png, review-proposals.png")


if __name__ == "__main__":
    main()
