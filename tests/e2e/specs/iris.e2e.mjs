// IRIS HR Professional: the API user's name and password, checked against the Sandbox's
// provisional IRIS contract.
import { chooseSystem, expectText, logins, paste, resultHeading } from "./support.mjs";

describe("IRIS HR Professional on the Sandbox", () => {
  it("verifies an API user and names the company", async () => {
    await chooseSystem("IRIS HR Professional");
    await expectText("h1", "Which IRIS API user should HR Link use?");
    await paste("#iris-username", logins.iris.user);
    await paste("#iris-password", logins.iris.password);
    await $("button=Continue").click();

    expect(await resultHeading()).toBe("Connected to Sandbox Tea Rooms Ltd — is this the right company?");
    await expectText("table", expect.stringContaining("Granted"));
    // The Contract tab was not chosen: not checked, but IRIS API users may read it by default,
    // which a calm note says (not a failure).
    await expect($("#permission-contract")).not.toBeExisting();
    await expectText(".beyond-selection", expect.stringContaining("more than you chose to share"));
    await expectText(".beyond-selection", expect.stringContaining("Set Rights"));
    const html = await browser.execute(() => document.documentElement.outerHTML);
    expect(html).not.toContain(logins.iris.password);
  });

});
