/** iPayroll's API user name rule, checked as the admin types (no Sandbox scenario to look up). */

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
