#!/usr/bin/python3
"""Open exported notebook HTML in headless Chromium and check that it rendered.

usage: check_html.py HTML...

For each page: no uncaught JavaScript error in the console, and every plotly figure the page holds
(a div with an id `hopfield_plot_...`) was drawn (plotly marks drawn divs `js-plotly-plot` and adds
its `main-svg`). Prints one line per page; exit status 1 when any page fails.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def check(html_path):
    with open(html_path, encoding="utf-8") as f:
        source = f.read()
    plots = set(re.findall(r"id=['\"](hopfield_plot_\w+)['\"]", source))
    profile = tempfile.mkdtemp(prefix="hopfield-chromium-")
    try:
        result = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--user-data-dir=" + profile, "--virtual-time-budget=5000", "--enable-logging=stderr", "--v=0",
             "--dump-dom", "file://" + os.path.abspath(html_path)],
            capture_output=True, text=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    dom, log = result.stdout, result.stderr
    problems = []
    if result.returncode != 0 or "<body" not in dom:
        problems.append(f"chromium did not render the page (exit {result.returncode})")
    errors = [line for line in log.splitlines() if "Uncaught" in line]
    if errors:
        problems.append("JavaScript errors: " + " | ".join(errors[:3]))
    drawn = [p for p in plots if re.search(r'id="' + p + r'"[^>]*class="[^"]*js-plotly-plot', dom)
             or re.search(r'class="[^"]*js-plotly-plot[^"]*"[^>]*id="' + p + '"', dom)]
    if len(drawn) < len(plots):
        problems.append(f"{len(plots) - len(drawn)} of {len(plots)} plots not drawn")
    if plots and "main-svg" not in dom:
        problems.append("no plotly main-svg in the page")
    if problems:
        print(f"{html_path}: " + "; ".join(problems))
        return False
    print(f"{html_path}: rendered, {len(plots)} plot(s) drawn")
    return True


def main():
    results = [check(path) for path in sys.argv[1:]]
    sys.exit(0 if results and all(results) else 1)


if __name__ == "__main__":
    main()
