// The whole wizard, to the end, for each system that is not HRworks (connections.e2e.mjs saves
// an HRworks key): choose it, keep what it shares, hand the credentials over, check, check the
// answers, save into the keychain and see it confirmed. Real app, real keychain, Sandbox.
import {
  chooseSystem,
  expectText,
  logins,
  paste,
  resultHeading,
  shot,
  signInAs,
  waitForHeading,
} from "./support.mjs";

/** From a confirmation page back to the first step, through the connections screen. */
async function startAgain() {
  await $("button=Your connections").click();
  await waitForHeading("Your connections");
  await $("button=Connect a system").click();
  await waitForHeading("Which HR system do you use?");
}

/** Result → check your answers → saved; returns the label it was saved under. */
async function saveAndConfirm(prefix) {
  await $("button=Save this connection").click();
  await waitForHeading("Check your answers before saving");
  const label = await $("#connection-label").getValue();
  expect(label).not.toBe("");
  await $("button=Save connection").click();
  await waitForHeading(`Connected: ${label}`);
  await shot(prefix, "saved");
}

describe("The full wizard for each system", () => {
  it("IRIS HR Professional: API user → check → save", async () => {
    await chooseSystem("IRIS HR Professional", ["Read contract details"]);
    await paste("#iris-username", logins.iris.user);
    await paste("#iris-password", logins.iris.password);
    await $("button=Continue").click();
    expect(await resultHeading()).toBe("Connected to Sandbox Tea Rooms Ltd — is this the right company?");
    await saveAndConfirm("full-wizard-iris");
    await startAgain();
  });

  const signIns = [
    {
      system: "iPayroll",
      login: logins.ipayroll,
      heading: "Connected to iPayroll organisation 49764 — is this the right organisation?",
    },
    {
      system: "Employment Hero",
      login: logins.employmentHero,
      heading: "Connected to Sandbox Bakehouse Pty Ltd — is this the right organisation?",
    },
  ];
  for (const { system, login, heading } of signIns) {
    it(`${system}: sign in through the browser → check → save`, async () => {
      await chooseSystem(system);
      signInAs(login);
      await $(`button=Sign in with ${system}`).click();
      expect(await resultHeading()).toBe(heading);
      await saveAndConfirm(`full-wizard-${system.toLowerCase().replace(" ", "")}`);
      await startAgain();
    });
  }

  it("lists the three saved connections", async () => {
    await $("button=Your connections").click();
    await waitForHeading("Your connections");
    for (const name of ["Sandbox Tea Rooms Ltd", "iPayroll", "Sandbox Bakehouse Pty Ltd"]) {
      await expectText("ul:has(li.connection)", expect.stringContaining(name));
    }
  });
});
