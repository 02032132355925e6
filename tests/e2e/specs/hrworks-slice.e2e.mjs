// The first slice through every layer: choose Sandbox HRworks, load the downloaded key file,
// and the Rust core proves it against the Sandbox over loopback HTTP.
import {
  chooseHrworks,
  expectText,
  headingText,
  keyFile,
  keys,
  sandboxCompany,
  textOf,
  writeChosenFile,
} from "./support.mjs";

describe("HRworks on the Sandbox", () => {
  it("verifies a loaded key file and names the company", async () => {
    await chooseHrworks();
    writeChosenFile(keyFile(keys.valid));
    // The loaded file is checked at once: no Continue.
    await $("button*=Choose the downloaded key file").click();
    await browser.waitUntil(async () => (await headingText()).startsWith("Connected to"), {
      timeoutMsg: "no verification result",
    });
    await expectText("h1", `Connected to ${sandboxCompany} — is this the right company?`);
    await expectText("table", expect.stringContaining("Granted"));
    expect(await textOf("table")).not.toContain("Missing");
    await expectText("body", expect.stringMatching(/\d+ active people/));
    // Back to the key: loaded, and only the masked access key is shown.
    await $("button=Back").click();
    await expectText("body", expect.stringContaining("Key file loaded"));
    await expectText("body", expect.stringContaining("••••0001"));
  });
});
