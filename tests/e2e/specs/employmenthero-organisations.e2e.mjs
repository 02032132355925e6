// Employment Hero: a partner user's sign-in reaches two organisations. HR Link asks which one the
// connection is for (by name), checks that one and counts its people.
import {
  chooseSystem,
  expectText,
  headingText,
  logins,
  resultHeading,
  shot,
  signInAs,
  waitForHeading,
} from "./support.mjs";

describe("Employment Hero with a sign-in that reaches several organisations", () => {
  it("asks which organisation and checks the one chosen", async () => {
    await chooseSystem("Employment Hero");
    signInAs(logins.employmentHeroPartner);
    await $("button=Sign in with Employment Hero").click();

    // A question to answer, not an error: no error summary.
    await waitForHeading("Signed in to Employment Hero: which organisation is this for?");
    await expect($(".error-summary")).not.toBeExisting();
    await expectText("fieldset", expect.stringContaining("Which Employment Hero organisation is this connection for?"), {
      timeout: 30_000,
    });
    await expectText("fieldset", expect.stringContaining("Sandbox Bakehouse Pty Ltd"));
    await shot("employmenthero-organisations", "choice");

    await $("label=Sandbox Holdings Pty Ltd").click();
    await $("button=Check this organisation").click();
    await browser.waitUntil(
      async () => (await headingText()).startsWith("Connected to Sandbox Holdings"),
      { timeout: 30_000, timeoutMsg: "the chosen organisation was not checked" },
    );
    expect(await resultHeading()).toBe(
      "Connected to Sandbox Holdings Pty Ltd — is this the right organisation?",
    );
    await expectText("dl", expect.stringContaining("0 people in all, former staff included"));
    await shot("employmenthero-organisations", "chosen");
  });
});
