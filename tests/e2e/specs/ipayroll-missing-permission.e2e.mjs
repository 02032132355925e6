// An iPayroll API user that does not grant the employee list: connected, but the missing
// permission is named with how to fix it, and nothing counts as verified.
import { chooseSystem, expectText, logins, resultHeading, signInAs } from "./support.mjs";

describe("iPayroll without the employees permission", () => {
  it("names the missing permission", async () => {
    await chooseSystem("iPayroll");
    signInAs(logins.ipayrollLimited);
    await $("button=Sign in with iPayroll").click();

    expect(await resultHeading()).toContain("something needs fixing");
    await expectText("table", expect.stringContaining("Missing"));
    await expectText('[role="alert"]', expect.stringContaining("iPayroll connected"));
  });
});
