// The app starts on the built-in Sandbox and shows the first wizard question.
import { expectText } from "./support.mjs";

describe("Start-up", () => {
  it("opens on the first step with the demo banner", async () => {
    await expectText("h1", "Which HR system do you use?");
    await expectText("body", expect.stringContaining("Demo mode"));
  });
});
