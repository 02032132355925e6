// Declining access on Employment Hero's consent page: nothing is connected, and the wizard
// says so in plain words instead of failing generically.
import { chooseSystem, expectText, logins, signInAs } from "./support.mjs";

describe("Employment Hero when access is declined", () => {
  it("explains the declined consent", async () => {
    await chooseSystem("Employment Hero");
    signInAs(logins.employmentHero, "deny");
    await $("button=Sign in with Employment Hero").click();
    await expectText('[role="alert"]', expect.stringContaining("Access was declined"), { timeout: 30_000 });
  });
});
