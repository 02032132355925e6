/**
 * The fake's credential readers, imitating the core's: IRIS logins, HRworks key files, API keys
 * with their region, iPayroll's user name rule, and the masked hint shown for a secret.
 */

import type { Problem, Result } from "../types";
import { err, ok } from "./result";

/**
 * iPayroll's API user name rule as the core reports it (`credentials/ipayroll.rs`): the reason
 * for the first part that fails, or `null`. The organisation number is not known in the wizard.
 */
export function ipayrollUsernameRule(username: string): string | null {
  if (username === "") return "too_short";
  if (!/^[A-Za-z0-9]+$/.test(username)) return "invalid_characters";
  if (!/^\d{5}(?!\d)/.test(username)) return "no_org_number";
  if (!username.slice(5).startsWith("api")) return "no_api_infix";
  if (username.length === 8) return "no_partner_name";
  if (username.length < 13) return "too_short";
  return null;
}

const IRIS_LABEL = /^(user\s*name|password)\s*(?:[:=\t]|\s{2,}|$)\s*(.*)$/i;

/**
 * Reads IRIS credentials roughly the way the core does (`parse_iris_credentials`): labelled lines
 * (`Username: …` / `Password: …`, the value possibly on the next line) or exactly two bare
 * lines, user name first (one word). Returns the user name only.
 */
export function parseIrisText(text: string): Result<{ username: string }, Problem> {
  const unrecognised = err({ code: "iris_credentials_unrecognised" } as const);
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  let username: string | undefined;
  let password: string | undefined;
  if (lines.some((line) => IRIS_LABEL.test(line))) {
    for (let i = 0; i < lines.length; i++) {
      const match = IRIS_LABEL.exec(lines[i] ?? "");
      if (!match) continue;
      let value = (match[2] ?? "").trim();
      const next = lines[i + 1];
      if (value === "" && next !== undefined && !IRIS_LABEL.test(next)) {
        value = next;
        i += 1;
      }
      if (/^pass/i.test(match[1] ?? "")) password = value;
      else username = value;
    }
  } else if (lines.length === 2 && !/\s/.test(lines[0] ?? "")) {
    [username, password] = lines;
  }
  if (!username || !password) return unrecognised;
  return ok({ username });
}

/** Shows only the last four characters, like the core's `mask_tail`. */
export function maskTail(value: string): string {
  const chars = Array.from(value);
  if (chars.length <= 8) return "•".repeat(Math.max(chars.length, 4));
  return `${"•".repeat(8)}${chars.slice(-4).join("")}`;
}

/** Reads an HRworks key file the way the core does, returning the access key only. */
export function parseKeyFile(text: string): Result<{ accessKey: string }, Problem> {
  let access: string | undefined;
  let secret: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const label = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (label === "access key") access = value;
    else if (label === "secret access key") secret = value;
  }
  if ([access, secret].some((v) => v?.includes("...") || v?.includes("…"))) {
    return err({ code: "key_file_redacted_example" });
  }
  if (access && secret) return ok({ accessKey: access });
  if (access) return err({ code: "key_file_incomplete", params: { missing: "secret_access_key" } });
  if (secret) return err({ code: "key_file_incomplete", params: { missing: "access_key" } });
  return err({ code: "key_file_unrecognised" });
}

/** The example key of Employment Hero's API key guide: a copy of it is no one's key. */
const GUIDE_EXAMPLE_KEY = "RURQT1UyMm5vSnViZnNxZGlhMmJuUT09";

/** Reads an API key with its region line the way the core does (`parse_api_key`). */
export function parseApiKey(text: string): Result<{ key: string; region?: string }, Problem> {
  let key: string | undefined;
  let region: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "") continue;
    const labelled = /^region\s*:\s*(.*)$/i.exec(line);
    if (labelled) {
      region = (labelled[1] ?? "").toUpperCase();
      continue;
    }
    if (key !== undefined) return err({ code: "key_file_unrecognised" });
    key = line.replace(/^(api\s*)?key\s*:\s*/i, "");
  }
  if (!key || /\s/.test(key)) return err({ code: "key_file_unrecognised" });
  if (key === GUIDE_EXAMPLE_KEY || key.includes("…") || key.includes("...")) {
    return err({ code: "key_file_redacted_example" });
  }
  return ok(region ? { key, region } : { key });
}
