// Re-authorising a delivered connection goes through the product (HANDOFF.md §2.5): the app in
// cloud mode delivers HRworks to the Sandbox product, the product finds the credential failing,
// the card's Re-authorise leads to the code page, the product's re-authorise code with another
// company's key is refused before anything is sent, and with a new key of the same company the
// connection is delivered again and the product shows it working.
import { cells, enterCode, issueCode, receivedRows, setStatus } from "./cloud-product-page.mjs";
import { shots } from "./cloud-shots.mjs";
import {
  appStartTimeout,
  cardSelector,
  expectText,
  keys,
  pasteKeyAndCheck,
  sandboxCompany,
  skipGuide,
} from "./support.mjs";

/** From a confirmed code with HRworks fixed: what to share, the guide, the key, its check. */
async function checkKey(pair) {
  await $("button=Yes, continue").click();
  await $(".step-indicator*=Step 2 of ").waitForDisplayed();
  await $("button=Continue").click();
  await skipGuide();
  return pasteKeyAndCheck(pair);
}

/** The Connections screen afresh (it asks the product for each delivered connection's status). */
async function connectionsAfresh() {
  await $("button=Connect a system").click();
  await expectText("h1", "Enter the code from Acme Rostering");
  await $("button=Your connections").click();
}

const deliveredCard = `.delivered ${cardSelector}`;

describe("Re-authorising a delivered connection through the product", () => {
  let connection = null;

  it("delivers HRworks, then shows it failing as the product reports it", async () => {
    const before = await receivedRows();
    await enterCode("HRL-HRWK-2026", { timeout: appStartTimeout });
    await expectText("h1", "Connect your HR system to Acme Rostering for Kōwhai Gardening Ltd?");
    expect(await checkKey(keys.valid)).toBe(
      `Connected to ${sandboxCompany} — is this the right company?`,
    );
    await $("button=Send to Acme Rostering").click();
    await expectText("h1", "Acme Rostering now has your HRworks connection", { timeout: 30_000 });
    const added = (await receivedRows()).filter((row) => !before.includes(row));
    expect(added).toHaveLength(1);
    connection = cells(added[0])[0];

    // The product finds the key no longer works (it was deleted in HRworks).
    await setStatus(connection, "failed_auth");
    await $("button=See your connections").click();
    await connectionsAfresh();
    await expectText(deliveredCard, expect.stringContaining("Sign-in refused, says Acme Rostering"));
    await $(deliveredCard).$("summary*=Re-authorise").click();
    await expectText(deliveredCard, expect.stringContaining("renewing it starts there"));
    // The explanation and its button, in view (they are below the card's facts).
    await shots("reauthorise-card", { scrollTo: () => $(deliveredCard).$(".details button") });
  });

  it("refuses another company's key for the product's re-authorise code, before sending", async () => {
    const code = await issueCode({ reauthorise: connection });
    await $(deliveredCard).$("button=Enter the code from Acme Rostering").click();
    await enterCode(code);
    await expectText(
      "body",
      expect.stringContaining(
        `Acme Rostering asks you to renew the connection to HRworks for ${sandboxCompany}.`,
      ),
    );
    await shots("reauthorise-confirm");
    const before = await receivedRows();
    expect(await checkKey(keys.otherCompany)).toBe(
      "Connected to Sandbox Nordlicht Logistik GmbH — is this the right company?",
    );
    await expectText(".wizard__context", `Re-authorise HRworks for ${sandboxCompany}`);
    await $("button=Send to Acme Rostering").click();
    await expectText("h1", "This is not the company Acme Rostering expects");
    await expectText("body", expect.stringContaining("Nothing was sent."));
    await shots("reauthorise-other-company");
    // The product received nothing: its connection is still the failing one.
    expect(await receivedRows()).toEqual(before);
  });

  it("delivers the same company's new key again, and the product shows it working", async () => {
    await $("button=Back").click();
    await $("button=No, use a different key").click();
    expect(await pasteKeyAndCheck(keys.reissued)).toBe(
      `Connected to ${sandboxCompany} — is this the right company?`,
    );
    await $("button=Send to Acme Rostering").click();
    await expectText("h1", "Acme Rostering now has your HRworks connection", { timeout: 30_000 });
    const row = (await receivedRows()).find((r) => cells(r)[0] === connection);
    expect(cells(row)).toEqual(expect.arrayContaining(["hrworks", sandboxCompany, "connected"]));
    expect(row).not.toContain(keys.reissued.secret);
    await $("button=See your connections").click();
    await expectText(deliveredCard, expect.stringContaining("Connected, says Acme Rostering"));
    expect(await $$(deliveredCard).length).toBe(1);
  });
});
