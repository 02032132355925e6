// The app starts on the built-in Sandbox and shows the first wizard question.
import { expectText, waitForFirstStep } from "./support.mjs";

describe("Start-up", () => {
  it("opens on the first step with the demo banner", async () => {
    await waitForFirstStep();
    await expectText("body", expect.stringContaining("Demo mode"));
  });
});
