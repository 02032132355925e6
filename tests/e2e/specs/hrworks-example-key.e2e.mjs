// A key copied from an example in a help page (shortened with "…"): said plainly, before any
// call to HRworks, with where to get the real key file.
import { chooseHrworks, paste } from "./support.mjs";

describe("HRworks with an example key pasted", () => {
  it("says it is an example, not the real key", async () => {
    await chooseHrworks();
    await paste(
      "#key-text",
      "Access Key: SBXACCESSKEY…\r\nSecret Access Key: sbx/Secret+Example=…\r\n",
    );
    await $("button=Continue").click();
    const summary = await $('[role="alert"]');
    await summary.waitForDisplayed();
    await expect(summary).toHaveText(expect.stringContaining("a shortened example from a help page"));
    await expect(summary).toHaveText(expect.stringContaining("Load the key file you downloaded"));
    await expect(await $("h1")).toHaveText("Which HRworks key should HR Link use?");
  });
});
