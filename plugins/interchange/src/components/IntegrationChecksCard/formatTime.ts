/** A stored time for people: `2026-12-01 10:00 UTC` (the same in every browser). */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    return iso;
  }
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
