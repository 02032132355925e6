/**
 * The fake's cloud delivery: a product's backend like the Sandbox's "Acme Rostering" (the same
 * codes as `crates/hrlink-sandbox/README.md`), redeeming codes once and taking verified staged
 * credentials, with the core's forgiving code reading and its refusals before sending.
 */

import type {
  ConnectionHealth,
  DeliveredProfile,
  EnrollmentSummary,
  Problem,
  ProviderId,
  Result,
} from "../types";
import { accountOf } from "./answers";
import { err, ok } from "./result";
import { type FakeState, forget, pause } from "./state";
import type { FakeBackend, FakeEnrollment } from "./types";

export const FAKE_PRODUCT = "Acme Rostering";
export const FAKE_TENANT = { id: "t_kowhai", name: "Kōwhai Gardening Ltd" };
const CREATOR = { name: "Aroha Ngata", email: "aroha@kowhai.example" };

/** The Sandbox product's codes (its README), by canonical form. */
export const FAKE_CODES: Record<string, FakeEnrollment> = {
  "HRL-7K3M-Q9XZ": { provider: null },
  "HRL-HRWK-2026": { provider: "hrworks" },
  "HRL-EXP1-RED0": { refused: "enrollment_expired" },
  "HRL-VSED-0NCE": { refused: "enrollment_used" },
  "HRL-REA7-HRWK": {
    provider: "hrworks",
    reauthorise: accountOf("hrworks", "valid"),
  },
};

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Reads a code as the core does: spaces, dashes, lower case, a missing `HRL`, confusables. */
export function parseCode(typed: string): string | null {
  const link = /[?&]code=([^&]*)/.exec(typed.trim());
  let compact = (link ? decodeURIComponent(link[1] ?? "") : typed)
    .replace(/[\s\-‐–—]/g, "")
    .toUpperCase();
  if (compact.length === 11 && compact.startsWith("HRL")) compact = compact.slice(3);
  const body = compact.replace(/[IL]/g, "1").replace(/O/g, "0");
  if (body.length !== 8 || [...body].some((c) => !CROCKFORD.includes(c))) return null;
  return `HRL-${body.slice(0, 4)}-${body.slice(4)}`;
}

export function deliveryMethods(state: FakeState) {
  const product = state.info.product;
  const codes = { ...FAKE_CODES, ...state.options.enrollmentCodes };
  const used = new Set<string>();
  const delivered: DeliveredProfile[] = [...(state.options.delivered ?? [])];
  let current: { code: string; enrollment: FakeEnrollment } | null = null;
  const refusal = (code: Problem["code"]): Problem => ({ code, params: { product } }) as Problem;

  const methods: Pick<
    FakeBackend,
    | "redeemEnrollment"
    | "deliverConnection"
    | "forgetEnrollment"
    | "listDelivered"
    | "deliveredStatus"
  > = {
    redeemEnrollment: async (typed): Promise<Result<EnrollmentSummary, Problem>> => {
      state.calls.push({ method: "redeemEnrollment", code: typed });
      await pause(state);
      const code = parseCode(typed);
      if (!code) return err({ code: "enrollment_code_invalid" });
      if (state.options.productUnreachable) return err(refusal("delivery_unreachable"));
      const enrollment = codes[code];
      if (!enrollment) return err(refusal("enrollment_unknown"));
      if (enrollment.refused) return err(refusal(enrollment.refused));
      if (used.has(code)) return err(refusal("enrollment_used"));
      used.add(code);
      current = { code, enrollment };
      const provider = enrollment.provider ?? null;
      return ok({
        product,
        origin: "http://127.0.0.1:4100",
        tenant: FAKE_TENANT,
        created_by: state.info.support_mode
          ? { name: "A. N.", email: "a•••@kowhai.example" }
          : CREATOR,
        provider,
        reauthorise: enrollment.reauthorise
          ? {
              connection_id: "con_sandbox_hrworks",
              provider: provider ?? "hrworks",
              account: enrollment.reauthorise,
            }
          : null,
        expires_at: new Date(Date.now() + 15 * 60_000).toISOString(),
      });
    },
    deliverConnection: async (staged) => {
      state.calls.push({ method: "deliverConnection", staged });
      await pause(state);
      const entry = state.staged.get(staged);
      const report = state.reports.get(staged);
      if (!entry || !report?.ok || !report.account) return err({ code: "credentials_expired" });
      if (!current) return err(refusal("enrollment_expired"));
      const { enrollment } = current;
      const expected = enrollment.reauthorise;
      if (expected && expected.id !== report.account.id) {
        return err({
          code: "delivery_different_account",
          params: {
            product,
            provider: providerName(state, entry.provider),
            expected: expected.name,
            reached: report.account.name,
          },
        } as Problem);
      }
      const answer = state.options.deliveryProblem;
      if (answer) return err(answer);
      state.deliveredMappings.push(state.chosenMappings.get(staged) ?? null);
      const profile: DeliveredProfile = {
        connection_id: expected ? "con_sandbox_hrworks" : `con_${delivered.length + 1}`,
        origin: "http://127.0.0.1:4100",
        product,
        tenant: FAKE_TENANT,
        provider: entry.provider,
        account: report.account,
        delivered_at: new Date().toISOString(),
      };
      delivered.push(profile);
      current = null;
      forget(state, staged);
      state.draft = null;
      return ok({ profile, status: "connected" });
    },
    forgetEnrollment: async () => {
      state.calls.push({ method: "forgetEnrollment" });
      current = null;
    },
    listDelivered: async () => {
      state.calls.push({ method: "listDelivered" });
      return ok([...delivered]);
    },
    deliveredStatus: async (connectionId): Promise<Result<ConnectionHealth, Problem>> => {
      state.calls.push({ method: "deliveredStatus", connectionId });
      await pause(state);
      const health = state.options.deliveredHealth?.[connectionId];
      if (health && "code" in health) return err(health);
      return ok(health ?? { status: "connected", since: "2026-12-07T09:00:00Z", detail: null });
    },
  };
  return methods;
}

function providerName(state: FakeState, id: ProviderId): string {
  return state.providers.find((p) => p.id === id)?.name ?? id;
}
