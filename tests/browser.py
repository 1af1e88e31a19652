"""Headless Chromium from Debian's packages (never a downloaded browser), for the HTML tests."""

from __future__ import annotations

import shutil

import pytest

# Without the background-networking flags Chromium keeps dialling out on a closed network.
_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage")


def chromium():
    """A selenium driver for /usr/bin/chromium, or skip when the Debian packages are missing."""
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        pytest.skip("chromium and chromedriver (Debian packages) are not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    for arg in _FLAGS:
        opts.add_argument(arg)
    opts.binary_location = shutil.which("chromium")
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=opts)
