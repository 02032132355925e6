// iPayroll: sign in as the API user in the browser (a stand-in clicks through the Sandbox's
// consent page); the organisation number names the account.
import { chooseSystem, expectText, logins, resultHeading, signInAs } from "./support.mjs";

describe("iPayroll on the Sandbox", () => {
  it("signs in as the API user and names the organisation", async () => {
    await chooseSystem("iPayroll");
    await expectText("h1", "Sign in to iPayroll in your browser");
    signInAs(logins.ipayroll);
    await $("button=Sign in with iPayroll").click();

    expect(await resultHeading()).toBe(
      "Connected to iPayroll organisation 49764 — is this the right organisation?",
    );
    await expectText("table", expect.stringContaining("Granted"));
  });
});
