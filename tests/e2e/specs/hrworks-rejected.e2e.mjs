// A well-formed key that HRworks does not know: a plain-language error with the next step, and
// the pasted secret gone from the page once Rust holds it.
import { chooseHrworks, heading, keyFile, keys, paste } from "./support.mjs";

describe("HRworks with a rejected key", () => {
  it("says the key was not accepted and what to do", async () => {
    await chooseHrworks();
    await paste("#key-text", keyFile(keys.unknown));
    await $("button=Continue").click();

    await browser.waitUntil(async () => (await (await heading()).getText()).includes("could not connect"), {
      timeoutMsg: "no error result",
    });
    await expect(await heading()).toHaveText("HR Link could not connect to HRworks");
    const summary = await $('[role="alert"]');
    await expect(summary).toHaveText(expect.stringContaining("HRworks did not accept these credentials."));
    await expect(summary).toHaveText(expect.stringContaining("create a new one"));
    const html = await browser.execute(() => document.documentElement.outerHTML);
    expect(html).not.toContain(keys.unknown.secret);
  });
});
