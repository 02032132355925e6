// The webview cannot be navigated away from the app (issue 15, item 9): a web page goes to
// the system browser (here the stand-in browser, which records it), anything else is refused.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { expectText, waitForFirstStep } from "./support.mjs";

const opened = process.env.HRLINK_E2E_OPENED;
const openedUrls = () => (existsSync(opened) ? readFileSync(opened, "utf8") : "");

describe("Navigation", () => {
  it("keeps the app in its window and sends web pages to the system browser", async () => {
    rmSync(opened, { force: true });
    await waitForFirstStep();
    const own = await browser.getUrl();
    await browser.execute(() => {
      window.location.href = "https://evil.example/phish";
    });
    await browser.waitUntil(() => openedUrls().includes("https://evil.example/phish"), {
      timeoutMsg: "the page was not handed to the system browser",
    });
    await browser.execute(() => {
      window.location.href = "http://evil.example/plain";
    });
    await browser.execute(() => {
      window.location.href = "file:///etc/passwd";
    });
    // Still the app, on its own page, and only the https page went to the browser.
    await waitForFirstStep();
    await expectText("body", expect.stringContaining("Demo mode"));
    expect(await browser.getUrl()).toBe(own);
    expect(openedUrls()).not.toContain("evil.example/plain");
    expect(openedUrls()).not.toContain("/etc/passwd");
  });
});
