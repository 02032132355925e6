/**
 * Company names compared the way the core compares them (`normalise_name`): case, spacing and
 * punctuation aside, so that "ACME  GmbH." and "Acme GmbH" are the same company.
 */
export function normaliseCompanyName(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function sameCompanyName(a: string, b: string): boolean {
  return normaliseCompanyName(a) === normaliseCompanyName(b);
}
