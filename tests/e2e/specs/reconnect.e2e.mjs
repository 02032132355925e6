// Reconnecting after an outage: a saved Sandbox HRworks connection (its people confirmed) whose
// key an administrator deleted shows "Sign-in refused" (failed auth) with what to do; meanwhile
// people joined, left and moved in HRworks. Re-authorising it with a new key of the same company
// shows what changed since the people were confirmed, and brings it back to Connected. The key
// is revoked and the people changed through the app's in-process Sandbox, whose addresses the
// app publishes under e2e (wdio.conf.mjs).
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  artifacts,
  cardSelector,
  chooseHrworks,
  expectText,
  keyFile,
  keys,
  listPeople,
  paste,
  sandboxCompany,
  shot,
  waitForCheckedCard,
  waitForHeading,
} from "./support.mjs";

/** Acts as the HRworks administrator through a Sandbox control endpoint. */
async function inSandbox(control, body) {
  const endpoints = JSON.parse(readFileSync(path.join(artifacts, "sandbox-endpoints.json"), "utf8"));
  const response = await fetch(`${endpoints.hrworks.api}/sandbox/${control}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(204);
}


describe("Reconnecting a connection whose key was revoked", () => {
  it("saves a working connection with its people confirmed", async () => {
    await chooseHrworks();
    await paste("#key-text", keyFile(keys.valid));
    await waitForHeading(`Connected to ${sandboxCompany} — is this the right company?`);
    await listPeople();
    await $("button=Yes, these are our people").click();
    await waitForHeading("Check your answers before saving");
    await $("button=Save connection").click();
    await waitForHeading(`Connected: ${sandboxCompany}`);
  });

  it("shows the revoked key as refused, with what to do", async () => {
    // While the connection is broken, HR work goes on: two hires, a deletion, a leaver, moves.
    await inSandbox("turnover", { accessKey: keys.valid.access, hired: 2, removed: 1, terminated: 1, moved: 3 });
    await inSandbox("revoke-key", { accessKey: keys.valid.access });
    await $("button=See your connections").click();
    await waitForHeading("Your connections");
    await waitForCheckedCard();
    await expectText(cardSelector, expect.stringContaining("Sign-in refused"));
    await expectText(cardSelector, expect.stringContaining("HRworks did not accept"));
    await shot("reconnect", "failed-auth");
  });

  it("re-authorises it with a new key of the same company, showing what changed among the people", async () => {
    await $(cardSelector).$("button*=Re-authorise").click();
    await waitForHeading("Which HRworks key should HR Link use?");
    await paste("#key-text", keyFile(keys.reissued));
    await waitForHeading(`Connected to ${sandboxCompany} — is this the right company?`);
    await listPeople();
    await expectText(
      ".people-changes__summary",
      expect.stringMatching(
        /^Since you last confirmed on [^:]+: 2 joined, 1 left, 1 inactive or left their job, 3 changed\. The connection was not working from [^.]+\.$/,
      ),
    );
    await expectText('[data-changes="changed"]', expect.stringContaining("(location)"));
    await $("#changes-heading").scrollIntoView();
    await shot("reconnect", "people-changes");
    await $("button=Yes, these are our people").click();
    // Check your answers, as for a new connection, with the people confirmed.
    await waitForHeading(`Check your answers before updating ${sandboxCompany}`);
    await expectText(".summary-list", expect.stringMatching(/You confirmed \d+ people/));
    await $("button=Update connection").click();
    await waitForHeading(`Re-authorised ${sandboxCompany}`);

    await $("button=See your connections").click();
    await waitForHeading("Your connections");
    await waitForCheckedCard();
    await expectText(cardSelector, expect.stringContaining("Connected"));
    await expectText(cardSelector, expect.stringContaining("0007"));
    await shot("reconnect", "reconnected");
  });
});
