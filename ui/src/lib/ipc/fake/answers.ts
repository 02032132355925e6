/**
 * The core's answers on the Sandbox's scenarios, looked up rather than computed: written by the
 * Rust test `ui_fixtures` (crates/hrlink-core/tests/integration), which stages, signs in and
 * verifies each scenario with the real session, for every choice of optional permissions and
 * organisation. A scenario's text is recognised by the SHA-256 of the line naming it (or of the
 * whole text: the file holds no key), a sign-in by the Sandbox user.
 */

import generated from "../sandboxAnswers.gen.json";
import type {
  Account,
  Problem,
  ProviderId,
  Result,
  VerificationReport,
  VerifyProgress,
  VerifyStep,
} from "../types";
import { err, ok } from "./result";
import type { VerifyScript } from "./types";

interface Verification {
  optional: string[];
  organisation: string | null;
  steps: [VerifyStep, boolean][];
  report: VerificationReport;
}

interface ScenarioAnswers {
  provider: ProviderId;
  scenario: string;
  given: { line_sha256: string } | { user: string };
  hint: string;
  organisations: Account[];
  verifications: Verification[];
}

interface Refused {
  provider: ProviderId;
  name: string;
  text: string;
  problem: Problem;
}

const ANSWERS = generated as unknown as { credentials: ScenarioAnswers[]; refused: Refused[] };

/** A scenario's answers; a test naming one the generator does not run is a mistake. */
function scenario(provider: ProviderId, name: string): ScenarioAnswers {
  const found = ANSWERS.credentials.find((s) => s.provider === provider && s.scenario === name);
  if (!found) throw new Error(`no Sandbox answers for ${provider} "${name}"`);
  return found;
}

async function sha256(line: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(line));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** What a text given for `provider` stages as: a scenario with its hint, or the core's refusal. */
export async function stagedScenario(
  provider: ProviderId,
  text: string,
): Promise<Result<{ scenario: string; hint: string }, Problem>> {
  const refused = ANSWERS.refused.filter((r) => r.provider === provider);
  const exact = refused.find((r) => r.text.trim() === text.trim());
  if (exact) return err(exact.problem);
  const lines = [...text.split(/\r?\n/).map((line) => line.trim()), text.trim()];
  const digests = new Set(await Promise.all(lines.map(sha256)));
  const known = ANSWERS.credentials.find(
    (s) => s.provider === provider && "line_sha256" in s.given && digests.has(s.given.line_sha256),
  );
  if (known) return ok({ scenario: known.scenario, hint: known.hint });
  const unknown = refused.find((r) => r.name === "unknown");
  return err(unknown?.problem ?? { code: "key_file_unrecognised" });
}

/** The scenario a browser sign-in as the Sandbox user `user` is (default: the provider's first). */
export function signedInScenario(provider: ProviderId, user?: string): ScenarioAnswers | undefined {
  return ANSWERS.credentials.find(
    (s) =>
      s.provider === provider && "user" in s.given && (user === undefined || s.given.user === user),
  );
}

/** The organisations (businesses) a scenario's credentials reach. */
export const organisationsOf = (provider: ProviderId, name: string) =>
  scenario(provider, name).organisations;

/** The company a scenario's credentials reach. */
export function accountOf(provider: ProviderId, name: string): Account {
  const account = scenario(provider, name).verifications[0]?.report.account;
  if (!account) throw new Error(`${provider} "${name}" reaches no company`);
  return account;
}

/** Progress events for a run in which every step in `outcomes` happens, in a realistic order. */
export function progressFor(outcomes: Array<[VerifyStep, boolean]>): VerifyProgress[] {
  const [first, ...rest] = outcomes;
  if (!first) return [];
  const events: VerifyProgress[] = [
    { state: "started", step: first[0] },
    { state: "finished", step: first[0], ok: first[1] },
  ];
  // After signing in, the probes run concurrently: all start, then all finish.
  for (const [step] of rest) events.push({ state: "started", step });
  for (const [step, stepOk] of rest) events.push({ state: "finished", step, ok: stepOk });
  return events;
}

const sameChoice = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

/** The core's run of a scenario with the `optional` permissions and `organisation` chosen. */
export function verificationOf(
  provider: ProviderId,
  name: string,
  optional: readonly string[],
  organisation: string | null,
): VerifyScript {
  const runs = scenario(provider, name).verifications;
  const run =
    runs.find((v) => sameChoice(v.optional, optional) && v.organisation === organisation) ??
    runs.find((v) => sameChoice(v.optional, optional) && v.organisation === null);
  if (!run) throw new Error(`no Sandbox run of ${provider} "${name}" with ${optional.join(", ")}`);
  return { progress: progressFor(run.steps), result: ok(run.report) };
}

/** The main valid scenario of each provider (what a test means by "the valid key"). */
const VALID: Record<ProviderId, string> = {
  hrworks: "valid",
  iris: "valid",
  employmenthero_payroll: "valid",
  ipayroll: "apiUser",
  employmenthero: "oneOrganisation",
};

/** The core's report for the valid credentials of `provider` with every optional permission. */
export function successReport(
  provider: ProviderId = "hrworks",
  overrides: Partial<VerificationReport> = {},
): VerificationReport {
  const runs = scenario(provider, VALID[provider]).verifications;
  const widest = runs.reduce((a, b) => (b.optional.length > a.optional.length ? b : a));
  return { ...widest.report, ...overrides };
}

/** The run that leads to `report`: sign-in, organisation, each permission, people. */
export function scenarioFor(report: VerificationReport): VerifyScript {
  return {
    progress: progressFor([
      [{ kind: "authenticate" }, true],
      [{ kind: "account" }, report.account !== null],
      ...report.permissions.map((p): [VerifyStep, boolean] => [
        { kind: "permission", id: p.id },
        p.status !== "missing",
      ]),
      [{ kind: "people" }, report.people !== null],
    ]),
    result: ok(report),
  };
}

/** A run that fails at signing in with `problem`. */
export function failedScenario(provider: ProviderId, problem: Problem): VerifyScript {
  return {
    progress: progressFor([[{ kind: "authenticate" }, false]]),
    result: ok({
      provider,
      ok: false,
      account: null,
      permissions: [],
      people: null,
      problems: [problem],
      warnings: [],
    }),
  };
}
