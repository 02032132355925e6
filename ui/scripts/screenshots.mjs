// Screenshots of every wizard step (light and dark, 1280×800 and 1024×640) against a Vite dev
// server with the fake backend, plus axe-core in a real browser (which, unlike jsdom, can check
// colour contrast). The script starts its own server (no file watching, so a regenerated
// bindings file cannot reload the page mid-run) and stops it at the end.
//
//   npm run screenshots [-- outDir]       # default /tmp/ui-shots
//
// Needs Debian's chromium (/usr/bin/chromium) or CHROMIUM=/path/to/chrome.

import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { createServer } from "vite";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const outDir = process.argv[2] ?? "/tmp/ui-shots";
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

async function start(context, query = "") {
  const page = await context.newPage();
  page.on("pageerror", (error) =>
    problems.push({ screen: "page", id: "pageerror", impact: "critical", nodes: [error.message] }),
  );
  await page.goto(`${baseUrl}${query}`);
  await page.getByRole("radio").first().waitFor();
  return page;
}

async function toCredentials(page, continueLabel = "Continue") {
  await page.getByRole("radio", { name: /HRworks/ }).check();
  await page.getByRole("button", { name: continueLabel }).click();
  await page.locator("textarea").waitFor();
}

async function pasteAndGo(page, text, continueLabel = "Continue") {
  await page.locator("textarea").fill(text);
  await page.getByRole("button", { name: continueLabel }).click();
}

const sizes = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
];

for (const colorScheme of ["light", "dark"]) {
  for (const viewport of sizes) {
    const tag = `${colorScheme}-${viewport.width}x${viewport.height}`;
    const context = await browser.newContext({ viewport, colorScheme, locale: "en-GB" });

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
    await page.getByRole("button", { name: "Use a different key" }).click();
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
    await page.getByText("Key file loaded").waitFor();
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
