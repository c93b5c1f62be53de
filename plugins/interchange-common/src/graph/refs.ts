/**
 * Normalises a reference to `kind:namespace/name`, lower case (the catalog
 * compares refs case-insensitively). Returns undefined when it cannot be
 * parsed, e.g. a bare name where no default kind applies. Same grammar as
 * `parseEntityRef` (`[kind:][namespace/]name`), without its exceptions,
 * since graphs of tens of thousands of refs go through here.
 */
export function normalizeRef(
  ref: unknown,
  defaultKind: string | undefined,
  defaultNamespace: string,
): string | undefined {
  if (typeof ref !== 'string') {
    return undefined;
  }
  const text = ref.trim();
  const colon = text.indexOf(':');
  const kind = colon === -1 ? defaultKind : text.slice(0, colon);
  const rest = colon === -1 ? text : text.slice(colon + 1);
  const slash = rest.indexOf('/');
  const namespace = slash === -1 ? defaultNamespace : rest.slice(0, slash);
  const name = slash === -1 ? rest : rest.slice(slash + 1);
  if (
    !kind ||
    !namespace ||
    !name ||
    name.includes('/') ||
    name.includes(':')
  ) {
    return undefined;
  }
  return `${kind}:${namespace}/${name}`.toLowerCase();
}

/** The lower-case kind of a normalised ref. */
export function kindOfRef(ref: string): string {
  return ref.slice(0, ref.indexOf(':'));
}

/** The values of a spec field that holds one ref or a list of refs (or `{ entityRef }` items). */
export function refValues(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of list) {
    if (typeof item === 'string') {
      out.push(item);
    } else if (
      item &&
      typeof item === 'object' &&
      typeof (item as { entityRef?: unknown }).entityRef === 'string'
    ) {
      out.push((item as { entityRef: string }).entityRef);
    }
  }
  return out;
}

/**
 * Orders strings by code units: stable across machines and far cheaper than
 * `localeCompare` (ICU) when sorting thousands of refs and findings.
 */
export function compareCodeUnits(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}
