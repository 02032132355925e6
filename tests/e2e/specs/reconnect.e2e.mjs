// Reconnecting after an outage: a saved Sandbox HRworks connection whose key an administrator
// deleted shows "Sign-in refused" (failed auth) with what to do; re-authorising it with a new key
// of the same company brings it back to Connected. The key is revoked through the app's
// in-process Sandbox, whose addresses the app publishes under e2e (wdio.conf.mjs).
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  artifacts,
  checkedCard,
  chooseHrworks,
  keyFile,
  keys,
  paste,
  sandboxCompany,
  shot,
  waitForHeading,
} from "./support.mjs";

/** What an HRworks administrator does under Basics > Integrations > HR WORKS-API: delete a key. */
async function revokeInSandbox(accessKey) {
  const endpoints = JSON.parse(readFileSync(path.join(artifacts, "sandbox-endpoints.json"), "utf8"));
  const response = await fetch(`${endpoints.hrworks.api}/sandbox/revoke-key`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ accessKey }),
  });
  expect(response.status).toBe(204);
}

describe("Reconnecting a connection whose key was revoked", () => {
  it("saves a working connection", async () => {
    await chooseHrworks();
    await paste("#key-text", keyFile(keys.valid));
    await $("button=Continue").click();
    await waitForHeading(`Connected to ${sandboxCompany} — is this the right company?`);
    await $("button=Save this connection").click();
    await waitForHeading("Check your answers before saving");
    await $("button=Save connection").click();
    await waitForHeading(`Connected: ${sandboxCompany}`);
  });

  it("shows the revoked key as refused, with what to do", async () => {
    await revokeInSandbox(keys.valid.access);
    await $("button=See your connections").click();
    await waitForHeading("Your connections");
    const card = await checkedCard();
    await expect(card).toHaveText(expect.stringContaining("Sign-in refused"));
    await expect(card).toHaveText(expect.stringContaining("HRworks did not accept"));
    await shot("reconnect", "failed-auth");
  });

  it("re-authorises it with a new key of the same company", async () => {
    await (await $("li.connection")).$("button*=Re-authorise").click();
    await waitForHeading("Which HRworks key should HR Link use?");
    await paste("#key-text", keyFile(keys.sameCompany));
    await $("button=Continue").click();
    await waitForHeading(`Connected to ${sandboxCompany} — is this the right company?`);
    await $("button=Update connection").click();
    await waitForHeading(`Re-authorised ${sandboxCompany}`);

    await $("button=See your connections").click();
    await waitForHeading("Your connections");
    const card = await checkedCard();
    await expect(card).toHaveText(expect.stringContaining("Connected"));
    await expect(card).toHaveText(expect.stringContaining("GE01"));
    await shot("reconnect", "reconnected");
  });
});
