// "Check my connections every day" in the real app (issue 17): the saved page offers it once;
// accepted, the systemd user units are written to this session's $XDG_CONFIG_HOME (no user
// systemd runs here, so nothing is started: the wants link enables it for the next login), and
// Your connections reads the switch back from them; switched off there, they are gone.
import { existsSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";
import {
  application, chooseHrworks, expectText, keyFile, keys, paste, shot, waitForHeading } from "./support.mjs";

const units = path.join(process.env.XDG_CONFIG_HOME ?? "/nonexistent", "systemd/user");
const service = path.join(units, "hrlink-check.service");
const wants = path.join(units, "timers.target.wants/hrlink-check.timer");
const label = "Check my connections every day and tell me if one stops working";
const toggle = `input[role="switch"][aria-describedby]`;

describe("The daily check of the saved connections", () => {
  it("is offered after the first save and installs the timer when accepted", async () => {
    expect(existsSync(service)).toBe(false);
    await chooseHrworks();
    await paste("#key-text", keyFile(keys.valid));
    await $("button=Save this connection").click();
    await waitForHeading("Check your answers before saving");
    await $("button=Save connection").click();
    await expectText("h1", expect.stringMatching(/^Connected: /));
    await expectText(".daily-check-offer", expect.stringContaining("Find out when a connection stops working"));
    await shot("daily-check", "offer");
    await $("button=Check my connections every day").click();
    await expectText(".daily-check-offer", expect.stringContaining("HR Link checks your connections every day"));

    // The job runs the hrlink beside the app, with this app's config dir, and waits for a click.
    const unit = readFileSync(service, "utf8");
    expect(unit).toContain(`ExecStart="${path.join(path.dirname(application), "hrlink")}" "--config-dir" "${process.env.HRLINK_CONFIG_DIR}"`);
    expect(unit).toContain('"connections" "check" "--notify" "--wait-for-click"');
    expect(readlinkSync(wants)).toBe(path.join(units, "hrlink-check.timer"));
  });

  it("shows on Your connections as the timer has it, and switched off there it is removed", async () => {
    await $("button=See your connections").click();
    await waitForHeading("Your connections");
    await expectText(".daily-check label", label);
    expect(await $(toggle).isSelected()).toBe(true);
    await expectText(".daily-check__state", expect.stringMatching(/^On\. Next check around 09:00/));
    await shot("daily-check", "on");
    await browser.setWindowSize(1024, 640);
    await $(".daily-check").scrollIntoView();
    await shot("daily-check", "on-1024");
    await $(toggle).click();
    await expectText(".daily-check__state", expect.stringMatching(/^Off\./));
    expect(await $(toggle).isSelected()).toBe(false);
    expect(existsSync(service)).toBe(false);
    expect(existsSync(wants)).toBe(false);
    await $("button=Deutsch").click();
    await expectText(".daily-check__state", expect.stringMatching(/^Aus\./));
    await shot("daily-check", "off-de-1024");
  });
});
