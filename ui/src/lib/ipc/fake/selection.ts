/**
 * How the fake narrows a verification run to the permissions the admin chose, as the core does.
 */

import type { Problem, ProviderId, VerifyStep } from "../types";
import { ok } from "./result";
import { providerName } from "./sandbox";
import type { VerifyScript } from "./types";

/**
 * What the fake apps grant besides the permissions HR Link asks for, like the Sandbox's
 * Employment Hero app (its scopes are fixed when it is created).
 */
const ALSO_GRANTED: Partial<Record<ProviderId, string[]>> = {
  employmenthero: ["organisations:show", "employees:show"],
};

/** The fake scenarios' permissions that open personal data HR Link does not read. */
const PERSONAL_BEYOND = new Set(["contract", "employees:show"]);

/**
 * Narrows a full run to the admin's selection, as the core does: unchosen optional permissions
 * leave the progress and the table; a chosen one that is missing fails the check; what is granted
 * beyond the selection is a warning when it reaches personal data or counts three or more.
 */
export function selectRun(script: VerifyScript, optional: readonly string[]): VerifyScript {
  if (script.result.status !== "ok") return script;
  const report = script.result.data;
  const unchosen = new Set(
    report.permissions.filter((p) => !p.required && !optional.includes(p.id)).map((p) => p.id),
  );
  const hidden = (step: VerifyStep) => step.kind === "permission" && unchosen.has(step.id);
  const permissions = report.permissions.filter((p) => !unchosen.has(p.id));
  const provider = providerName(report.provider);
  const missing: Problem[] = permissions
    .filter((p) => !p.required && p.status === "missing")
    .map((p) => ({ code: "permission_missing", params: { provider, permission: p.id } }));
  const at = report.problems.findIndex((p) => p.code !== "permission_missing");
  const problems = [...report.problems];
  problems.splice(at === -1 ? problems.length : at, 0, ...missing);
  const beyond = [
    ...report.permissions
      .filter((p) => unchosen.has(p.id) && p.status === "granted")
      .map((p) => p.id),
    ...(report.account ? (ALSO_GRANTED[report.provider] ?? []) : []),
  ];
  const far = beyond.length >= 3 || beyond.some((id) => PERSONAL_BEYOND.has(id));
  return {
    progress: script.progress.filter((event) => !hidden(event.step)),
    result: ok({
      ...report,
      ok: report.ok && missing.length === 0,
      permissions,
      problems,
      warnings: far
        ? [
            {
              code: "permissions_beyond_selection",
              params: { provider, permissions: beyond.join(", ") },
            },
          ]
        : report.warnings,
    }),
  };
}
