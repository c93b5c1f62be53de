/**
 * A `timestamptz` column's value as a Date. PostgreSQL's driver returns a
 * Date; SQLite has no date type and knex's better-sqlite3 driver stores a
 * Date as its milliseconds since the epoch, which comes back as a number.
 */
export function fromDbTime(value: Date | number | string): Date {
  if (value instanceof Date) {
    return value;
  }
  const date = new Date(
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  );
  if (Number.isNaN(date.getTime())) {
    throw new Error(`Not a stored time: ${String(value)}`);
  }
  return date;
}
