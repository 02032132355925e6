// Screen-share mode in the real app (`--support`): the key's secret and the people's names never
// reach the page (checked in the DOM: the markup and every field's value), and the support code
// is shown. The names are first read in normal mode, then the app is started again with
// `--support` (same config dir) and the same people are listed.
import {
  appStartTimeout,
  artifacts,
  chooseHrworks,
  expectText,
  headingText,
  keyFile,
  keys,
  listPeople,
  pageText,
  paste,
  pasteKeyAndCheck,
  resultHeading,
  shownNames,
} from "./support.mjs";

describe("screen-share mode", () => {
  it("hides a canary secret and canary names in the DOM, and shows the support code", async () => {
    await chooseHrworks();
    await pasteKeyAndCheck(keys.valid);
    await listPeople();
    const names = (await shownNames()).filter((name) => name.length > 5);
    expect(names.length).toBeGreaterThan(3);
    // Normal mode shows them: the canaries are real.
    expect(await pageText()).toContain(names[0]);
    await expect($(".support-code")).not.toBeExisting();

    const caps = browser.requestedCapabilities;
    await browser.reloadSession({
      ...caps,
      "tauri:options": { ...caps["tauri:options"], args: ["--support"] },
    });
    await browser.waitUntil(async () => /Carry on|Which HR system/.test(await headingText()), {
      timeout: appStartTimeout,
      timeoutMsg: "the app did not start again",
    });
    if ((await headingText()).startsWith("Carry on")) await $("button=Start again").click();
    await expectText(".support-code", expect.stringMatching(/^Support code: HRL-[2-9A-Z]{4}-[2-9A-Z]{4}$/));

    await chooseHrworks();
    // While half a key is pasted, the field masks it (no Show toggle in screen-share mode).
    await paste("#key-text", `Secret Access Key: ${keys.valid.secret}`);
    await expect($("//button[starts-with(normalize-space(.), 'Show')]")).not.toBeExisting();
    // The whole key is checked at once.
    await paste("#key-text", keyFile(keys.valid));
    await resultHeading();
    expect(await pageText()).not.toContain(keys.valid.secret);
    await listPeople();
    const page = await pageText();
    expect(page).not.toContain(keys.valid.secret);
    for (const name of names) expect(page).not.toContain(name);
    // The same rows, masked.
    expect((await shownNames()).length).toBeGreaterThan(3);
    await browser.saveScreenshot("artifacts/screen-share-people.png");
  });
});
