import { describeValue } from '../validation/EntityProblem';

/**
 * Reading a parsed document whose shape is not trusted: each helper returns
 * the value in the shape the parser needs, or throws naming the field
 * (`spec.rules[0].matches must be a list (got 'b')`), so a broken file is
 * answered with where it is broken, never with a TypeError from inside a
 * parser. Missing (undefined or null) is the empty value.
 */

/** A list, or [] when missing. */
export function listAt(value: unknown, field: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw new Error(`${field} must be a list (got ${describeValue(value)})`);
  }
  return value;
}

/** A map, or {} when missing. */
export function mapAt(value: unknown, field: string): Record<string, any> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${field} must be a map (got ${describeValue(value)})`);
  }
  return value as Record<string, any>;
}

/** The maps of a list, each checked, with their field names. */
export function mapsAt(
  value: unknown,
  field: string,
): Array<Record<string, any>> {
  return listAt(value, field).map((v, i) => mapAt(v, `${field}[${i}]`));
}

/** Text (numbers and booleans as written), or undefined when missing. */
export function textAt(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (['string', 'number', 'boolean'].includes(typeof value)) {
    return String(value);
  }
  throw new Error(`${field} must be text (got ${describeValue(value)})`);
}

/** Text that must be there. */
export function requiredTextAt(value: unknown, field: string): string {
  const text = textAt(value, field);
  if (text === undefined || text === '') {
    throw new Error(`${field} is required`);
  }
  return text;
}

/** A list of texts, or [] when missing. */
export function textsAt(value: unknown, field: string): string[] {
  return listAt(value, field).map((v, i) => textAt(v, `${field}[${i}]`) ?? '');
}

/** A number, or undefined when missing. */
export function numberAt(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)) {
    return Number(value);
  }
  throw new Error(`${field} must be a number (got ${describeValue(value)})`);
}
