/** An API key as the wizard reads and hands it over (Employment Hero Payroll). */

/**
 * What the core parses: the region on a line of its own, then the key (`Region: NZ`). The core
 * checks the key; the region comes from the choice, never from the pasted text.
 */
export function apiKeyText(region: string, key: string): string {
  return `Region: ${region}\n${key.trim()}\n`;
}

/**
 * Whether pasted text could be a whole key: one token of at least 16 characters with no space
 * inside (a real key is 32). A shorter paste is part of one: it waits for Continue.
 */
export function isWholeKey(text: string): boolean {
  const key = text.trim();
  return key.length >= 16 && !/\s/.test(key);
}

/** The key's last four characters, masked in front ("…MUT09" → "••••UT09"), to tell keys apart. */
export function keyEnd(text: string): string {
  const key = text.trim();
  return key.length >= 8 ? `••••${key.slice(-4)}` : "";
}
