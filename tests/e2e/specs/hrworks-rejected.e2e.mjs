// A well-formed key that HRworks does not know: a plain-language error with the next step, and
// the pasted secret gone from the page once Rust holds it.
import { chooseHrworks, expectText, headingText, keyFile, keys, paste } from "./support.mjs";

describe("HRworks with a rejected key", () => {
  it("says the key was not accepted and what to do", async () => {
    await chooseHrworks();
    await paste("#key-text", keyFile(keys.unknown));

    await browser.waitUntil(async () => (await headingText()).includes("could not connect"), {
      timeoutMsg: "no error result",
    });
    await expectText("h1", "HR Link could not connect to HRworks");
    await expectText(
      '[role="alert"]',
      expect.stringContaining(
        `HRworks did not accept the key pair with the access key ••••••••${keys.unknown.access.slice(-4)}.`,
      ),
    );
    await expectText('[role="alert"]', expect.stringContaining("create a new key pair"));
    await expect($("button=Use a new key")).toBeExisting();
    const html = await browser.execute(() => document.documentElement.outerHTML);
    expect(html).not.toContain(keys.unknown.secret);
  });
});
