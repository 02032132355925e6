// Employment Hero: sign-in in the system browser (here a stand-in that clicks through the
// Sandbox's consent page), PKCE and the loopback listener in Rust, then the checks.
import { chooseSystem, expectText, headingText, logins, resultHeading, signInAs } from "./support.mjs";

describe("Employment Hero on the Sandbox", () => {
  it("signs in through the browser and names the organisation", async () => {
    await chooseSystem("Employment Hero");
    await expectText("h1", "Sign in to Employment Hero in your browser");
    signInAs(logins.employmentHero);
    await $("button=Sign in with Employment Hero").click();

    expect(await resultHeading()).toBe(
      "Connected to Sandbox Bakehouse Pty Ltd — is this the right organisation?",
    );
    await expectText("table", expect.stringContaining("Granted"));
    // The Sandbox's app has scopes beyond the selection, one of them to people's full records.
    await expectText(".beyond-selection", expect.stringContaining("employees:show"));
  });

  it("lists the organisation's people and confirms them", async () => {
    await $("button=Continue: check the people").click();
    await browser.waitUntil(async () => (await headingText()) === "Are these your people?", {
      timeout: 60_000,
      timeoutMsg: "the people were not listed",
    });
    await expectText("body", expect.stringMatching(/\d+ people in Employment Hero/));
    const rows = await browser.execute(() => document.querySelector("tbody")?.textContent ?? "");
    expect(rows).toContain("Active");
    await $("button=Yes, these are our people").click();
    await expectText("h1", "Check your answers before saving");
    await $("button=Back").click();
    await expectText("body", expect.stringMatching(/You confirmed \d+ people\./));
  });

});
