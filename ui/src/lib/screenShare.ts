/** Every character of a credential's hint hidden: screen-share mode keeps even its end private. */
const FULLY_MASKED = "••••••••";

/** A key's or API user's hint (e.g. its last characters) as shown: nothing of it in screen-share mode. */
export function shownHint(hint: string, screenShare: boolean): string {
  return screenShare ? FULLY_MASKED : hint;
}
