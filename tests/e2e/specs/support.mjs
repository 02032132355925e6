// Shared steps for the wizard specs: they act as an admin would, by visible labels.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

export const artifacts = path.resolve(here, "../artifacts");

/** The app under test (`HRLINK_APP`, as wdio.conf.mjs starts it) and the `hrlink` CLI built beside it. */
export const application = process.env.HRLINK_APP ?? path.resolve(here, "../../../target/debug/hrlink-desktop");
export const cli = process.env.HRLINK_CLI ?? path.join(path.dirname(application), "hrlink");

/** The file the app reads instead of opening the native dialog (see wdio.conf.mjs). */
export const chosenFile = path.join(artifacts, "chosen-key-file.txt");

/** Whom the stand-in browser signs in as on the Sandbox's consent page, and whether it allows. */
export function signInAs({ user, password }, decision = "allow") {
  writeFileSync(path.join(artifacts, "sign-in-as.txt"), `${user}\n${password}\n${decision}\n`);
}

/** Sandbox key pairs (crates/hrlink-sandbox/src/scenarios.rs). */
export const keys = {
  valid: { access: "SBXACCESSKEYVALID0000001", secret: "sbx/Secret+Valid=0000000000000000000000001" },
  unknown: { access: "SBXACCESSKEYUNKNOWN00001", secret: "sbx/Secret+Unknown=00000000000000000000003" },
  /** The new key an administrator creates after deleting `valid` (same company, no quirk). */
  reissued: {
    access: "SBXACCESSKEYREISSUED0007",
    secret: "sbx/Secret+Reissued=000000000000000000007",
  },
  /** Valid for the Sandbox's 50,000-person company ("Sandbox Großhandel AG"). */
  large: { access: "SBXACCESSKEYLARGE0000001", secret: "sbx/Secret+Large=0000000000000000000000005" },
  /** Valid for another company ("Sandbox Nordlicht Logistik GmbH"). */
  otherCompany: {
    access: "SBXACCESSKEYOTHERCO00001",
    secret: "sbx/Secret+OtherCompany=000000000000000004",
  },
};
export const sandboxCompany = "Sandbox Bäckerei GmbH";

/** Sandbox logins (crates/hrlink-sandbox/src/scenarios.rs). */
export const logins = {
  iris: { user: "sbx-api-valid", password: "Sbx!Valid-7Kq2Rw9P" },
  /** Set Rights without the Contract tab. */
  irisNoContract: { user: "sbx-api-nocontract", password: "Sbx!NoContract-8Gp2Zs4Y" },
  irisInactive: { user: "sbx-api-inactive", password: "Sbx!Inactive-3Jm8Xc1L" },
  employmentHero: { user: "one.org@sandbox.example", password: "Sandbox-Password-1" },
  /** A partner user: the sign-in reaches two organisations at once. */
  employmentHeroPartner: { user: "partner@sandbox.example", password: "Sandbox-Password-3" },
  ipayroll: { user: "49764apihrlink", password: "Sandbox-Password-1" },
  ipayrollLimited: { user: "49764apilimited", password: "Sandbox-Password-2" },
};

/** A key file as HRworks downloads it (CRLF line endings). */
export function keyFile({ access, secret }) {
  return `Access Key: ${access}\r\nSecret Access Key: ${secret}\r\n`;
}

export function writeChosenFile(contents) {
  writeFileSync(chosenFile, contents);
}

// Text checks read the page afresh on every try, in the page itself: an element reference held
// between two WebDriver calls goes stale when React replaces the node (a re-render), and
// WebdriverIO's `expect(element).toHaveText` keeps the element it found first (it re-finds it
// only once per command, which a page still re-rendering can outrun).

/** The rendered text of the first element `selector` (CSS) finds, read in the page; null if none. */
export const textOf = (selector) =>
  browser.execute((sel) => {
    const element = document.querySelector(sel);
    return element ? element.innerText : null;
  }, selector);

/** Whether `text` is `expected`: the same string (trimmed), a RegExp's match or a matcher's. */
function textMatches(text, expected) {
  if (typeof expected === "string") return text.trim() === expected;
  if (expected instanceof RegExp) return expected.test(text.trim());
  return expected.asymmetricMatch(text.trim());
}

/** Waits until `read()` (null: no such element) matches `expected`; `what` names it on failure. */
async function waitForMatch(what, read, expected, timeout) {
  let seen = null;
  try {
    await browser.waitUntil(
      async () => {
        seen = await read();
        return seen !== null && textMatches(seen, expected);
      },
      { timeout },
    );
  } catch (error) {
    const wanted = typeof expected === "string" ? JSON.stringify(expected) : String(expected);
    const last = seen === null ? "no such element" : JSON.stringify(seen.trim().slice(0, 500));
    throw new Error(`${what} did not show ${wanted} within ${timeout} ms; last seen: ${last}`, {
      cause: error,
    });
  }
}

/**
 * Waits until the first element `selector` finds has the text `expected` (a string for the
 * whole text, a RegExp, or `expect.stringContaining(…)` / `expect.stringMatching(…)`), finding
 * it afresh on every try.
 */
export const expectText = (selector, expected, { timeout = 20_000 } = {}) =>
  waitForMatch(selector, () => textOf(selector), expected, timeout);

/** Waits until the field `selector` holds `expected`, reading it afresh on every try. */
export const expectValue = (selector, expected, { timeout = 20_000 } = {}) =>
  waitForMatch(
    `${selector}'s value`,
    () => browser.execute((sel) => document.querySelector(sel)?.value ?? null, selector),
    expected,
    timeout,
  );

/** Waits until the element `selector` has the attribute `name` set to `expected`. */
export const expectAttribute = (selector, name, expected, { timeout = 20_000 } = {}) =>
  waitForMatch(
    `${selector}[${name}]`,
    () => browser.execute((sel, attribute) => document.querySelector(sel)?.getAttribute(attribute) ?? null, selector, name),
    expected,
    timeout,
  );

/** Resolves once the page has painted what it holds now (two animation frames). */
export const painted = () =>
  browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));

/**
 * How long a freshly launched app may take to show its first page: a debug build took over 20 s
 * on a loaded machine (load average 20 on 2 cores).
 */
export const appStartTimeout = 90_000;

/** Waits for the wizard's first step, in an app that may just have been launched. */
export const waitForFirstStep = () =>
  expectText("h1", "Which HR system do you use?", { timeout: appStartTimeout });

/**
 * Chooses an HR system on the first step, ticks the optional permissions whose labels start with
 * the texts in `share` (step 2) and skips the guide with "I already have one" (step 3), landing
 * on the credentials step.
 */
export async function chooseSystem(name, share = []) {
  await waitForFirstStep();
  await $(`label*=${name}`).click();
  await $("button=Continue").click();
  await $(".step-indicator*=Step 2 of ").waitForDisplayed();
  for (const label of share) await $(`label*=${label}`).click();
  await $("button=Continue").click();
  await skipGuide();
}

/** "I already have one" on the guide: its words depend on what the system hands over. */
export async function skipGuide() {
  await $(".step-indicator*=Step 3 of ").waitForDisplayed();
  const skip = await $(
    "//button[starts-with(normalize-space(.), 'I already have') or normalize-space(.) = 'I have done this already']",
  );
  await skip.click();
  await $(".step-indicator*=Step 4 of ").waitForDisplayed();
}

export async function chooseHrworks() {
  await chooseSystem("HRworks");
  await expectText("h1", "Which HRworks key should HR Link use?");
}

/** The page's heading, read in the page (pages replace it as they change); "" while none. */
export const headingText = async () => (await textOf("h1"))?.trim() ?? "";

/** Waits until the page's heading is `text`. */
export async function waitForHeading(text, { timeout = 30_000 } = {}) {
  await browser.waitUntil(async () => (await headingText()) === text, {
    timeout,
    timeoutMsg: `no page "${text}"`,
  });
}

/** The saved connections' cards on the connections screen: their rendered text, read in the page. */
export const cardSelector = "li.connection";

/** Waits until the first saved connection's card is shown and its check has finished. */
export async function waitForCheckedCard() {
  await browser.waitUntil(
    async () => {
      const text = await textOf(cardSelector);
      return text !== null && !text.includes("Checking…");
    },
    { timeout: 30_000, timeoutMsg: "the connection's check did not finish" },
  );
}

/** Saves a screenshot to the artefacts as `<prefix>-<name>.png`, once the new page has painted. */
export async function shot(prefix, name) {
  // WebKit can capture the previous frame: wait until the page has painted what it holds.
  await painted();
  await browser.saveScreenshot(path.join(artifacts, `${prefix}-${name}.png`));
}

/** Waits for the result step's heading and returns its text. */
export async function resultHeading() {
  let text = "";
  await browser.waitUntil(
    async () => /Connected to|could not connect|needs fixing/.test((text = await headingText())),
    { timeout: 30_000, timeoutMsg: "no verification result" },
  );
  return text;
}

/**
 * Pastes text into a field, as the admin does: typing it key by key over WebDriver would turn
 * the line breaks into key presses. Uses the native value setter so React sees the change.
 */
export async function paste(selector, text) {
  await browser.execute(
    (sel, value) => {
      const field = document.querySelector(sel);
      const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), "value").set;
      setter.call(field, value);
      field.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
    },
    selector,
    text,
  );
}

/** On the HRworks credentials step: pastes `pair`'s key file (checked at once), waits for the check. */
export async function pasteKeyAndCheck(pair) {
  await paste("#key-text", keyFile(pair));
  return resultHeading();
}

/** Everything the page holds: its markup and the values of its fields (not in the markup). */
export const pageText = () =>
  browser.execute(
    () =>
      document.documentElement.outerHTML +
      [...document.querySelectorAll("input, textarea")].map((field) => field.value).join("\n"),
  );

/** From the result of a check to the People step, listed. */
export async function listPeople() {
  await $("button=Continue: check the people").click();
  await waitForPeopleTable();
  await $("table").scrollIntoView();
}

/**
 * Waits until the People step lists the people and its table has settled: rows rendered (the
 * table is virtualised: its rows appear once it has measured itself) and not marked busy
 * (`aria-busy` while the table re-renders after a search, filter or sort).
 */
export async function waitForPeopleTable({ timeout = 60_000 } = {}) {
  await browser.waitUntil(
    () =>
      browser.execute(
        () =>
          document.querySelector("h1")?.textContent?.trim() === "Are these your people?" &&
          document.querySelector("table tbody tr") !== null &&
          document.querySelector('table[aria-busy="true"], [aria-busy="true"] table') === null,
      ),
    { timeout, timeoutMsg: "the people were not listed" },
  );
}

/** The names in the rows shown (the first cell of each). */
export const shownNames = () =>
  browser.execute(() =>
    [...document.querySelectorAll("tbody tr")].map((row) => row.cells[0]?.textContent?.trim() ?? ""),
  );
