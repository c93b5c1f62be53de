import { compareCodeUnits as cmp } from '../graph/refs';
import { StrategyModel, STYLES } from './model';
import { StrategySnapshot } from './types';

/** The snapshot of a computed document: its counts and finding keys. */
export function snapshotOf(model: StrategyModel): StrategySnapshot {
  const counts: Record<string, number> = {
    systems: model.systems.length,
    teams: model.teams.length,
    components: model.components,
  };
  for (const k of model.integrationsByKind) {
    counts[`integrations.${k.kind}`] = k.count;
  }
  for (const s of STYLES) {
    counts[`connections.${s}`] = model.connectionsByStyle[s];
  }
  for (const [severity, n] of Object.entries(model.findingsBySeverity)) {
    counts[`findings.${severity}`] = n;
  }
  for (const r of model.findingsByRule) {
    const key = `findings.rule.${r.rule}`;
    counts[key] = (counts[key] ?? 0) + r.count;
  }
  counts.exceptions = model.exceptions.length;
  const sorted: Record<string, number> = {};
  for (const key of Object.keys(counts).sort(cmp)) {
    sorted[key] = counts[key];
  }
  return {
    version: 1,
    counts: sorted,
    findingKeys: [
      ...new Set(model.findings.map(f => `${f.rule} ${f.entityRef}`)),
    ].sort(cmp),
  };
}

/**
 * What differs between two snapshots; empty lists when nothing does.
 *
 * @public
 */
export function diffStrategySnapshots(
  previous: StrategySnapshot,
  current: StrategySnapshot,
): {
  counts: Array<{ key: string; before: number; after: number }>;
  newFindings: string[];
  resolvedFindings: string[];
} {
  const keys = [
    ...new Set([
      ...Object.keys(previous.counts ?? {}),
      ...Object.keys(current.counts),
    ]),
  ].sort(cmp);
  const counts = keys
    .map(key => ({
      key,
      before: previous.counts?.[key] ?? 0,
      after: current.counts[key] ?? 0,
    }))
    .filter(c => c.before !== c.after);
  const before = new Set(previous.findingKeys ?? []);
  const after = new Set(current.findingKeys);
  return {
    counts,
    newFindings: current.findingKeys.filter(k => !before.has(k)),
    resolvedFindings: [...before].filter(k => !after.has(k)).sort(cmp),
  };
}

/**
 * True when two snapshots carry the same numbers and findings (times aside).
 *
 * @public
 */
export function sameStrategyNumbers(
  a: StrategySnapshot,
  b: StrategySnapshot,
): boolean {
  const d = diffStrategySnapshots(a, b);
  return (
    d.counts.length === 0 &&
    d.newFindings.length === 0 &&
    d.resolvedFindings.length === 0
  );
}
