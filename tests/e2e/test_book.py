"""The web edition (issue 10 item 7), built by tools/build_book.py and read in headless Debian Chromium.

The fixture builds build/book/ (executing what changed; the build time is reported) and serves it from
127.0.0.1. Every chapter page is opened with every request to another host blocked and recorded, and:
- no console error, no failed or blocked request (so nothing came from the network);
- every figure of the executed run is on the page (as many <img> in the outputs as the executed copy
  has images) and loaded (naturalWidth > 0);
- math is typeset by the local MathJax (mjx-container elements, no mjx-merror);
- Hangul is drawn with a Hangul font: the fonts Chromium actually used for the title (DevTools
  CSS.getPlatformFontsForNode) all cover Korean (fontconfig `fc-list :lang=ko`), and two syllables
  drawn on a canvas differ (missing glyphs would be identical boxes);
- each quiz question is readable with its answer folded away in a closed <details>;
- the chapter's ```mermaid diagram, if any, is drawn (an <svg>).
"""
import functools
import http.server
import json
import re
import subprocess
import sys
import threading
import time

import nbformat
import pytest

from .conftest import ARTIFACTS, ROOT

sys.path.insert(0, str(ROOT / "tools"))
import build_book  # noqa: E402

CHAPTERS = [md.stem for md in build_book.chapters()]


@pytest.fixture(scope="session")
def book():
    t0 = time.perf_counter()
    timings = build_book.build()
    timings["fixture_s"] = round(time.perf_counter() - t0, 1)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "book-timings.json").write_text(json.dumps(timings, indent=2))
    print(f"\n[book] built in {timings['total_s']} s: {json.dumps(timings)}")
    return build_book.OUT


@pytest.fixture(scope="session")
def site(book):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(book)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def hangul_fonts():
    out = subprocess.run(["fc-list", ":lang=ko", "family"], capture_output=True, text=True, check=True).stdout
    families = {f.strip() for line in out.splitlines() for f in line.split(",") if f.strip()}
    assert families, "no font with Hangul is installed (apt-get install fonts-nanum)"
    return families


def open_page(browser, site, path):
    """Open one page; returns (page, problems) where problems collects console errors, failed
    requests and requests to other hosts (those are blocked)."""
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    problems = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url} {r.failure}"))
    page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)

    def route(r):
        url = r.request.url
        if url.startswith(site + "/") or url.startswith("data:") or url.startswith("blob:"):
            r.continue_()
        else:
            problems.append(f"request to another host: {url}")
            r.abort()
    page.route("**/*", route)
    page.goto(f"{site}/{path}", wait_until="load")
    page.wait_for_load_state("networkidle")
    return page, problems


def executed(stem):
    return nbformat.read(str(build_book.CACHE / "src" / f"{stem}.ipynb"), as_version=4)


def test_index_links_every_chapter(browser, site):
    page, problems = open_page(browser, site, "index.html")
    hrefs = page.eval_on_selector_all("article a.reference.internal", "els => els.map(e => e.getAttribute('href'))")
    for stem in CHAPTERS:
        assert f"{stem}.html" in hrefs, (stem, hrefs)
    assert problems == []
    page.close()


@pytest.mark.parametrize("stem", CHAPTERS)
def test_chapter_page(browser, site, hangul_fonts, stem):
    nb = executed(stem)
    page, problems = open_page(browser, site, f"{stem}.html")
    try:
        has_math = any(c.cell_type == "markdown" and "$" in c.source for c in nb.cells)
        if has_math:
            page.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise", timeout=30_000)
            page.evaluate("() => MathJax.startup.promise")
        page.evaluate("() => document.fonts.ready.then(() => true)")
        state = page.evaluate("""() => ({
            title: document.querySelector('article h1')?.textContent || '',
            imgs: [...document.querySelectorAll('.cell_output img')].map(i => [i.complete, i.naturalWidth]),
            math: document.querySelectorAll('mjx-container').length,
            mathErrors: document.querySelectorAll('mjx-merror').length,
            details: [...document.querySelectorAll('details.hg-quiz-answer')].map(d =>
                [d.open, d.querySelector('summary').textContent, d.textContent.includes('정답: ')]),
            quizzes: document.querySelectorAll('.hg-quiz-static').length,
            mermaid: [document.querySelectorAll('pre.mermaid').length,
                      document.querySelectorAll('pre.mermaid svg').length],
        })""")
        images = sum(1 for c in nb.cells if c.cell_type == "code" for o in c.outputs
                     if any(k.startswith("image/") for k in o.get("data", {})))
        quiz_cells = sum(1 for c in nb.cells if c.cell_type == "code" and "quiz.ask(" in c.source)

        assert re.match(rf"{int(stem[:2])}장\. ", state["title"]), state["title"]
        assert images > 0 and len(state["imgs"]) == images, (images, state["imgs"])
        assert all(ok and width > 0 for ok, width in state["imgs"]), state["imgs"]
        if has_math:
            assert state["math"] > 0 and state["mathErrors"] == 0, state
        assert state["quizzes"] == quiz_cells >= 3
        assert state["details"] == [[False, "정답과 해설 보기", True]] * quiz_cells
        assert state["mermaid"][0] == state["mermaid"][1], state["mermaid"]

        cdp = page.context.new_cdp_session(page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        h1 = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "article h1"})["nodeId"]
        used = [f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": h1})["fonts"]]
        assert used and set(used) <= hangul_fonts, f"title drawn with {used}, Hangul fonts: {sorted(hangul_fonts)}"
        differ = page.evaluate("""() => {
            const font = getComputedStyle(document.querySelector('article p')).fontFamily;
            const draw = (t) => { const c = document.createElement('canvas'); c.width = 64; c.height = 64;
                const g = c.getContext('2d'); g.font = '40px ' + font; g.fillText(t, 4, 48); return c.toDataURL(); };
            return draw('가') !== draw('나') && draw('한') !== draw('글');
        }""")
        assert differ, "Hangul syllables render identically (boxes instead of glyphs)"
        assert problems == [], problems
        if stem == "05_optimizers":
            page.screenshot(path=str(ARTIFACTS / "book-05.png"), full_page=False)
    finally:
        page.close()
