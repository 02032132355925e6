// IRIS HR Professional: the API user's name and password, checked against the Sandbox's
// provisional IRIS contract.
import { chooseSystem, heading, logins, paste, resultHeading } from "./support.mjs";

describe("IRIS HR Professional on the Sandbox", () => {
  it("verifies an API user and names the company", async () => {
    await chooseSystem("IRIS HR Professional");
    await expect(await heading()).toHaveText("Which IRIS API user should HR Link use?");
    await paste("#iris-username", logins.iris.user);
    await paste("#iris-password", logins.iris.password);
    await $("button=Continue").click();

    expect(await resultHeading()).toBe("Connected to Sandbox Tea Rooms Ltd — is this the right company?");
    await expect($("table")).toHaveText(expect.stringContaining("Granted"));
    // The Contract tab was not chosen: not checked, but IRIS API users may read it by default,
    // which a calm note says (not a failure).
    await expect($("#permission-contract")).not.toBeExisting();
    const note = await $(".beyond-selection");
    await expect(note).toHaveText(expect.stringContaining("more than you chose to share"));
    await expect(note).toHaveText(expect.stringContaining("Set Rights"));
    const html = await browser.execute(() => document.documentElement.outerHTML);
    expect(html).not.toContain(logins.iris.password);
  });

});
