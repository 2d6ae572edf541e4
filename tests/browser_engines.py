"""The three browser engines behind one small interface, for tests/test_engines.py.

- Chromium: Debian's, through Playwright (as every other browser test).
- Firefox ESR: Debian's ``/usr/bin/firefox-esr``, through ``puppeteer-core``
  (npm, in build/tools) over WebDriver BiDi; tests/firefox_bridge.cjs takes
  one JSON command a line. No geckodriver, no browser download.
- WebKitGTK: Debian's MiniBrowser in automation mode, through Python's
  ``selenium`` and Debian's ``WebKitWebDriver``, on a virtual X server
  (``Xvfb``) that this module starts and stops.

Each engine acts as a reader does: it clicks, presses keys, types into the
focused control, picks a file in a file input, and saves downloads into a
folder. ``js`` reads the page (never the tool's own variables). One browser
process per engine per test session.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BRIDGE = Path(__file__).resolve().parent / "firefox_bridge.cjs"
PUPPETEER_CORE = ROOT / "build" / "tools" / "node_modules" / "puppeteer-core"
FIREFOX = "/usr/bin/firefox-esr"
WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSER_GLOB = "/usr/lib/*/webkit2gtk-4.1/MiniBrowser"
VIEWPORT = {"width": 1280, "height": 800}

# Marks an element found by what a reader sees, so each driver can act on it by a selector.
_MARK = """(function (kind, text) {
  var shown = function (el) { return el.getClientRects().length > 0; };
  var found = null;
  if (kind === "button") {
    found = [].slice.call(document.querySelectorAll("button, a")).filter(shown)
      .find(function (el) { return el.textContent.trim() === text; });
  } else if (kind === "label") {
    var label = [].slice.call(document.querySelectorAll("label"))
      .filter(function (l) { return l.control && (shown(l.control) || l.control.type === "file"); })
      .find(function (l) { return l.textContent.trim() === text; });
    found = label && label.control;
  } else if (kind === "checkbox") {
    var box = [].slice.call(document.querySelectorAll("label"))
      .find(function (l) { return l.textContent.trim() === text && l.control && l.control.type === "checkbox"; });
    found = box;
  } else {
    found = document.querySelector(text);
  }
  if (!found) { return null; }
  window.__engineMarks = (window.__engineMarks || 0) + 1;
  found.setAttribute("data-engine-mark", String(window.__engineMarks));
  return "[data-engine-mark='" + window.__engineMarks + "']";
})(%s, %s)"""


class EngineError(AssertionError):
    """An engine could not do what a reader would do."""


class Engine:
    """What every engine offers; subclasses do it with their driver."""

    name = "engine"
    can_print_to_pdf = False

    def __init__(self, downloads: Path):
        self.downloads = downloads
        downloads.mkdir(parents=True, exist_ok=True)

    # --- acting as a reader ------------------------------------------------
    def find(self, kind: str, text: str) -> str:
        selector = self.js(_MARK % (json.dumps(kind), json.dumps(text)))
        if not selector:
            raise EngineError(f"{self.name}: no {kind} {text!r} on {self.url()}")
        return selector

    def press_button(self, text: str) -> None:
        self.click(self.find("button", text))

    def fill(self, label: str, text: str) -> None:
        """Focus the control labelled ``label``, empty it, and type ``text`` with the keyboard."""
        selector = self.find("label", label)
        self.js(f"(function (el) {{ el.value = ''; el.focus(); return true; }})(document.querySelector({selector!r}))")
        self.type(text)

    def wait(self, expression: str, timeout: float = 15, what: str = "") -> object:
        deadline = time.monotonic() + timeout
        while True:
            try:
                value = self.js(expression)
            except Exception:  # the page is changing (a navigation): ask again
                value = None
            if value:
                return value
            if time.monotonic() > deadline:
                raise EngineError(f"{self.name}: waited {timeout} s for {what or expression} on {self.url()}")
            time.sleep(0.1)

    def text(self, selector: str = "body") -> str:
        return self.js(f"(document.querySelector({selector!r}) || {{innerText: ''}}).innerText") or ""

    def download(self, action) -> Path:
        """Run ``action`` (a click) and return the file it downloads."""
        before = set(self.downloads.iterdir())
        action()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            new = [p for p in set(self.downloads.iterdir()) - before
                   if not p.name.endswith((".part", ".download", ".crdownload")) and p.stat().st_size > 0]
            if new:
                time.sleep(0.3)  # let the browser finish writing
                return new[0]
            time.sleep(0.1)
        raise EngineError(f"{self.name}: no download arrived in {self.downloads}")

    def pdf_text(self) -> str:
        raise EngineError(f"{self.name}: cannot print to PDF through its driver")

    # --- driver-specific ---------------------------------------------------
    def goto(self, url: str) -> None: ...
    def url(self) -> str: ...
    def js(self, expression: str): ...
    def click(self, selector: str) -> None: ...
    def press(self, key: str) -> None: ...
    def type(self, text: str) -> None: ...
    def upload(self, selector: str, path: Path) -> None: ...
    def back(self) -> None: ...
    def fresh(self) -> None:
        """A new tab with an empty history."""
    def quit(self) -> None: ...


def _pdf_to_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


class Chromium(Engine):
    name = "chromium"
    can_print_to_pdf = True

    def __init__(self, browser, downloads: Path):
        super().__init__(downloads)
        self.browser = browser
        self.context = None
        self.pending: list = []
        self.fresh()

    def fresh(self) -> None:
        if self.context:
            self.context.close()
        self.context = self.browser.new_context(viewport=VIEWPORT, accept_downloads=True)
        self.page = self.context.new_page()
        self.page.on("download", lambda item: self.pending.append(item))

    def download(self, action) -> Path:
        count = len(self.pending)
        action()
        deadline = time.monotonic() + 30
        while len(self.pending) == count:
            if time.monotonic() > deadline:
                raise EngineError("chromium: no download arrived")
            self.page.wait_for_timeout(100)
        item = self.pending[-1]
        target = self.downloads / f"{len(self.pending)}-{item.suggested_filename}"
        item.save_as(target)
        return target

    def pdf_text(self) -> str:
        return _pdf_to_text(self.page.pdf(format="A4"))

    def goto(self, url):
        self.page.goto(url, wait_until="load")

    def url(self):
        return self.page.url

    def js(self, expression):
        return self.page.evaluate(expression)

    def click(self, selector):
        self.page.click(selector)

    def press(self, key):
        self.page.keyboard.press(key)

    def type(self, text):
        self.page.keyboard.type(text)

    def upload(self, selector, path):
        self.page.set_input_files(selector, str(path))

    def back(self):
        self.page.go_back(wait_until="load")

    def quit(self):
        if self.context:
            self.context.close()


class Firefox(Engine):
    name = "firefox"
    can_print_to_pdf = True

    def __init__(self, downloads: Path):
        super().__init__(downloads)
        if not (PUPPETEER_CORE / "package.json").exists():
            raise EngineError(f"{PUPPETEER_CORE} missing: run the README's test command, which installs it")
        env = {**os.environ, "PUPPETEER_CORE": str(PUPPETEER_CORE), "FIREFOX": FIREFOX,
               "FIREFOX_DOWNLOADS": str(downloads), "PUPPETEER_SKIP_DOWNLOAD": "1"}
        self.process = subprocess.Popen(["node", str(BRIDGE)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True, env=env, cwd=ROOT)
        self.version = self._call("launch")

    def _call(self, op: str, **args):
        self.process.stdin.write(json.dumps({"op": op, **args}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise EngineError(f"firefox: the bridge stopped (exit {self.process.poll()})")
        answer = json.loads(line)
        if not answer["ok"]:
            raise EngineError(f"firefox: {op}: {answer['error']}")
        return answer["value"]

    def fresh(self):
        self._call("newPage")

    def pdf_text(self) -> str:
        return _pdf_to_text(base64.b64decode(self._call("pdf")))

    def goto(self, url):
        self._call("goto", url=url)

    def url(self):
        return self._call("url")

    def js(self, expression):
        return self._call("js", expression=expression)

    def click(self, selector):
        self._call("click", selector=selector)

    def press(self, key):
        self._call("press", key=key)

    def type(self, text):
        self._call("type", text=text)

    def upload(self, selector, path):
        self._call("upload", selector=selector, path=str(path))

    def back(self):
        self._call("back")

    def quit(self):
        try:
            self._call("quit")
        finally:
            self.process.wait(timeout=30)


class WebKit(Engine):
    name = "webkit"

    def __init__(self, downloads: Path):
        super().__init__(downloads)
        import glob

        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service

        browsers = glob.glob(MINIBROWSER_GLOB)
        if not browsers or not Path(WEBKIT_DRIVER).exists() or not shutil.which("Xvfb"):
            raise EngineError("WebKitGTK, WebKitWebDriver or Xvfb missing: run the README's test command")
        self.xvfb, display = _start_xvfb()
        options = Options()
        options.binary_location = browsers[0]
        options.add_argument("--automation")
        # MiniBrowser saves downloads in its home folder: a folder of the test's own.
        env = {**os.environ, "DISPLAY": display, "HOME": str(downloads)}
        try:
            self.driver = webdriver.WebKitGTK(options=options,
                                              service=Service(executable_path=WEBKIT_DRIVER, env=env))
        except Exception:
            self.xvfb.terminate()
            raise
        self.driver.set_window_size(VIEWPORT["width"], VIEWPORT["height"])

    def download(self, action) -> Path:
        # MiniBrowser keeps its caches under its home folder too: only files at its top count. A file
        # with the name of an earlier download is written over, so a changed one counts as new.
        def files():
            return {p: p.stat().st_mtime_ns for p in self.downloads.iterdir() if p.is_file()}

        before = files()
        action()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            new = [p for p, stamp in files().items() if before.get(p) != stamp
                   and not p.name.endswith(".download") and p.stat().st_size > 0]
            if new:
                time.sleep(0.3)
                return new[0]
            time.sleep(0.1)
        raise EngineError(f"webkit: no download arrived in {self.downloads}")

    def fresh(self):
        # A WebKitWebDriver session has one window; an empty page stands for a new tab.
        self.driver.get("about:blank")

    def goto(self, url):
        self.driver.get(url)

    def url(self):
        return self.driver.current_url

    def js(self, expression):
        return self.driver.execute_script(f"return ({expression});")

    def click(self, selector):
        from selenium.common.exceptions import ElementNotInteractableException
        from selenium.webdriver.common.by import By

        element = self.driver.find_element(By.CSS_SELECTOR, selector)
        try:
            element.click()
        except ElementNotInteractableException:
            # WebKitWebDriver refuses a button it has not scrolled to yet (seen after a
            # page's panel opens): bring it to the middle of the window, as a reader would.
            self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
            time.sleep(0.3)
            element.click()

    def press(self, key):
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.keys import Keys

        code = {"Shift": Keys.SHIFT, "Escape": Keys.ESCAPE, "Enter": Keys.ENTER, "Tab": Keys.TAB}[key]
        chain = ActionChains(self.driver)
        if key == "Shift":
            chain.key_down(code).key_up(code)
        else:
            chain.send_keys(code)
        chain.perform()

    def type(self, text):
        from selenium.webdriver.common.action_chains import ActionChains

        ActionChains(self.driver).send_keys(text).perform()

    def upload(self, selector, path):
        from selenium.webdriver.common.by import By

        self.driver.find_element(By.CSS_SELECTOR, selector).send_keys(str(path))

    def back(self):
        self.driver.back()

    def quit(self):
        try:
            self.driver.quit()
        finally:
            self.xvfb.terminate()
            self.xvfb.wait(timeout=10)


def _start_xvfb() -> tuple[subprocess.Popen, str]:
    """A virtual X server on a free display (Xvfb picks it and tells us through a pipe)."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              pass_fds=[write], stderr=subprocess.DEVNULL)
    os.close(write)
    number = b""
    deadline = time.monotonic() + 20
    while not number.endswith(b"\n"):
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            raise EngineError("Xvfb did not start")
        number += os.read(read, 16)
    os.close(read)
    return server, ":" + number.decode().strip()
