// The app starts on the built-in Sandbox and shows the first wizard question.
describe("Start-up", () => {
  it("opens on the first step with the demo banner", async () => {
    const heading = await $("h1");
    await heading.waitForDisplayed();
    await expect(heading).toHaveText("Which HR system do you use?");
    await expect($("body")).toHaveText(expect.stringContaining("Demo mode"));
  });
});
