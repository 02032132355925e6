// The first slice through every layer: choose Sandbox HRworks, load the downloaded key file,
// and the Rust core proves it against the Sandbox over loopback HTTP.
import { chooseHrworks, heading, keyFile, keys, sandboxCompany, writeChosenFile } from "./support.mjs";

describe("HRworks on the Sandbox", () => {
  it("verifies a loaded key file and names the company", async () => {
    await chooseHrworks();
    writeChosenFile(keyFile(keys.valid));
    await $("button*=Choose the downloaded key file").click();
    await expect($("body")).toHaveText(expect.stringContaining("Key file loaded"));
    // Only the masked access key is shown.
    await expect($("body")).toHaveText(expect.stringContaining("••••0001"));
    await $("button=Continue").click();

    await browser.waitUntil(async () => (await (await heading()).getText()).startsWith("Connected to"), {
      timeoutMsg: "no verification result",
    });
    await expect(await heading()).toHaveText(`Connected to ${sandboxCompany} — is this the right company?`);
    const table = await $("table");
    await expect(table).toHaveText(expect.stringContaining("Granted"));
    await expect(table).not.toHaveText(expect.stringContaining("Missing"));
    await expect($("body")).toHaveText(expect.stringMatching(/\d+ active people/));
  });
});
