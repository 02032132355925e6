// The screen-share switch in the real app: with the People step open and the names on screen,
// switching it on replaces them at once (checked in the DOM: the markup and every field's value);
// switching it off asks first, and only then shows them again.
import path from "node:path";
import {
  artifacts,
  chooseHrworks,
  expectAttribute,
  expectText,
  keys,
  listPeople,
  pageText,
  painted,
  pasteKeyAndCheck,
  shownNames,
} from "./support.mjs";

const screenShare = '[role="switch"]';

/** Screenshots at both window sizes the app is designed for. */
async function shots(name) {
  for (const [width, height] of [
    [1280, 800],
    [1024, 640],
  ]) {
    await browser.setWindowSize(width, height);
    await painted();
    await browser.saveScreenshot(path.join(artifacts, `screen-share-switch-${name}-${width}x${height}.png`));
  }
  await browser.setWindowSize(1280, 800);
}

describe("the screen-share switch", () => {
  it("masks the names on screen at once, and shows them again only after a confirmation", async () => {
    await chooseHrworks();
    await pasteKeyAndCheck(keys.valid);
    await listPeople();
    const names = (await shownNames()).filter((name) => name.length > 5);
    expect(names.length).toBeGreaterThan(3);
    expect(await pageText()).toContain(names[0]);
    await expectAttribute(screenShare, "aria-checked", "false");
    await expect($(".support-code")).not.toBeExisting();

    await $(screenShare).click();
    await expectAttribute(screenShare, "aria-checked", "true");
    await browser.waitUntil(async () => !(await pageText()).includes(names[0]), {
      timeoutMsg: "the names stayed on screen after switching screen-share mode on",
    });
    const masked = await pageText();
    for (const name of names) expect(masked).not.toContain(name);
    expect(masked).not.toContain(keys.valid.secret);
    // The same rows, masked, on the same page; the support code is shown.
    expect((await shownNames()).length).toBeGreaterThan(3);
    await expectText("h1", "Are these your people?");
    await expectText(".support-code", expect.stringMatching(/^Support code: HRL-/));
    await shots("on");

    // Off asks first; Cancel keeps everything masked.
    await $(screenShare).click();
    await expectText('[role="alertdialog"]', expect.stringContaining("Turn off screen-share mode?"));
    await shots("confirm");
    await $('[role="alertdialog"]').$("button=Cancel").click();
    await expect($('[role="alertdialog"]')).not.toBeExisting();
    await expectAttribute(screenShare, "aria-checked", "true");
    for (const name of names) expect(await pageText()).not.toContain(name);

    await $(screenShare).click();
    await $('[role="alertdialog"]').$("button=Turn off").click();
    await expectAttribute(screenShare, "aria-checked", "false");
    await browser.waitUntil(async () => (await pageText()).includes(names[0]), {
      timeoutMsg: "the names did not come back after switching screen-share mode off",
    });
    await expect($(".support-code")).not.toBeExisting();
  });
});
