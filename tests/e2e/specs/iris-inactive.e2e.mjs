// An IRIS API user that is not active: a plain message with the fix in IRIS's own menus.
import { chooseSystem, expectText, logins, paste, resultHeading } from "./support.mjs";

describe("IRIS HR Professional with an inactive API user", () => {
  it("says what to do", async () => {
    await chooseSystem("IRIS HR Professional");
    await paste("#iris-username", logins.irisInactive.user);
    await paste("#iris-password", logins.irisInactive.password);
    await $("button=Continue").click();

    expect(await resultHeading()).toBe("HR Link could not connect to IRIS HR Professional");
    await expectText('[role="alert"]', expect.stringContaining("tick Active"));
  });
});
