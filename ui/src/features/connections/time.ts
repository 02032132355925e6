/** "3 minutes ago" / "vor 3 Minuten" from Unix seconds, in the UI's language. */

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

export function relativeTime(unixSeconds: number, nowSeconds: number, language: string): string {
  const format = new Intl.RelativeTimeFormat(language, { numeric: "auto" });
  const elapsed = Math.max(0, nowSeconds - unixSeconds);
  for (const [unit, seconds] of UNITS) {
    if (elapsed >= seconds) return format.format(-Math.floor(elapsed / seconds), unit);
  }
  // Under a minute: "now" / "jetzt".
  return format.format(0, "second");
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
