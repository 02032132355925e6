// Saving a verified Sandbox HRworks connection and living with it: it shows as Connected, is
// renamed, is re-authorised with another company's key (refused, naming both companies, until the
// new company's name is typed) and is removed. Real app, real keychain (the private one `run`
// starts), a fresh config dir (wdio.conf.mjs).
import {
  cardSelector,
  chooseHrworks,
  expectText,
  expectValue,
  keyFile,
  keys,
  paste,
  sandboxCompany,
  shot,
  waitForCheckedCard,
  waitForHeading,
} from "./support.mjs";

const otherCompany = "Sandbox Nordlicht Logistik GmbH";

/** Replaces a field's value as typed (React sees each key). */
async function typeInto(selector, text) {
  const field = await $(selector);
  await field.click();
  await browser.execute((sel) => document.querySelector(sel).select(), selector);
  await browser.keys(["Backspace"]);
  await field.addValue(text);
}

describe("Saved connections on the Sandbox", () => {
  it("saves a verified HRworks key after checking the answers", async () => {
    await chooseHrworks();
    await paste("#key-text", keyFile(keys.valid));
    await waitForHeading(`Connected to ${sandboxCompany} — is this the right company?`);

    await $("button=Save this connection").click();
    await waitForHeading("Check your answers before saving");
    await expectText(".summary-list", expect.stringContaining("access key ••••••••0001"));
    await expectValue("#connection-label", sandboxCompany);
    await shot("connections", "check-answers");
    await typeInto("#connection-label", "Bakery payroll");
    await $("button=Save connection").click();
    await waitForHeading("Connected: Bakery payroll");
    await shot("connections", "saved");
  });

  it("lists it as Connected and renames it", async () => {
    await $("button=See your connections").click();
    await waitForHeading("Your connections");
    await waitForCheckedCard();
    await expectText(cardSelector, expect.stringContaining("Connected"));
    await expectText(cardSelector, expect.stringContaining(sandboxCompany));
    await expectText(cardSelector, expect.stringMatching(/Last worked\s*now/));
    await shot("connections", "list");

    await $(cardSelector).$("button*=Rename").click();
    await typeInto('input[id^="rename-"]', "Bäckerei HQ");
    await $("button=Save name").click();
    await expectText("body", expect.stringContaining("Renamed to Bäckerei HQ."));
    await expectText(`${cardSelector} h2`, "Bäckerei HQ");
  });

  it("refuses another company's key until its name is typed", async () => {
    await $(cardSelector).$("button*=Re-authorise").click();
    await waitForHeading("Which HRworks key should HR Link use?");
    await expectText(".wizard__context", "Re-authorise Bäckerei HQ");
    await paste("#key-text", keyFile(keys.otherCompany));
    await waitForHeading(`Connected to ${otherCompany} — is this the right company?`);
    await $("button=Update connection").click();
    // Check your answers, as for a new connection.
    await waitForHeading("Check your answers before updating Bäckerei HQ");
    await $("button=Update connection").click();
    await waitForHeading(`This is ${otherCompany}, but this connection was for ${sandboxCompany}`);
    await shot("connections", "different-company");

    await typeInto("#replacement-name", sandboxCompany);
    await $("button=Replace connection").click();
    await expectText('[role="alert"]', 
      expect.stringContaining(`The name you typed is not ${otherCompany}`),
    );

    await typeInto("#replacement-name", "sandbox  NORDLICHT logistik gmbh");
    await $("button=Replace connection").click();
    await waitForHeading(`Bäckerei HQ now connects to ${otherCompany}`);
  });

  it("shows the replaced connection, then removes it", async () => {
    await $("button=See your connections").click();
    await waitForHeading("Your connections");
    await waitForCheckedCard();
    await expectText(cardSelector, expect.stringContaining("Connected"));
    await expectText(cardSelector, expect.stringContaining(otherCompany));

    await $(cardSelector).$("button*=Remove").click();
    await waitForHeading("Remove Bäckerei HQ?");
    await expectText("main", expect.stringContaining("the secret saved in the keychain"));
    await expectText("main", expect.stringContaining("This does not delete anything in HRworks"));
    await shot("connections", "remove");
    await $("button=Yes, remove it").click();
    await expectText("body", expect.stringContaining("Removed Bäckerei HQ."));
    await expectText("body", 
      expect.stringContaining("You have not connected an HR system yet."),
    );
  });
});
