// Screenshots of every wizard step (light and dark, 1280×800 and 1024×640) against a Vite dev
// server with the fake backend, plus axe-core in a real browser (which, unlike jsdom, can check
// colour contrast). The script starts its own server (no file watching, so a regenerated
// bindings file cannot reload the page mid-run) and stops it at the end.
//
//   npm run screenshots [-- outDir] [--only=hrworks|providers|connections|guide|people|resume|update]   # default /tmp/ui-shots, all
//
// "providers" are the IRIS API-user step and the browser sign-ins (iPayroll, Employment Hero);
// "connections" the wizard's end (check your answers, saved, different company) and the
// connections screen; "people" the People step and what changed since the last confirmation
// (re-authorising).
//
// Needs Debian's chromium (/usr/bin/chromium) or CHROMIUM=/path/to/chrome.

import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { createServer } from "vite";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const args = process.argv.slice(2);
const only = args.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
const outDir = args.find((arg) => !arg.startsWith("--")) ?? "/tmp/ui-shots";
mkdirSync(outDir, { recursive: true });

const server = await createServer({
  configFile: new URL("../vite.config.ts", import.meta.url).pathname,
  server: { port: 5199, strictPort: false, hmr: false, watch: null },
  logLevel: "warn",
});
await server.listen();
const baseUrl = server.resolvedUrls?.local[0] ?? "http://localhost:5199/";

const VALID =
  "Access Key: SBXACCESSKEYVALID0000001\nSecret Access Key: sbx/Secret+Valid=0000000000000000000000001\n";
const REJECTED =
  "Access Key: SBXACCESSKEYREJECT000002\nSecret Access Key: sbx/Secret+Reject=000000000000000000000002\n";
const NO_PERM =
  "Access Key: SBXACCESSKEYNOPERM000003\nSecret Access Key: sbx/Secret+NoPerm=000000000000000000000003\n";
const OTHER_COMPANY =
  "Access Key: SBXACCESSKEYOTHERCO00001\nSecret Access Key: sbx/Secret+OtherCompany=000000000000000004\n";
const REDACTED = "Access Key: SBXACC...0001\nSecret Access Key: sbx/Secret...0001\n";

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

const problems = [];

async function axeCheck(page, name) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
      },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`.slice(0, 300)),
    }));
  });
  for (const v of violations) problems.push({ screen: name, ...v });
}

async function shoot(page, name, { axe = true, fullPage = false } = {}) {
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(outDir, `${name}.png`), fullPage });
  if (axe) await axeCheck(page, name);
}

/** Opens the app on its first screen, whichever it is. */
async function open(context, query) {
  const page = await context.newPage();
  page.on("pageerror", (error) =>
    problems.push({ screen: "page", id: "pageerror", impact: "critical", nodes: [error.message] }),
  );
  await page.goto(`${baseUrl}${query}`);
  await page.locator("h1").first().waitFor();
  return page;
}

/** Opens the app on the wizard's first step (no saved connections). */
async function start(context, query = "") {
  const page = await open(context, query);
  await page.getByRole("radio").first().waitFor();
  return page;
}

/** What to share (kept as it is), then "I already have one" on the guide. */
async function skipToCredentials(page, continueLabel) {
  await page.getByRole("checkbox").first().waitFor();
  await page.getByRole("button", { name: continueLabel }).click();
  await page.locator(".guide-caption").waitFor();
  await page.locator(".button-group .btn--secondary").click();
}

async function toCredentials(page, continueLabel = "Continue") {
  await page.getByRole("radio", { name: /HRworks/ }).check();
  await page.getByRole("button", { name: continueLabel }).click();
  await skipToCredentials(page, continueLabel);
  await page.locator("textarea").waitFor();
}

async function pasteAndGo(page, text, continueLabel = "Continue") {
  await page.locator("textarea").fill(text);
  await page.getByRole("button", { name: continueLabel }).click();
}

async function choose(page, name, continueLabel = "Continue") {
  await page.getByRole("radio", { name }).check();
  await page.getByRole("button", { name: continueLabel }).click();
  await skipToCredentials(page, continueLabel);
  await page.locator("h1").first().waitFor();
}

/** What to share, every guide screen of every system, and the hand-off sheet. */
async function guideScreens(context, tag, language) {
  const next = language === "de" ? "Weiter" : "Continue";
  const systems = [
    ["ipayroll", /iPayroll/],
    ["iris", /IRIS/],
    ["hrworks", /HRworks/],
    ["eh", /Employment Hero/],
  ];
  for (const [id, name] of systems) {
    const page = await start(context, "?delay=0");
    await page.getByRole("radio", { name }).check();
    await page.getByRole("button", { name: next }).click();
    await page.getByRole("checkbox").first().waitFor();
    const optional = page.locator("#optional-permissions-hint ~ .radios input").first();
    if (await optional.count()) await optional.check();
    await shoot(page, `40-${language}-${id}-scopes-${tag}`, { fullPage: true });
    await page.getByRole("button", { name: next }).click();
    for (let screen = 1; await page.locator(".guide-caption").count(); screen++) {
      await page.locator(".details__summary").click();
      const username = page.locator("#ipayroll-api-username");
      if (await username.count()) {
        await username.fill("4976api");
        await page.locator(".field__error").waitFor();
        await shoot(page, `41-${language}-${id}-guide-${screen}-rule-${tag}`, { fullPage: true });
        await username.fill("49764apihrlink");
        await page.locator(".guide-username__ok").waitFor();
      }
      await shoot(page, `41-${language}-${id}-guide-${screen}-${tag}`, { fullPage: true });
      if (screen === 1) {
        await page.locator(".btn--link").click();
        await page.locator(".handoff").waitFor();
        await shoot(page, `42-${language}-${id}-handoff-${tag}`, { fullPage: true });
        await page.locator(".back-link").click();
        await page.locator(".guide-caption").waitFor();
      }
      await page.getByRole("button", { name: next }).click();
      await page.waitForTimeout(100);
    }
    await page.close();
  }
}

/** The IRIS API-user step and the browser sign-ins. */
async function providerScreens(browser, context, viewport, colorScheme, tag) {
  // IRIS: the step, its errors, filled in from the Sandbox user, then the results.
  let page = await start(context, "?delay=300");
  await choose(page, /IRIS/);
  await shoot(page, `13-iris-${tag}`);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("heading", { name: "There is a problem" }).waitFor();
  await shoot(page, `14-iris-errors-${tag}`);
  await page.getByText("How do I create an API user?").click();
  await page.getByText("Try it with the Sandbox test user").click();
  await page.getByRole("button", { name: "Fill in for me" }).click();
  await shoot(page, `15-iris-filled-${tag}`, { fullPage: true });
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("heading", { level: 1, name: /Checking your connection/ }).waitFor();
  await page.waitForTimeout(1200);
  await shoot(page, `16-iris-verifying-${tag}`);
  await page
    .getByRole("heading", { level: 1, name: /is this the right company/ })
    .waitFor({ timeout: 15000 });
  await shoot(page, `17-iris-result-ok-${tag}`, { fullPage: true });
  await page.close();

  page = await start(context, "?delay=0&demo=0");
  await choose(page, /IRIS/);
  await page.getByLabel("User name").fill("sbx-api-inactive");
  await page.getByLabel("Password", { exact: true }).fill("Sbx!Inactive-3Jm8Xc1L");
  await shoot(page, `18-iris-typed-nodemo-${tag}`);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("heading", { level: 1, name: /could not connect/ }).waitFor();
  await shoot(page, `19-iris-result-inactive-${tag}`);
  await page.getByRole("button", { name: "Back" }).click();
  await page.getByText("API user entered").waitFor();
  await shoot(page, `20-iris-held-${tag}`);
  await page.close();

  // iPayroll: the step (demo user open), waiting, stopped, declined, results.
  page = await start(context, "?delay=0&signIn=wait");
  await choose(page, /iPayroll/);
  await shoot(page, `21-ipayroll-signin-${tag}`);
  await page.getByText("Try it with the Sandbox test user").click();
  await shoot(page, `22-ipayroll-signin-demo-${tag}`, { fullPage: true });
  await page.getByRole("button", { name: "Sign in with iPayroll" }).click();
  await page.getByRole("heading", { level: 1, name: /^Finish signing in/ }).waitFor();
  await shoot(page, `23-ipayroll-waiting-${tag}`);
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByText("Sign-in stopped").waitFor();
  await shoot(page, `24-ipayroll-stopped-${tag}`);
  await page.close();

  page = await start(context, "?delay=0&signIn=deny&signInDelay=0");
  await choose(page, /iPayroll/);
  await page.getByRole("button", { name: "Sign in with iPayroll" }).click();
  await page.getByRole("heading", { name: "There is a problem" }).waitFor();
  await shoot(page, `25-ipayroll-denied-${tag}`);
  await page.close();

  page = await start(context, "?delay=300&signInDelay=600");
  await choose(page, /iPayroll/);
  await page.getByRole("button", { name: "Sign in with iPayroll" }).click();
  await page
    .getByRole("heading", { level: 1, name: /is this the right organisation/ })
    .waitFor({ timeout: 15000 });
  await shoot(page, `26-ipayroll-result-ok-${tag}`, { fullPage: true });
  await page.close();

  page = await start(context, "?delay=0&signInDelay=0&as=49764apilimited");
  await choose(page, /iPayroll/);
  await page.getByRole("button", { name: "Sign in with iPayroll" }).click();
  await page.getByRole("heading", { level: 1, name: /needs fixing/ }).waitFor();
  await shoot(page, `27-ipayroll-result-permission-${tag}`, { fullPage: true });
  await page.close();

  // Employment Hero.
  page = await start(context, "?delay=0&signInDelay=0&demo=0");
  await choose(page, /Employment Hero/);
  await shoot(page, `28-eh-signin-${tag}`, { fullPage: true });
  await page.getByRole("button", { name: "Sign in with Employment Hero" }).click();
  await page.getByRole("heading", { level: 1, name: /is this the right organisation/ }).waitFor();
  await shoot(page, `29-eh-result-ok-${tag}`, { fullPage: true });
  await page.close();
  // A sign-in that reaches two organisations: which one?
  page = await start(context, "?delay=0&signInDelay=0&as=partner@sandbox.example");
  await choose(page, /Employment Hero/);
  await page.getByRole("button", { name: "Sign in with Employment Hero" }).click();
  await page.getByRole("radio", { name: "Wattle Holdings Pty Ltd" }).waitFor();
  await shoot(page, `29b-eh-choose-organisation-${tag}`, { fullPage: true });
  await page.close();

  // German, screen-share mode.
  const de = await browser.newContext({ viewport, colorScheme, locale: "de-DE" });
  page = await start(de, "?delay=0&support=1&signIn=wait");
  await choose(page, /iPayroll/, "Weiter");
  await page.getByRole("button", { name: "Mit iPayroll anmelden" }).click();
  await page.getByRole("heading", { level: 1, name: /Schließen Sie die Anmeldung/ }).waitFor();
  await shoot(page, `30-de-waiting-${tag}`);
  await page.close();
  page = await start(de, "?delay=0&signIn=deny&signInDelay=0");
  await choose(page, /Employment Hero/, "Weiter");
  await page.getByRole("button", { name: "Mit Employment Hero anmelden" }).click();
  await page.getByRole("heading", { name: "Es gibt ein Problem" }).waitFor();
  await shoot(page, `31-de-eh-denied-${tag}`);
  await page.close();
  page = await start(de, "?delay=0&support=1");
  await choose(page, /IRIS/, "Weiter");
  await shoot(page, `32-de-support-iris-${tag}`, { fullPage: true });
  await page.close();
  page = await start(de, "?delay=0&signInDelay=0&as=partner@sandbox.example");
  await choose(page, /Employment Hero/, "Weiter");
  await page.getByRole("button", { name: "Mit Employment Hero anmelden" }).click();
  await page.getByRole("radio", { name: "Wattle Holdings Pty Ltd" }).waitFor();
  await shoot(page, `33-de-eh-choose-organisation-${tag}`, { fullPage: true });
  await de.close();
}

/** Waits until the connections screen has checked every connection. */
async function checked(page) {
  await page
    .getByRole("heading", { level: 1, name: /Your connections|Ihre Verbindungen/ })
    .waitFor();
  await page.waitForFunction(() => !/Checking…|Wird geprüft …/.test(document.body.innerText));
}

/** The wizard's end and the connections screen, in English and German. */
async function connectionScreens(browser, context, viewport, colorScheme, tag) {
  let page = await open(context, "?delay=150&connections=sample&setAside=1");
  await checked(page);
  await shoot(page, `40-connections-${tag}`, { fullPage: true });
  await page.getByRole("button", { name: "Rename Bakery payroll" }).click();
  await shoot(page, `41-connections-rename-${tag}`);
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Remove Bakery payroll" }).click();
  await page.getByRole("heading", { level: 1, name: "Remove Bakery payroll?" }).waitFor();
  await shoot(page, `42-connections-remove-${tag}`);
  await page.close();

  page = await start(context, "?delay=0");
  await toCredentials(page);
  await pasteAndGo(page, VALID);
  await page.getByRole("heading", { level: 1, name: /is this the right company/ }).waitFor();
  await page.getByRole("button", { name: "Save this connection" }).click();
  await page.getByRole("heading", { level: 1, name: "Check your answers before saving" }).waitFor();
  await shoot(page, `43-check-answers-${tag}`, { fullPage: true });
  await page.getByRole("button", { name: "Save connection" }).click();
  await page.getByRole("heading", { level: 1, name: /^Connected: / }).waitFor();
  await shoot(page, `44-saved-${tag}`);
  await page.close();

  page = await open(context, "?delay=0&connections=sample");
  await checked(page);
  await page.getByRole("button", { name: "Re-authorise Bakery payroll" }).click();
  await page.locator("textarea").waitFor();
  await shoot(page, `45-reauthorise-${tag}`);
  await pasteAndGo(page, OTHER_COMPANY);
  await page.getByRole("button", { name: "Update connection" }).click();
  await page.getByRole("heading", { level: 1, name: /^This is / }).waitFor();
  // The pointer would rest on the new page's first button (its hover colour is not what is shown).
  await page.mouse.move(0, 0);
  await shoot(page, `46-different-company-${tag}`, { fullPage: true });
  await page.close();

  // A check that finds far more granted than chosen; the people confirmed but not kept.
  page = await open(context, "?delay=0&connections=sample&beyond=1");
  await checked(page);
  await shoot(page, `46a-connections-beyond-selection-${tag}`, { fullPage: true });
  await page.close();
  page = await start(context, "?delay=0&peopleNotKept=1");
  await toCredentials(page);
  await pasteAndGo(page, VALID);
  await page.getByRole("button", { name: "Continue: check the people" }).click();
  await page.getByRole("button", { name: "Yes, these are our people" }).click();
  await page.getByRole("button", { name: "Save connection" }).click();
  await page.getByRole("heading", { level: 1, name: /^Connected: / }).waitFor();
  await shoot(page, `46b-saved-people-not-kept-${tag}`, { fullPage: true });
  await page.close();

  const de = await browser.newContext({ viewport, colorScheme, locale: "de-DE" });
  page = await open(de, "?delay=0&connections=sample&setAside=2&support=1");
  await checked(page);
  await shoot(page, `47-de-connections-support-${tag}`, { fullPage: true });
  await page.getByRole("button", { name: "Neu autorisieren Bakery payroll" }).click();
  await page.locator("textarea").waitFor();
  await pasteAndGo(page, OTHER_COMPANY, "Weiter");
  await page.getByRole("button", { name: "Verbindung aktualisieren" }).click();
  await page.getByRole("heading", { level: 1, name: /^Das ist / }).waitFor();
  await page.mouse.move(0, 0);
  await shoot(page, `48-de-different-company-${tag}`, { fullPage: true });
  await page.close();
  page = await start(de, "?delay=0");
  await toCredentials(page, "Weiter");
  await pasteAndGo(page, VALID, "Weiter");
  await page.getByRole("button", { name: "Diese Verbindung speichern" }).click();
  await shoot(page, `49-de-check-answers-${tag}`, { fullPage: true });
  await de.close();
}

/** The People step, and re-authorising a connection whose people were confirmed before. */
async function peopleScreens(context, tag) {
  let page = await start(context, "?delay=0");
  await toCredentials(page);
  await pasteAndGo(page, VALID);
  await page.getByRole("button", { name: "Continue: check the people" }).click();
  await page.getByRole("heading", { level: 1, name: "Are these your people?" }).waitFor();
  await shoot(page, `50-people-${tag}`, { fullPage: true });
  await page.getByRole("button", { name: /^Start date/ }).click();
  await page.getByLabel("Location").selectOption("Berlin");
  await page.locator(".people-table").scrollIntoViewIfNeeded();
  await shoot(page, `51-people-sorted-filtered-${tag}`);
  await page.close();

  page = await open(context, "?delay=0&connections=sample");
  await checked(page);
  await page.getByRole("button", { name: "Re-authorise Bakery payroll" }).click();
  await page.locator("textarea").waitFor();
  await pasteAndGo(page, VALID);
  await page.getByRole("button", { name: "Continue: check the people" }).click();
  await page.locator(".people-changes__summary").waitFor();
  await shoot(page, `52-people-changes-${tag}`, { fullPage: true });
  await page.close();
}

const sizes = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
];

/** Resuming after a restart, and the support code with "Copy diagnostics", in one language. */
async function resumeScreens(context, tag, language) {
  const de = language === "de";
  let page = await open(context, "?delay=0&resume=verification");
  await shoot(page, `50-${language}-resume-${tag}`);
  await page.getByRole("button", { name: de ? /fortsetzen/ : /^Continue setting up/ }).click();
  await page.locator(".wizard-note").waitFor();
  await shoot(page, `51-${language}-resumed-credentials-${tag}`);
  await page.close();
  page = await start(context, "?delay=0&support=1");
  await shoot(page, `52-${language}-support-code-${tag}`);
  await page
    .getByRole("button", { name: de ? "Diagnosedaten kopieren" : "Copy diagnostics" })
    .click();
  await page.locator(".diagnostics__details").waitFor();
  await page.locator(".diagnostics__details summary").click();
  await shoot(page, `53-${language}-diagnostics-${tag}`, { fullPage: true });
  await page.close();
}

/** "HR Link 0.3.0 is ready — Restart now / Later" over Your connections, and a refused update. */
async function updateScreens(context, tag, language) {
  for (const [update, name] of [
    ["0.3.0", "ready"],
    ["refused", "refused"],
  ]) {
    const page = await open(context, `?delay=0&connections=sample&update=${update}`);
    await page.locator(".update-prompt").waitFor();
    await shoot(page, `60-${language}-update-${name}-${tag}`);
    await page.close();
  }
}

for (const colorScheme of ["light", "dark"]) {
  for (const viewport of sizes) {
    const tag = `${colorScheme}-${viewport.width}x${viewport.height}`;
    const context = await browser.newContext({ viewport, colorScheme, locale: "en-GB" });
    if (only === undefined || only === "people") await peopleScreens(context, tag);
    if (only === undefined || only === "resume") {
      await resumeScreens(context, tag, "en");
      const de = await browser.newContext({ viewport, colorScheme, locale: "de-DE" });
      await resumeScreens(de, tag, "de");
      await de.close();
    }
    if (only === undefined || only === "update") {
      await updateScreens(context, tag, "en");
      const de = await browser.newContext({ viewport, colorScheme, locale: "de-DE" });
      await updateScreens(de, tag, "de");
      await de.close();
    }
    if (only === "people" || only === "resume" || only === "update") {
      await context.close();
      continue;
    }
    if (only === undefined || only === "connections") {
      await connectionScreens(browser, context, viewport, colorScheme, tag);
    }
    if (only === undefined || only === "guide") {
      await guideScreens(context, tag, "en");
      const de = await browser.newContext({ viewport, colorScheme, locale: "de-DE" });
      await guideScreens(de, tag, "de");
      await de.close();
    }
    if (only === "connections" || only === "guide") {
      await context.close();
      continue;
    }
    if (only !== "hrworks") await providerScreens(browser, context, viewport, colorScheme, tag);
    if (only === "providers") {
      await context.close();
      continue;
    }

    let page = await start(context, "?delay=600");
    await shoot(page, `01-choose-${tag}`);
    // Keyboard focus on the first option, selected with Space.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.getAttribute("type") === "radio"))
        break;
    }
    await page.keyboard.press("Space");
    await shoot(page, `01b-choose-focus-${tag}`, { axe: false });
    await page.reload();
    await page.getByRole("radio").first().waitFor();
    await page.getByRole("button", { name: "Continue" }).click();
    await shoot(page, `02-choose-error-${tag}`);

    await toCredentials(page);
    await shoot(page, `03-credentials-${tag}`);
    await page.getByText("Try it with the Sandbox test key").click();
    await page.getByText("How do I get the key file?").click();
    await page.locator("textarea").fill(VALID);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await shoot(page, `04-credentials-filled-${tag}`, { fullPage: true });
    await page.evaluate(() => window.scrollTo(0, 0));

    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { level: 1, name: /Checking your connection/ }).waitFor();
    await page.waitForTimeout(1500);
    await shoot(page, `05-verifying-${tag}`);
    await page
      .getByRole("heading", { level: 1, name: /is this the right company/ })
      .waitFor({ timeout: 15000 });
    await shoot(page, `06-result-ok-${tag}`, { fullPage: true });
    await page.close();

    page = await start(context, "?delay=0");
    await toCredentials(page);
    await pasteAndGo(page, REDACTED);
    await page.getByRole("heading", { name: "There is a problem" }).waitFor();
    await shoot(page, `07-credentials-error-${tag}`);
    await page.locator("textarea").fill(REJECTED);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { level: 1, name: /could not connect/ }).waitFor();
    await shoot(page, `08-result-rejected-${tag}`);
    await page.getByRole("button", { name: "Use a new key" }).click();
    await pasteAndGo(page, NO_PERM);
    await page.getByRole("heading", { level: 1, name: /needs fixing/ }).waitFor();
    await shoot(page, `09-result-permission-${tag}`, { fullPage: true });
    await page.close();

    // A key file loaded through the dialog.
    page = await start(context, "?delay=0&demo=0");
    await toCredentials(page);
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Choose the downloaded key file…" }).click();
    await (await chooser).setFiles({
      name: "hrworks-key.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(VALID),
    });
    // A loaded key file is checked at once.
    await page
      .getByRole("heading", { level: 1, name: /is this the right company/ })
      .waitFor({ timeout: 15000 });
    await shoot(page, `10-credentials-loaded-${tag}`);
    await page.close();

    // German, screen-share mode.
    const de = await browser.newContext({ viewport, colorScheme, locale: "de-DE" });
    page = await start(de, "?delay=0&support=1");
    await shoot(page, `11-de-support-choose-${tag}`);
    await toCredentials(page, "Weiter");
    await pasteAndGo(page, REJECTED, "Weiter");
    await page.getByRole("heading", { level: 1, name: /keine Verbindung/ }).waitFor();
    await shoot(page, `12-de-result-rejected-${tag}`);
    await de.close();

    await context.close();
  }
}

await browser.close();
await server.close();

const unique = new Map();
for (const p of problems) unique.set(`${p.id}|${p.nodes.join(";")}`, p);
if (unique.size === 0) {
  console.log(`axe: no violations on any screen. Screenshots in ${outDir}`);
} else {
  for (const p of unique.values())
    console.log(`axe ${p.impact} ${p.id} on ${p.screen}:\n  ${p.nodes.join("\n  ")}`);
  console.log(`Screenshots in ${outDir}`);
  process.exitCode = 1;
}
