/** The IRIS API user's name and password as the wizard reads and hands them over. */

/** A label at the start of a line, then `:`, `=`, a tab or spaces (or nothing more). */
const LABEL = /^(user\s*name|password)(?:\s*[:=]\s*|\t+\s*|\s+|$)(.*)$/i;

/**
 * Reads what the admin pasted into one of the two boxes when it holds both values: two labelled
 * lines (`Username: …` / `Password: …`, a value possibly on the line below its label, other
 * lines ignored) or exactly two bare lines, user name first. `null` when it is not both (then the
 * paste goes into the box as usual).
 */
export function splitLogin(text: string): { username: string; password: string } | null {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  if (lines.length < 2) return null;
  if (lines.some((line) => LABEL.test(line))) {
    let username: string | undefined;
    let password: string | undefined;
    for (let i = 0; i < lines.length; i++) {
      const match = LABEL.exec(lines[i] ?? "");
      if (!match) continue;
      let value = (match[2] ?? "").trim();
      const next = lines[i + 1];
      if (value === "" && next !== undefined && !LABEL.test(next)) {
        value = next;
        i += 1;
      }
      if (/^pass/i.test(match[1] ?? "")) password = value;
      else username = value;
    }
    return username && password ? { username, password } : null;
  }
  const [username, password] = lines;
  if (lines.length !== 2 || !username || !password || /\s/.test(username)) return null;
  return { username, password };
}

/**
 * The text handed to the core (`stage_credentials` reads IRIS logins as labelled lines). Spaces
 * around the values go, as the core trims them too.
 */
export function loginCredentialText(username: string, password: string): string {
  return `Username: ${username.trim()}\nPassword: ${password.trim()}`;
}
