/**
 * What the UI says about each HR system in the system's own words comes from the core's
 * per-provider catalogue (`crates/hrlink-core/messages/providers/<id>.<language>.json`), the
 * same files the CLI prints from.
 */
import type { ProviderId } from "../ipc/types";

/** One provider's texts in one language, as in the core's files. */
export interface ProviderTextFile {
  permission: Record<string, string>;
  fix: string;
  fix_permission?: Record<string, string>;
  narrow: string;
  revoke: string;
  product?: string;
  rejected?: { message: string; next_step: string };
}

/** `persons.master-data` → `persons_master_data`: i18next reads `.` and `:` in keys as separators. */
export function permissionKey(id: string): string {
  return id.replace(/[^A-Za-z0-9]/g, "_");
}

function byKey(names: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(names).map(([id, name]) => [permissionKey(id), name]));
}

/**
 * The texts of every provider from its files (`import.meta.glob` of `<id>.<language>.json`, so a
 * new provider's file is picked up without an edit here), with permission ids as i18next keys
 * (see `permissionKey`).
 */
export function providerTexts(files: Record<string, ProviderTextFile>) {
  return Object.fromEntries(
    Object.entries(files).map(([path, file]) => [
      path.replace(/^.*\//, "").replace(/\..*$/, ""),
      {
        permission: byKey(file.permission),
        fix: file.fix,
        fixPermission: byKey(file.fix_permission),
        narrow: file.narrow,
        revoke: file.revoke,
        ...(file.product && { product: file.product }),
        ...(file.rejected && {
          rejected: { message: file.rejected.message, nextStep: file.rejected.next_step },
        }),
      },
    ]),
  ) as Record<
    ProviderId,
    {
      permission: Record<string, string>;
      fix: string;
      fixPermission: Record<string, string>;
      narrow: string;
      revoke: string;
      product?: string;
      rejected?: { message: string; nextStep: string };
    }
  >;
}
