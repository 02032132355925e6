import { type ProviderTextFile, providerTexts } from "../providerTexts";

/** What each permission lets HR Link do, per system, keyed by its id with `.`, `-`, `:` as `_`. */
/** What HR Link says about each system, from the core's catalogue (`messages/providers/*.en.json`). */
export const providers = providerTexts(
  import.meta.glob<ProviderTextFile>(
    "../../../../../crates/hrlink-core/messages/providers/*.en.json",
    { eager: true, import: "default" },
  ),
);

/** A permission's id in a sentence. */
export const quoted = "“{{text}}”";

/** How to grant a missing permission in a system HR Link has no words for. */
export const permissionFixOther =
  "Give the key this permission in {{provider}}, then choose Try again.";
