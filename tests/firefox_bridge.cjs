/*
 * Firefox ESR for the tests, driven by puppeteer-core over WebDriver BiDi.
 *
 * tests/browser_engines.py starts this once per test session and sends one JSON
 * command a line on stdin; each answer is one JSON line on stdout:
 * {"ok": true, "value": ...} or {"ok": false, "error": "..."}.
 * PUPPETEER_CORE is the path of the puppeteer-core package (npm, build/tools);
 * FIREFOX_DOWNLOADS the folder downloads are saved to.
 */
"use strict";

const readline = require("readline");
const puppeteer = require(process.env.PUPPETEER_CORE);

let browser;
let page;

async function newPage() {
  if (page) {
    await page.close();
  }
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
}

const commands = {
  async launch() {
    browser = await puppeteer.launch({
      browser: "firefox",
      executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr",
      headless: true,
      protocol: "webDriverBiDi",
      extraPrefsFirefox: {
        "browser.download.folderList": 2,
        "browser.download.dir": process.env.FIREFOX_DOWNLOADS,
        "browser.download.useDownloadDir": true,
        "browser.download.always_ask_before_handling_new_types": false,
        "browser.download.start_downloads_in_tmp_dir": false,
        "print.always_print_silent": true,
        "print.show_print_progress": false
      }
    });
    await newPage();
    return browser.version ? await browser.version() : "";
  },
  newPage,
  async goto({ url }) {
    await page.goto(url, { waitUntil: "load" });
  },
  async url() {
    return page.url();
  },
  async js({ expression }) {
    return page.evaluate(expression);
  },
  async waitFor({ expression, timeout }) {
    await page.waitForFunction(expression, { timeout: timeout || 10000, polling: 100 });
  },
  async click({ selector }) {
    await page.click(selector);
  },
  async press({ key }) {
    await page.keyboard.press(key);
  },
  async type({ text }) {
    await page.keyboard.type(text);
  },
  async upload({ selector, path }) {
    const input = await page.$(selector);
    await input.uploadFile(path);
  },
  async pdf() {
    const data = await page.pdf({ format: "A4" });
    return Buffer.from(data).toString("base64");
  },
  async back() {
    // A page restored from the back-forward cache sends no "load": do not wait for one.
    await Promise.race([page.goBack(), new Promise((done) => setTimeout(done, 3000))]).catch(() => {});
  },
  async quit() {
    await browser.close();
  }
};

const lines = readline.createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on("line", (line) => {
  queue = queue.then(async () => {
    const { op, ...args } = JSON.parse(line);
    let answer;
    try {
      const value = await commands[op](args);
      answer = { ok: true, value: value === undefined ? null : value };
    } catch (error) {
      answer = { ok: false, error: String(error && error.stack || error) };
    }
    process.stdout.write(JSON.stringify(answer) + "\n");
    if (op === "quit") {
      process.exit(0);
    }
  });
});
