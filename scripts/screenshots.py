#!/usr/bin/env python
"""Screenshots of pages as a signed-in user, to look at what we build.

Usage: .venv/bin/python scripts/screenshots.py [--width PX] USERNAME OUTDIR PATH [PATH ...]
against a server on 127.0.0.1:8000 (make run; BASE_URL for another). USERNAME "-" stays
signed out. --width sets the viewport's width in CSS pixels (default 1280), e.g. 390 or
320 for a phone (WCAG 1.4.10 reflow); the files are then named ...-390px.png. Uses
Debian's Chromium.
"""

import argparse
import os
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def main(username, outdir, paths, width=1280):
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if width == 1280 else f"-{width}px"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": width, "height": 900})
        if username != "-":
            page.goto(f"{BASE}/logga-in/")
            page.fill("#id_username", username)
            page.fill("#id_password", "demo")
            page.click("button[type=submit]")
        for path in paths:
            page.goto(BASE + path)
            name = path.strip("/").replace("/", "_") or "start"
            file = out / f"{username}-{name}{suffix}.png"
            page.screenshot(path=str(file), full_page=True)
            print(file, page.title())
        browser.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--width", type=int, default=1280, help="viewport width in CSS px")
    parser.add_argument("username")
    parser.add_argument("outdir")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    main(args.username, args.outdir, args.paths, width=args.width)
