// Issue 20 item 7: 50,000 people are confirmed by keyboard in fewer than 10 key presses from the
// moment the People step appears (WebDriver key actions only, no clicks after that), and the grid
// is one Tab stop whose arrow keys keep the active row in view.
import path from "node:path";
import {
  artifacts,
  chooseHrworks,
  keyFile,
  keys,
  waitForHeading,
  waitForPeopleTable,
  writeChosenFile,
} from "./support.mjs";

const MOST = 10;
let presses = 0;

/** One key press, counted. */
async function press(key) {
  await browser.keys(key);
  presses += 1;
}

/** What has focus: the element's role, or tag, and text. */
const focused = () =>
  browser.execute(() => {
    const element = document.activeElement;
    return `${element?.getAttribute("role") ?? element?.tagName.toLowerCase()}:${element?.textContent?.trim().slice(0, 40)}`;
  });

describe("People by keyboard", () => {
  it(`confirms 50,000 people in fewer than ${MOST} key presses`, async () => {
    await chooseHrworks();
    writeChosenFile(keyFile(keys.large));
    await $("button*=Choose the downloaded key file").click();
    await browser.waitUntil(
      async () => (await $("h1").getText()).startsWith("Connected to"),
      { timeout: 60_000, timeoutMsg: "no verification result" },
    );
    await $("button=Continue: check the people").click();
    await waitForPeopleTable({ timeout: 180_000 });
    await browser.waitUntil(
      async () => (await $('[role="grid"]').getAttribute("aria-rowcount")) === "50001",
      { timeoutMsg: "not 50,000 rows" },
    );

    // From here on, keys only. The grid is one Tab stop: arrows move inside it, and the active
    // row is scrolled into view (the virtualiser puts it in the page).
    const grid = await $('[role="grid"]');
    await browser.execute((element) => element.focus(), grid);
    await browser.keys(["Control", "End"]);
    await browser.waitUntil(
      async () => (await grid.getAttribute("aria-activedescendant"))?.startsWith("people-cell-49999-"),
      { timeoutMsg: "Ctrl+End did not reach the last person" },
    );
    await browser.saveScreenshot(path.join(artifacts, "people-keyboard-last-row.png"));
    await browser.keys("Tab");
    expect(await focused()).not.toMatch(/^grid:/);

    // Arriving on the step: focus is on its heading; the confirmation is above the table.
    // Where the wizard puts focus on a new step (useWizardPage): its [data-autofocus], else its h1.
    await browser.execute(() => {
      const target = document.querySelector("main [data-autofocus]") ?? document.querySelector("main h1");
      target?.setAttribute("tabindex", "-1");
      target?.focus();
    });
    for (let tries = 0; tries < MOST; tries += 1) {
      if ((await focused()) === "button:Yes, these are our people") break;
      await press("Tab");
    }
    expect(await focused()).toBe("button:Yes, these are our people");
    await press("Enter");
    await waitForHeading("Check your answers before saving");
    console.log(`50,000 people confirmed in ${presses} key presses`);
    expect(presses).toBeLessThan(MOST);
  });
});
