// A permission the admin chose to share is missing: the check fails with the fix in IRIS's own
// menus; with an API user that has the right, the same selection is checked again and passes.
import { chooseSystem, expectText, logins, paste, resultHeading, shot } from "./support.mjs";

const enterLogin = async ({ user, password }) => {
  await paste("#iris-username", user);
  await paste("#iris-password", password);
  await $("button=Continue").click();
};

describe("IRIS HR Professional: a chosen permission missing, fixed and checked again", () => {
  it("demands the chosen Contract tab, then passes once the API user may read it", async () => {
    await chooseSystem("IRIS HR Professional", ["Read contract details"]);
    await enterLogin(logins.irisNoContract);

    expect(await resultHeading()).toContain("something needs fixing");
    await expectText('[role="alert"]', expect.stringContaining("contract"));
    for (const part of ["Missing", "Set Rights", "Chosen by you"]) {
      await expectText("#permission-contract", expect.stringContaining(part));
    }
    await shot("iris-missing-permission", "missing");

    await $("button=Enter the user name and password again").click();
    await enterLogin(logins.iris);
    expect(await resultHeading()).toContain("is this the right company?");
    await expectText("#permission-contract", expect.stringContaining("Granted"));
    await shot("iris-missing-permission", "fixed");
  });
});
