// Employment Hero Payroll: an API key with its region, against the Sandbox. A key of a user who
// opens two businesses: HR Link asks which one, checks it, lists its people and saves it (the
// key into the keychain, nowhere on the page once handed over).
import { shots } from "./cloud-shots.mjs";
import {
  expectText,
  headingText,
  pageText,
  paste,
  resultHeading,
  shot,
  skipGuide,
  waitForFirstStep,
  waitForHeading,
  waitForPeopleTable,
} from "./support.mjs";

/** The Sandbox's key that reaches two New Zealand businesses (made up; only the Sandbox takes it). */
const TWO_BUSINESSES = "VTJKNFJXaHdWSGR2UW1sNk1EQXdNZz09";
const SYSTEM = "Employment Hero Payroll";

describe("Employment Hero Payroll on the Sandbox", () => {
  it("takes a pasted key and its region, and asks which business", async () => {
    await waitForFirstStep();
    // The card says which of Employment Hero's products it is.
    await expectText("fieldset", expect.stringContaining("Employment Hero Payroll (formerly KeyPay) — API key"));
    await $(`label*=${SYSTEM}`).click();
    await $("button=Continue").click();
    await $(".step-indicator*=Step 2 of ").waitForDisplayed();
    await $("button=Continue").click();
    await skipGuide();
    await expectText("h1", "Which Employment Hero Payroll API key should HR Link use?");
    await shots("credentials", { folder: "employmenthero-payroll" });

    // The key first: with no region chosen yet it waits, masked, showing only its end.
    await paste("#api-key", TWO_BUSINESSES);
    await expectText("#api-key-hint", expect.stringContaining("The key ends in ••••Zz09"));
    expect(await $("#api-key").getAttribute("type")).toBe("password");
    await $("label=New Zealand").click();
    await $("#api-key").scrollIntoView({ block: "center" });
    await shot("employmenthero-payroll", "key-field");
    await shots("credentials-filled", { folder: "employmenthero-payroll" });
    await $("button=Continue").click();

    await waitForHeading("Employment Hero Payroll key checked: which business is this for?");
    await expect($(".error-summary")).not.toBeExisting();
    await expectText("fieldset", expect.stringContaining("Sandbox Harbourside Catering"), { timeout: 30_000 });
    await shots("businesses", { folder: "employmenthero-payroll" });
    await $("label=Sandbox Harbourside Bakery").click();
    await $("button=Check this business").click();
    await browser.waitUntil(async () => (await headingText()).startsWith("Connected to Sandbox Harbourside Bakery"), {
      timeout: 30_000,
      timeoutMsg: "the chosen business was not checked",
    });
    expect(await resultHeading()).toBe("Connected to Sandbox Harbourside Bakery — is this the right company?");
    await expectText("table", expect.stringContaining("Granted"));
    expect(await pageText()).not.toContain(TWO_BUSINESSES);
  });

  it("lists the business's people, then saves the connection", async () => {
    await $("button=Continue: check the people").click();
    await waitForPeopleTable();
    await expectText("body", expect.stringMatching(/\d+ people in Employment Hero Payroll/));
    await $("button=Yes, these are our people").click();
    await waitForHeading("Check your answers before saving");
    const label = await $("#connection-label").getValue();
    expect(label).toBe("Sandbox Harbourside Bakery");
    await $("button=Save connection").click();
    await waitForHeading(`Connected: ${label}`);
    await shot("employmenthero-payroll", "saved");
    expect(await pageText()).not.toContain(TWO_BUSINESSES);
  });
});
