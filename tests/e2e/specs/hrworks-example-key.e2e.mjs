// A key copied from an example in a help page (shortened with "…"): said plainly, before any
// call to HRworks, with where to get the real key file.
import { chooseHrworks, expectText, paste } from "./support.mjs";

describe("HRworks with an example key pasted", () => {
  it("says it is an example, not the real key", async () => {
    await chooseHrworks();
    await paste(
      "#key-text",
      "Access Key: SBXACCESSKEY…\r\nSecret Access Key: sbx/Secret+Example=…\r\n",
    );
    await expectText('[role="alert"]', expect.stringContaining("a shortened example from a help page"));
    await expectText('[role="alert"]', expect.stringContaining("Load the key file you downloaded"));
    await expectText("h1", "Which HRworks key should HR Link use?");
  });
});
