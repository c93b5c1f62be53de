/**
 * One thing wrong with an entity, phrased for the person who wrote the file:
 * where (`path`, e.g. `spec.consumers[1].entityRef`), what, and how to fix it.
 *
 * @public
 */
export interface EntityProblem {
  path: string;
  message: string;
  fix: string;
}

/**
 * Renders problems as lines like
 * `spec.partitions: must be an integer of at least 1 (got 0). Fix: ...`.
 *
 * @public
 */
export function formatEntityProblems(problems: EntityProblem[]): string {
  return problems.map(p => `${p.path}: ${p.message}. Fix: ${p.fix}`).join('\n');
}

/** Quotes a user value for a message without dumping whole objects. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (value === null) {
    return 'null';
  }
  if (typeof value === 'object') {
    return 'an object';
  }
  return String(value);
}
