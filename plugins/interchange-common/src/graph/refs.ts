import { parseEntityRef } from '@backstage/catalog-model';

/**
 * Normalises a reference to `kind:namespace/name`, lower case (the catalog
 * compares refs case-insensitively). Returns undefined when it cannot be
 * parsed, e.g. a bare name where no default kind applies.
 */
export function normalizeRef(
  ref: unknown,
  defaultKind: string | undefined,
  defaultNamespace: string,
): string | undefined {
  if (typeof ref !== 'string' || !ref.trim()) {
    return undefined;
  }
  try {
    const parsed = parseEntityRef(ref.trim(), {
      defaultKind,
      defaultNamespace,
    });
    return `${parsed.kind}:${parsed.namespace}/${parsed.name}`.toLocaleLowerCase(
      'en-US',
    );
  } catch {
    return undefined;
  }
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
