import { parse } from 'yaml';

/**
 * Annotation on an entity excusing it from rules: a YAML (or JSON) list of
 * `{ rule, reason, expires? }`.
 *
 * ```yaml
 * interchange.dev/check-exceptions: |
 *   - rule: hygiene/public-route-without-auth
 *     reason: The token endpoint is where clients authenticate; rate limited.
 *     expires: 2026-12-31
 * ```
 *
 * @public
 */
export const ANNOTATION_CHECK_EXCEPTIONS = 'interchange.dev/check-exceptions';

/** @public */
export interface CheckException {
  rule: string;
  reason: string;
  /** `YYYY-MM-DD` (valid through that day, UTC) or an ISO 8601 time. */
  expires?: string;
}

/** @public */
export interface ParsedCheckExceptions {
  exceptions: CheckException[];
  /** What is wrong with the annotation, each naming the entry and field. */
  problems: string[];
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The instant an exception stops hiding findings, or NaN when unparseable. */
export function exceptionExpiry(expires: string): number {
  if (DATE_ONLY.test(expires)) {
    return Date.parse(`${expires}T23:59:59.999Z`);
  }
  return Date.parse(expires);
}

/**
 * Parses the exceptions annotation. Entries with problems are left out, and
 * the problems returned so they can be reported.
 *
 * @public
 */
export function parseCheckExceptions(
  value: string,
  knownRuleIds: ReadonlySet<string>,
): ParsedCheckExceptions {
  const problems: string[] = [];
  let data: unknown;
  try {
    data = parse(value);
  } catch (e) {
    return {
      exceptions: [],
      problems: [
        `is not valid YAML or JSON (${
          String((e as Error).message).split('\n')[0]
        })`,
      ],
    };
  }
  if (!Array.isArray(data)) {
    return {
      exceptions: [],
      problems: ['must be a list of { rule, reason, expires? } entries'],
    };
  }
  const exceptions: CheckException[] = [];
  data.forEach((item, i) => {
    const at = `entry ${i + 1}`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push(
        `${at}: must be a map with rule, reason and optionally expires`,
      );
      return;
    }
    const { rule, reason, expires, ...rest } = item as Record<string, unknown>;
    const before = problems.length;
    for (const key of Object.keys(rest)) {
      problems.push(
        `${at}: unknown field '${key}' (allowed: rule, reason, expires)`,
      );
    }
    if (typeof rule !== 'string' || !rule) {
      problems.push(
        `${at}: rule is required (a rule id such as hygiene/orphan-topic)`,
      );
    } else if (!knownRuleIds.has(rule)) {
      problems.push(`${at}: rule '${rule}' is not a known rule id`);
    }
    if (typeof reason !== 'string' || !reason.trim()) {
      problems.push(
        `${at}: reason is required (why the finding is acceptable)`,
      );
    }
    let expiresText: string | undefined;
    if (expires !== undefined && expires !== null) {
      expiresText =
        expires instanceof Date ? expires.toISOString() : String(expires);
      if (Number.isNaN(exceptionExpiry(expiresText))) {
        problems.push(
          `${at}: expires '${expiresText}' is not a date (use YYYY-MM-DD)`,
        );
      }
    }
    if (problems.length === before) {
      exceptions.push({
        rule: rule as string,
        reason: (reason as string).trim(),
        ...(expiresText ? { expires: expiresText } : {}),
      });
    }
  });
  return { exceptions, problems };
}
