#!/usr/bin/env python
"""Screenshots of pages as a signed-in user, to look at what we build.

Usage: .venv/bin/python scripts/screenshots.py USERNAME OUTDIR PATH [PATH ...]
against a server on 127.0.0.1:8000 (make run). Uses Debian's Chromium.
"""

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def main(username, outdir, *paths):
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        if username != "-":
            page.goto(f"{BASE}/logga-in/")
            page.fill("#id_username", username)
            page.fill("#id_password", "demo")
            page.click("button[type=submit]")
        for path in paths:
            page.goto(BASE + path)
            name = path.strip("/").replace("/", "_") or "start"
            page.screenshot(path=str(out / f"{username}-{name}.png"), full_page=True)
            print(out / f"{username}-{name}.png", page.title())
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
