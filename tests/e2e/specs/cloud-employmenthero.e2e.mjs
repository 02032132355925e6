// A browser sign-in delivered from the app (HANDOFF.md §2.3–2.4): in cloud mode HR Link signs
// in to Employment Hero with Acme Rostering's OAuth client, the Sandbox product exchanges the
// code (and keeps the refresh token), HR Link checks with the access token, the admin confirms
// the people, and the product receives an `oauth_exchanged` connection with their count.
import { cells, enterCode, issueCode, receivedRows } from "./cloud-product-page.mjs";
import { shots } from "./cloud-shots.mjs";
import {
  appStartTimeout,
  expectText,
  listPeople,
  logins,
  resultHeading,
  signInAs,
  skipGuide,
} from "./support.mjs";

describe("Cloud delivery of an Employment Hero sign-in", () => {
  it("signs in for the product, confirms the people and delivers", async () => {
    const code = await issueCode({ provider: "employmenthero" });
    const before = await receivedRows();
    await enterCode(code, { timeout: appStartTimeout });
    await expectText("h1", "Connect your HR system to Acme Rostering for Kōwhai Gardening Ltd?");
    await $("button=Yes, continue").click();
    await $(".step-indicator*=Step 2 of ").waitForDisplayed();
    await $("button=Continue").click();
    await skipGuide();
    // The same sign-in step as in local mode.
    await expectText("h1", "Sign in to Employment Hero in your browser");
    await shots("employmenthero-sign-in");
    signInAs(logins.employmentHero);
    await $("button=Sign in with Employment Hero").click();
    expect(await resultHeading()).toBe(
      "Connected to Sandbox Bakehouse Pty Ltd — is this the right organisation?",
    );

    await listPeople();
    const listed = await $("body").getText();
    const count = Number(/(\d+) people in Employment Hero/.exec(listed)?.[1]);
    expect(count).toBeGreaterThan(0);
    await $("button=Yes, these are our people").click();
    await expectText("h1", "Acme Rostering now has your Employment Hero connection", {
      timeout: 30_000,
    });
    await shots("employmenthero-delivered");

    const added = (await receivedRows()).filter((row) => !before.includes(row));
    expect(added).toHaveLength(1);
    const [, provider, account, credential, people, status] = cells(added[0]);
    expect([provider, account, status]).toEqual([
      "employmenthero",
      "Sandbox Bakehouse Pty Ltd",
      "connected",
    ]);
    expect(credential).toMatch(/^oauth_exchanged/);
    // The people the admin confirmed travelled with the connection.
    expect(Number(people)).toBe(count);
  });
});
