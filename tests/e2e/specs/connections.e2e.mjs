// Saving a verified Sandbox HRworks connection and living with it: it shows as Connected, is
// renamed, is re-authorised with another company's key (refused, naming both companies, until the
// new company's name is typed) and is removed. Real app, real keychain (the private one `run`
// starts), a fresh config dir (wdio.conf.mjs).
import {
  checkedCard,
  chooseHrworks,
  keyFile,
  keys,
  paste,
  sandboxCompany,
  shot,
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
    await $("button=Continue").click();
    await waitForHeading(`Connected to ${sandboxCompany} — is this the right company?`);

    await $("button=Save this connection").click();
    await waitForHeading("Check your answers before saving");
    await expect($(".summary-list")).toHaveText(expect.stringContaining("access key ••••••••0001"));
    await expect($("#connection-label")).toHaveValue(sandboxCompany);
    await shot("connections", "check-answers");
    await typeInto("#connection-label", "Bakery payroll");
    await $("button=Save connection").click();
    await waitForHeading("Connected: Bakery payroll");
    await shot("connections", "saved");
  });

  it("lists it as Connected and renames it", async () => {
    await $("button=See your connections").click();
    await waitForHeading("Your connections");
    let card = await checkedCard();
    await expect(card).toHaveText(expect.stringContaining("Connected"));
    await expect(card).toHaveText(expect.stringContaining(sandboxCompany));
    await expect(card).toHaveText(expect.stringMatching(/Last worked\s*now/));
    await shot("connections", "list");

    await card.$("button*=Rename").click();
    await typeInto('input[id^="rename-"]', "Bäckerei HQ");
    await $("button=Save name").click();
    await expect($("body")).toHaveText(expect.stringContaining("Renamed to Bäckerei HQ."));
    card = await $("li.connection");
    await expect(card.$("h2")).toHaveText("Bäckerei HQ");
  });

  it("refuses another company's key until its name is typed", async () => {
    await (await $("li.connection")).$("button*=Re-authorise").click();
    await waitForHeading("Which HRworks key should HR Link use?");
    await expect($(".wizard__context")).toHaveText("Re-authorise Bäckerei HQ");
    await paste("#key-text", keyFile(keys.otherCompany));
    await $("button=Continue").click();
    await waitForHeading(`Connected to ${otherCompany} — is this the right company?`);
    await $("button=Update connection").click();
    await waitForHeading(`This is ${otherCompany}, but this connection was for ${sandboxCompany}`);
    await shot("connections", "different-company");

    await typeInto("#replacement-name", sandboxCompany);
    await $("button=Replace connection").click();
    await expect($('[role="alert"]')).toHaveText(
      expect.stringContaining(`The name you typed is not ${otherCompany}`),
    );

    await typeInto("#replacement-name", "sandbox  NORDLICHT logistik gmbh");
    await $("button=Replace connection").click();
    await waitForHeading(`Bäckerei HQ now connects to ${otherCompany}`);
  });

  it("shows the replaced connection, then removes it", async () => {
    await $("button=See your connections").click();
    await waitForHeading("Your connections");
    const card = await checkedCard();
    await expect(card).toHaveText(expect.stringContaining("Connected"));
    await expect(card).toHaveText(expect.stringContaining(otherCompany));

    await card.$("button*=Remove").click();
    await waitForHeading("Remove Bäckerei HQ?");
    await expect($("main")).toHaveText(expect.stringContaining("the secret saved in the keychain"));
    await expect($("main")).toHaveText(expect.stringContaining("This does not delete anything in HRworks"));
    await shot("connections", "remove");
    await $("button=Yes, remove it").click();
    await expect($("body")).toHaveText(expect.stringContaining("Removed Bäckerei HQ."));
    await expect($("body")).toHaveText(
      expect.stringContaining("You have not connected an HR system yet."),
    );
  });
});
