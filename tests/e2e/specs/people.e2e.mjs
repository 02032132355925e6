// The People step: after the check, read everyone from the Sandbox, then compare them with the
// admin's roster (the app reads the core's fixture instead of opening the dialog).
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import {
  artifacts,
  chooseHrworks,
  expectText,
  headingText,
  keyFile,
  keys,
  sandboxCompany,
  waitForPeopleTable,
  writeChosenFile,
} from "./support.mjs";

describe("People on the Sandbox", () => {
  it("lists the HRworks people and compares them with a roster", async () => {
    await chooseHrworks();
    writeChosenFile(keyFile(keys.valid));
    // The loaded file is checked at once.
    await $("button*=Choose the downloaded key file").click();
    await browser.waitUntil(async () => (await headingText()).startsWith("Connected to"), {
      timeoutMsg: "no verification result",
    });
    await expectText("h1", `Connected to ${sandboxCompany} — is this the right company?`);
    await expectText("body", expect.stringMatching(/\d+ active people/));

    await $("button=Continue: check the people").click();
    await waitForPeopleTable();
    // Everyone in the Sandbox's company (250), active or not.
    await expectText("body", expect.stringContaining("250 people in HRworks"));
    await browser.setWindowSize(1280, 800);
    await browser.saveScreenshot(path.join(artifacts, "people-listed.png"));
    // The table renders only the rows in view (virtualised): a screenful, not 250.
    await $("table").scrollIntoView();
    const rows = await browser.execute(() => document.querySelectorAll("tbody tr").length);
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(40);
    const text = await browser.execute(() => document.querySelector("tbody")?.textContent ?? "");
    expect(text).toContain("Active");
    await browser.saveScreenshot(path.join(artifacts, "people-table.png"));

    await $("button=Compare with your records").click();
    await expectText("body", expect.stringMatching(/Read \d+ people from your file/));
    await expectText('[data-category="only_in_existing"] .people-counts__value', /^\d+$/);
    await expectText('[data-category="matched"] .people-counts__value', /^\d+$/);
    await $("#counts-heading").scrollIntoView();
    await browser.saveScreenshot(path.join(artifacts, "people-compared.png"));

    // Export: Rust writes the CSV where the (stand-in) save dialog says.
    const exported = process.env.HRLINK_E2E_CHOSEN_EXPORT;
    rmSync(exported, { force: true });
    await $("button=Export this list (CSV)").click();
    await expectText("body", expect.stringContaining("The list was saved as a CSV file."));
    expect(existsSync(exported)).toBe(true);
    const lines = readFileSync(exported, "utf8").trim().split("\n");
    expect(lines[0]).toMatch(/^category,hr_name,hr_email,/);
    // Everyone from HRworks and every record only in the file, one line each.
    expect(lines.length).toBeGreaterThan(250);
    // Formula-safe: no cell starts a formula.
    expect(lines.some((line) => /(^|,)[=+@]/.test(line))).toBe(false);
    rmSync(exported, { force: true });

    await $("button=Yes, these are our people").click();
    await expectText("h1", "Check your answers before saving");
  });
});
