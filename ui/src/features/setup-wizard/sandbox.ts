/**
 * The built-in Sandbox's test users, shown in demo mode (`crates/hrlink-sandbox/src/scenarios.rs`;
 * a test checks that they match). Public made-up values that only the Sandbox accepts: not secrets.
 */

import type { ProviderId } from "../../lib/ipc/types";

export interface SandboxUser {
  username: string;
  password: string;
}

/** The user each system's Sandbox connects happily with (HRworks uses a key instead). */
export const SANDBOX_USERS: Partial<Record<ProviderId, SandboxUser>> = {
  // scenarios.rs: iris::VALID
  iris: { username: "sbx-api-valid", password: "Sbx!Valid-7Kq2Rw9P" },
  // scenarios.rs: ipayroll::API_USER
  ipayroll: { username: "49764apihrlink", password: "Sandbox-Password-1" },
  // scenarios.rs: employmenthero::ONE_ORGANISATION
  employmenthero: { username: "one.org@sandbox.example", password: "Sandbox-Password-1" },
};
