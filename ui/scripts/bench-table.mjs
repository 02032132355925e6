// Benchmark (not a test): the People table with 50,000 rows against the same table with 1,000,
// in a real browser (Chromium, headless) on the Vite dev server with the fake backend. Measured
// in the page, from the action to the second animation frame after it (the rows are painted):
//
// - scroll: jumps to 20 fixed positions down the list; the virtualised table renders only the
//   rows in view, so the time should not grow with the list (ratio 50,000 / 1,000 rows);
// - sort: "Name" pressed (every row re-sorted and the view rendered again), the heaviest thing a
//   click does on this table.
//
//   node scripts/bench-table.mjs   # prints one "RESULT …" line for scripts/bench
//
// Needs Debian's chromium (/usr/bin/chromium) or CHROMIUM=/path/to/chrome.

import { chromium } from "playwright-core";
import { createServer } from "vite";

const VALID =
  "Access Key: SBXACCESSKEYVALID0000001\nSecret Access Key: sbx/Secret+Valid=0000000000000000000000001\n";
const RUNS = 5;
const SIZES = [1_000, 50_000];

const server = await createServer({
  configFile: new URL("../vite.config.ts", import.meta.url).pathname,
  server: { port: 5198, strictPort: false, hmr: false, watch: null },
  logLevel: "warn",
});
await server.listen();
const baseUrl = server.resolvedUrls?.local[0] ?? "http://localhost:5198/";
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The People step listing `people` made-up people (HRworks, the Sandbox key pasted). */
async function openPeople(people) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${baseUrl}?delay=0&people=${people}`);
  await page.getByRole("radio", { name: /HRworks/ }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("checkbox").first().waitFor();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.locator(".guide-caption").waitFor();
  await page.locator(".button-group .btn--secondary").click();
  await page.locator("textarea").fill(VALID);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Continue: check the people" }).click();
  await page
    .getByRole("heading", { level: 1, name: "Are these your people?" })
    .waitFor({ timeout: 120_000 });
  await page.locator(".people-table__scroll").scrollIntoViewIfNeeded();
  return page;
}

/** Milliseconds per scroll jump (median of 20) and for one re-sort, measured in the page. */
function measure(page) {
  return page.evaluate(async () => {
    const painted = () =>
      new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const scroller = document.querySelector(".people-table__scroll");
    const sort = document.querySelector(".people-table__sort");
    if (!(scroller instanceof HTMLElement) || !(sort instanceof HTMLElement)) {
      throw new Error("no people table");
    }
    const jumps = [];
    for (let i = 1; i <= 20; i++) {
      const start = performance.now();
      scroller.scrollTop = ((scroller.scrollHeight - scroller.clientHeight) * i) / 20;
      scroller.dispatchEvent(new Event("scroll"));
      await painted();
      jumps.push(performance.now() - start);
    }
    scroller.scrollTop = 0;
    await painted();
    const start = performance.now();
    sort.click();
    await painted();
    const sorted = performance.now() - start;
    jumps.sort((a, b) => a - b);
    return { scroll: jumps[10], sort: sorted };
  });
}

const figures = {};
for (const people of SIZES) {
  const page = await openPeople(people);
  const scroll = [];
  const sort = [];
  for (let run = 0; run < RUNS; run++) {
    const result = await measure(page);
    scroll.push(result.scroll);
    sort.push(result.sort);
  }
  const rows = await page.locator("tbody tr").count();
  figures[people] = { scroll: median(scroll), sort: median(sort), rows };
  console.error(
    `${people} people: scroll ${figures[people].scroll.toFixed(1)} ms per jump, ` +
      `sort ${figures[people].sort.toFixed(1)} ms, ${rows} rows in the page`,
  );
  await page.close();
}
await browser.close();
await server.close();

const [small, large] = SIZES.map((size) => figures[size]);
const ratio = large.scroll / small.scroll;
console.log(
  `RESULT scroll_ratio=${ratio.toFixed(3)} scroll_ms_1k=${small.scroll.toFixed(1)} ` +
    `scroll_ms_50k=${large.scroll.toFixed(1)} sort_ms_1k=${small.sort.toFixed(1)} ` +
    `sort_ms_50k=${large.sort.toFixed(1)} rows_in_page_50k=${large.rows}`,
);
