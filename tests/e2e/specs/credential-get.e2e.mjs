// A product on this computer uses a connection saved in the app (issue 13, HANDOFF.md section 1):
// the command shown on the connection's card, run from outside the app by the `hrlink` CLI
// (same config dir and keychain session as the app under test), hands out a token that the
// app's Sandbox accepts, and the card then says which program used it.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import {
  cli,
  cardSelector,
  chooseHrworks,
  expectText,
  keyFile,
  keys,
  paste,
  shot,
  waitForCheckedCard,
  waitForHeading,
} from "./support.mjs";


describe("A product using a saved connection through `hrlink credential get`", () => {
  let command = "";

  it("saves an HRworks connection and shows the product's command on its card", async () => {
    await chooseHrworks();
    // A whole pasted key is checked at once.
    await paste("#key-text", keyFile(keys.valid));
    await $("button=Save this connection").click();
    await waitForHeading("Check your answers before saving");
    await $("button=Save connection").click();
    await expectText("h1", expect.stringMatching(/^Connected: /));
    await $("button=See your connections").click();
    await waitForHeading("Your connections");
    await waitForCheckedCard();
    // Nothing has used it yet.
    await expectText(cardSelector, expect.not.stringContaining("Last used"));

    await $(cardSelector).$("summary*=How Demo Rostering uses this connection").click();
    await expectText(`${cardSelector} .copy-value__text`, expect.stringMatching(/^hrlink credential get \S+ --json$/));
    // As copied: the element's text, not its rendering (a long id wraps on a narrow card).
    command = await browser.execute((sel) => document.querySelector(sel).textContent, `${cardSelector} .copy-value__text`);
  });

  it("hands a working token to a program outside the app", async () => {
    if (!existsSync(cli)) throw new Error(`no CLI at ${cli}: build it with cargo build -p hrlink-cli`);
    const [, , , connection, ...args] = command.trim().split(/\s+/);
    const { stdout } = await promisify(execFile)(cli, ["credential", "get", connection, ...args], {
      env: process.env,
    });
    const access = JSON.parse(stdout);
    expect(access).toMatchObject({ connection_id: connection, provider: "hrworks" });
    expect(access.authorization).toMatch(/^Bearer \S+$/);

    // The product calls the HR system with it, as docs/product-integration.md says.
    const answer = await fetch(`${access.api_base}/v2/persons?onlyActive=true`, {
      headers: { Authorization: access.authorization },
    });
    expect(answer.status).toBe(200);
    const refused = await fetch(`${access.api_base}/v2/persons?onlyActive=true`, {
      headers: { Authorization: "Bearer not-a-token" },
    });
    expect(refused.status).toBe(401);
  });

  it("then shows on the card which program used the connection", async () => {
    // Opening the screen again reads the connections afresh.
    await $("button=Connect a system").click();
    await $("button=Your connections").click();
    await waitForHeading("Your connections");
    await waitForCheckedCard();
    // The caller is the CLI's parent process: this spec's Node.js worker.
    await expectText(cardSelector, expect.stringMatching(/Last used by node, (now|1 minute ago)/));
    await shot("credential-get", "last-used");
  });
});
