#!/usr/bin/env python3
"""Browser test of the search page served by `newsdex serve`.

Drives real headless Chromium through chromedriver's WebDriver protocol
(plain HTTP + JSON, so only the standard library is needed):

  1. type a query; 2. see the results; 3. click a person facet and check
  that the results and the URL change; 4. drag across the timeline, then
  click one bar; 5. open an article; 6. go back; 7. take a screenshot.

It also checks that article text with <script> and <img onerror> shows as
text and runs nothing, that the state is in the URL (a reload reproduces
the view), and that the page works by keyboard (Enter submits the query).

By default it ingests tests/fixtures/serve into a temporary index; --index
uses an existing one (e.g. AllSides, for the README's screenshot). Exits
non-zero, saying which step failed, when any check fails.

    python3 tests/browser/search_page.py --binary target/release/newsdex
"""

import argparse
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
WAIT_SECONDS = 20


class StepFailed(Exception):
    pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class WebDriver:
    """The few WebDriver commands the test needs."""

    def __init__(self, url):
        self.url = url
        self.session = None

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.url + path, data=data, method=method,
            headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.load(response)["value"]
        except urllib.error.HTTPError as e:
            raise StepFailed(f"WebDriver {method} {path}: {e.read().decode()[:500]}")
        except (urllib.error.URLError, ConnectionError) as e:
            raise StepFailed(f"WebDriver {method} {path}: {e}")

    def s(self, method, path, body=None):
        return self.call(method, f"/session/{self.session}{path}", body)

    def start(self, chromium, profile, width, height):
        args = [
            "--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            f"--user-data-dir={profile}", f"--window-size={width},{height}",
        ]
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": chromium, "args": args},
            "goog:loggingPrefs": {"browser": "ALL"},
        }}}
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def quit(self):
        if self.session:
            try:
                self.call("DELETE", f"/session/{self.session}")
            except Exception:
                pass

    def get(self, url):
        self.s("POST", "/url", {"url": url})

    def current_url(self):
        return self.s("GET", "/url")

    def find_all(self, css):
        return [e[ELEMENT] for e in self.s("POST", "/elements", {"using": "css selector", "value": css})]

    def find(self, css):
        found = self.find_all(css)
        if not found:
            raise StepFailed(f"no element matches {css!r}")
        return found[0]

    def click(self, element):
        self.s("POST", f"/element/{element}/click", {})

    def type(self, element, text):
        self.s("POST", f"/element/{element}/value", {"text": text})

    def text(self, element):
        return self.s("GET", f"/element/{element}/text")

    def script(self, source, *args):
        return self.s("POST", "/execute/sync", {"script": source, "args": list(args)})

    def back(self):
        self.s("POST", "/back", {})

    def drag(self, from_element, to_element):
        mouse = {"type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"}, "actions": [
            {"type": "pointerMove", "origin": {ELEMENT: from_element}, "x": 0, "y": 0},
            {"type": "pointerDown", "button": 0},
            {"type": "pointerMove", "origin": {ELEMENT: to_element}, "x": 0, "y": 0, "duration": 200},
            {"type": "pointerUp", "button": 0},
        ]}
        self.s("POST", "/actions", {"actions": [mouse]})
        self.s("DELETE", "/actions")

    def console_errors(self):
        """The page's console errors so far (chromedriver's log)."""
        entries = self.s("POST", "/se/log", {"type": "browser"})
        return [e["message"] for e in entries if e.get("level") == "SEVERE"]

    def screenshot(self, path):
        png = base64.b64decode(self.s("GET", "/screenshot"))
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        with open(path, "wb") as f:
            f.write(png)


def wait_for(what, check):
    """Polls `check` until it returns a true value; fails after a while."""
    deadline = time.time() + WAIT_SECONDS
    last = None
    while time.time() < deadline:
        try:
            value = check()
            if value:
                return value
        except StepFailed as e:
            last = e
        time.sleep(0.1)
    raise StepFailed(f"timed out waiting for {what}" + (f" ({last})" if last else ""))


def summary(d):
    return d.text(d.find("#summary"))


def hits(d):
    return d.script("return [...document.querySelectorAll('#results .hit .title')].map(a => a.textContent)")


def loaded(d):
    """True once the results are in and not loading."""
    return d.script("return !document.querySelector('#results').hasAttribute('aria-busy')"
                    " && document.querySelector('#summary').textContent !== ''")


def run_steps(d, base, query, screenshot, phone_screenshot):
    step = lambda n, text: print(f"step {n}: {text}", flush=True)

    d.get(base + "/")
    step(1, f"type {query!r} into the search box and press Enter")
    box = d.find("#q")
    label = d.script("return document.querySelector('label[for=q]').textContent")
    if not label.strip():
        raise StepFailed("the search box has no label")
    d.type(box, query + "\ue007")  # \ue007 is Enter: the form submits by keyboard.

    step(2, "see the results")
    wait_for("results", lambda: loaded(d) and hits(d))
    first_summary = summary(d)
    first_hits = hits(d)
    url = d.current_url()
    if "q=" not in url:
        raise StepFailed(f"the query is not in the URL: {url}")
    print(f"  {first_summary} first: {first_hits[0]!r}")

    step(3, "click a person facet: the results and the URL change")
    total = d.script("return parseInt(document.querySelector('#summary').textContent, 10)")
    facet = d.script("""
        const buttons = [...document.querySelectorAll('#people .facet')];
        const b = buttons.find(b => parseInt(b.querySelector('.count').textContent, 10) < arguments[0]);
        return b ? b.querySelector('.name').textContent : null;""", total)
    if not facet:
        raise StepFailed("no person facet narrows the results")
    button = d.script("""return [...document.querySelectorAll('#people .facet')]
        .find(b => b.querySelector('.name').textContent === arguments[0])""", facet)
    d.click(button[ELEMENT])
    wait_for("the person in the URL", lambda: "person=" in d.current_url())
    wait_for("new results", lambda: loaded(d) and summary(d) != first_summary)
    print(f"  filtered by {facet!r}: {summary(d)}")
    filtered_url = d.current_url()
    chips = d.script("return [...document.querySelectorAll('#filter-list button')].map(b => b.textContent)")
    if not any(facet in c for c in chips):
        raise StepFailed(f"no active-filter chip for {facet!r}: {chips}")

    step(4, "drag across the timeline, then click one bar")
    bars = d.find_all("#timeline .bar")
    if len(bars) < 2:
        raise StepFailed(f"the timeline has {len(bars)} bars")
    before = summary(d)
    d.drag(bars[0], bars[-1])
    wait_for("since and until in the URL",
             lambda: "since=" in d.current_url() and "until=" in d.current_url())
    wait_for("the results after the drag", lambda: loaded(d))
    print(f"  dragged: {d.current_url().split('?', 1)[1]}")
    full = d.script("return [...document.querySelectorAll('#timeline .bar')].map(b => b.getAttribute('aria-label'))")
    target = next((i for i, label in enumerate(full) if not label.endswith(": 0 articles")), None)
    if target is None:
        raise StepFailed("every bar is empty")
    bars = d.find_all("#timeline .bar")
    d.click(bars[target])
    start = full[target].split(" ")[0].split(":")[0]
    wait_for(f"since={start} in the URL", lambda: f"since={start}" in d.current_url())
    wait_for("the results after the click", lambda: loaded(d) and hits(d))
    print(f"  clicked {full[target]!r}: {summary(d)} (was {before})")

    # Keyboard: the chart is one tab stop and the arrow keys move along it.
    moved = d.script("""
        const bars = [...document.querySelectorAll('#timeline .bar')];
        bars[0].focus();
        bars[0].dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true}));
        return [bars.filter(b => b.tabIndex === 0).length, document.activeElement === bars[1] || bars.length < 2];""")
    if moved != [1, True]:
        raise StepFailed(f"the timeline's arrow keys do not move focus: {moved}")

    step(5, "open an article")
    search_url = d.current_url()
    title = hits(d)[0]
    d.click(d.find("#results .hit .title"))
    wait_for("the article view", lambda: d.script(
        "return !document.querySelector('#article-view').hidden"
        " && document.querySelector('#article-body').textContent.length > 0"))
    if "article=" not in d.current_url():
        raise StepFailed("the article is not in the URL")
    shown = d.text(d.find("#article-title"))
    if shown != title:
        raise StepFailed(f"opened {shown!r}, expected {title!r}")
    print(f"  {shown!r}")

    step(6, "go back to the results")
    d.back()
    wait_for("the search view", lambda: d.script("return !document.querySelector('#search-view').hidden"))
    wait_for("the results", lambda: loaded(d) and hits(d))
    if d.current_url() != search_url:
        raise StepFailed(f"back went to {d.current_url()}, expected {search_url}")
    d.back()
    wait_for("the view before the bar click",
             lambda: d.current_url() != search_url and "since=" in d.current_url())
    wait_for("its results", lambda: loaded(d) and hits(d))
    d.script("history.forward()")
    wait_for("forward again", lambda: d.current_url() == search_url)

    step(7, f"open the related panel of {facet!r} and take a screenshot ({screenshot})")
    d.get(filtered_url)  # a reload from the URL alone reproduces the view
    wait_for("the reloaded results", lambda: loaded(d) and hits(d))
    d.click(d.script("return document.querySelector('#people .related-button')"
                     ".closest('li').parentNode.querySelector('.facet.active + .related-button')")[ELEMENT])
    wait_for("the related panel", lambda: d.script("return !document.querySelector('#related').hidden"))
    if "related=person" not in d.current_url():
        raise StepFailed(f"the related panel is not in the URL: {d.current_url()}")
    related = d.text(d.find("#related-summary"))
    print(f"  {related}")
    wait_for("the results", lambda: loaded(d) and hits(d))
    d.screenshot(screenshot)
    if phone_screenshot:
        url = d.current_url()
        d.s("POST", "/window/rect", {"width": 390, "height": 844})
        d.get(url)
        wait_for("the results on a phone", lambda: loaded(d) and hits(d))
        d.screenshot(phone_screenshot)


def escaping_steps(d, base):
    print("escaping: an article whose title and body hold <script> and <img onerror>", flush=True)
    d.get(base + "/?q=budget")
    wait_for("results", lambda: loaded(d) and hits(d))
    titles = hits(d)
    marked = [t for t in titles if "<script>" in t]
    if not marked:
        raise StepFailed(f"the <script> title is not shown as text: {titles}")
    checks = d.script("""return {
        pwned: window.pwned === undefined ? null : window.pwned,
        images: document.querySelectorAll('img').length,
        scripts: document.querySelectorAll('script').length,
        snippet: [...document.querySelectorAll('.snippet')].map(s => s.textContent).join(' '),
        marks: document.querySelectorAll('.snippet mark').length,
    }""")
    if checks["pwned"] is not None or checks["images"] or checks["scripts"] != 1:
        raise StepFailed(f"article markup became page markup: {checks}")
    if "<img src=x" not in checks["snippet"] or not checks["marks"]:
        raise StepFailed(f"the snippet lost its text or its marks: {checks}")
    d.click(d.script("""return [...document.querySelectorAll('#results .hit .title')]
        .find(a => a.textContent.includes('<script>'))""")[ELEMENT])
    wait_for("the article", lambda: d.script("return !document.querySelector('#article-view').hidden"
                                              " && document.querySelector('#article-body').textContent.length > 0"))
    body = d.text(d.find("#article-body"))
    after = d.script("return [window.pwned === undefined, document.querySelectorAll('img').length]")
    if "<img src=x" not in body or after != [True, 0]:
        raise StepFailed(f"the article body is not plain text: {body!r} {after}")
    print("  shown as text, nothing ran")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, "target/release/newsdex"),
                        help="the newsdex binary (default: target/release/newsdex)")
    parser.add_argument("--index", help="an existing index (default: ingest tests/fixtures/serve)")
    parser.add_argument("--query", default="energy")
    parser.add_argument("--screenshot", default=None, help="PNG path (default: a temporary file)")
    parser.add_argument("--phone-screenshot", default=None, help="also a 390x844 PNG")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--chromedriver", default=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()

    for tool in (args.binary, args.chromium, args.chromedriver):
        if not os.path.exists(tool):
            print(f"browser test FAILED: {tool} not found "
                  "(apt-get install chromium chromium-driver; cargo build)", file=sys.stderr)
            return 2

    work = tempfile.mkdtemp(prefix="newsdex-browser-")
    processes = []
    driver = None
    try:
        index = args.index
        if not index:
            index = os.path.join(work, "index")
            subprocess.run([args.binary, "--index", index, "ingest", "--no-progress",
                            os.path.join(ROOT, "tests/fixtures/serve")], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        server = subprocess.Popen([args.binary, "--index", index, "serve", "--addr", "127.0.0.1:0"],
                                  stdout=subprocess.PIPE, text=True)
        processes.append(server)
        line = server.stdout.readline()
        if "http://" not in line:
            raise StepFailed(f"the server did not start: {line!r}")
        base = line.split("http://", 1)[1].strip().rstrip("/")
        base = "http://" + base

        port = free_port()
        chromedriver = subprocess.Popen([args.chromedriver, f"--port={port}"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        processes.append(chromedriver)
        driver = WebDriver(f"http://127.0.0.1:{port}")
        wait_for("chromedriver", lambda: driver.call("GET", "/status").get("ready"))
        driver.start(args.chromium, os.path.join(work, "profile"), args.width, args.height)

        screenshot = args.screenshot or os.path.join(work, "serve.png")
        run_steps(driver, base, args.query, screenshot, args.phone_screenshot)
        if not args.index:
            escaping_steps(driver, base)
        errors = driver.console_errors()
        if errors:
            raise StepFailed("the page logged errors: " + "; ".join(errors[:5]))
        print(f"screenshot: {screenshot}")
        print("browser: 7 passed, 0 failed")
        return 0
    except (StepFailed, subprocess.CalledProcessError) as e:
        print(f"browser test FAILED: {e}", file=sys.stderr)
        return 1
    finally:
        if driver:
            driver.quit()
        for p in processes:
            p.terminate()
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
