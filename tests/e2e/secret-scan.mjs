// Canary scan: after each app session, no secret a spec handed to the app may be found in any file
// the app could have written — its config dir, the XDG config/cache/data dirs (where WebKit keeps
// the webview's storage and caches) — plainly, base64-encoded or URL-encoded. The keychain's own
// files (`$XDG_DATA_HOME/keyrings`) are the one place secrets belong, and are skipped.
import { existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The forms a secret could be written in. */
function encodings(secret) {
  const base64 = Buffer.from(secret).toString("base64");
  return [
    secret,
    encodeURIComponent(secret),
    base64,
    base64.replace(/=+$/, ""),
    Buffer.from(secret).toString("base64url"),
  ];
}

function* files(dir, skip) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    if (skip.includes(file)) continue;
    const stat = lstatSync(file);
    if (stat.isDirectory()) yield* files(file, skip);
    else if (stat.isFile()) yield file;
  }
}

/** Every (file, secret) pair where a form of the secret occurs in the file. */
export function findSecrets(dirs, secrets, skip = []) {
  const found = [];
  for (const dir of dirs) {
    for (const file of files(dir, skip)) {
      const text = readFileSync(file).toString("latin1");
      for (const secret of secrets) {
        const needles = encodings(secret).map((s) => Buffer.from(s).toString("latin1"));
        if (needles.some((needle) => text.includes(needle))) found.push({ file, secret });
      }
    }
  }
  return found;
}
