import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import type { CheckSeverity } from '@interchange/plugin-interchange-common';
import {
  ChecksStore,
  FindingToStore,
  SkippedRule,
  StoredChecks,
  StoredFinding,
} from '../checks/ChecksStore';
import { fromDbTime } from './dbTime';

const FINDINGS = 'interchange_check_findings';
const RUNS = 'interchange_check_runs';
const RUN_ID = 'latest';
/** Rows per insert: well under SQLite's bound-parameter limit (13 columns each). */
const CHUNK = 50;

type FindingRow = {
  finding_key: string;
  rule: string;
  severity: string;
  entity_ref: string;
  entity_refs: string;
  owners: string;
  systems: string;
  message: string;
  fix: string;
  details: string;
  first_seen: Date | number | string;
  last_seen: Date | number | string;
};

type RunRow = {
  id: string;
  computed_at: Date | number | string;
  skipped_rules: string;
  excused: number;
};

const SEVERITY_ORDER: Record<string, number> = {
  error: 0,
  warning: 1,
  info: 2,
};

const byCodeUnits = (a: string, b: string) => {
  if (a < b) return -1;
  return a > b ? 1 : 0;
};

/**
 * A finding's identity across runs: its rule, its entity and the set of
 * entities involved (sorted, so their order in one run does not matter).
 * Hashed because a cycle can involve many long refs.
 */
export function findingKey(finding: {
  rule: string;
  entityRef: string;
  entityRefs: string[];
}): string {
  const refs = [...new Set(finding.entityRefs)].sort(byCodeUnits);
  return createHash('sha256')
    .update(JSON.stringify([finding.rule, finding.entityRef, refs]))
    .digest('hex');
}

/** {@link ChecksStore} in the plugin database. */
export class DatabaseChecksStore implements ChecksStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  async replace(run: {
    computedAt: Date;
    findings: FindingToStore[];
    skippedRules: SkippedRule[];
    excused: number;
  }): Promise<void> {
    const now = run.computedAt;
    // One row per key: a rule reporting the same finding twice stores it once.
    const rows = new Map<string, Omit<FindingRow, 'first_seen'>>();
    for (const f of run.findings) {
      const key = findingKey(f);
      rows.set(key, {
        finding_key: key,
        rule: f.rule,
        severity: f.severity,
        entity_ref: f.entityRef,
        entity_refs: JSON.stringify(f.entityRefs),
        owners: JSON.stringify(f.owners),
        systems: JSON.stringify(f.systems),
        message: f.message,
        fix: f.fix,
        details: JSON.stringify(f.details ?? {}),
        last_seen: now,
      });
    }
    await this.#db.transaction(async tx => {
      const existing = new Map<string, Date>(
        (
          await tx<FindingRow>(FINDINGS).select('finding_key', 'first_seen')
        ).map(r => [r.finding_key, fromDbTime(r.first_seen)]),
      );
      const gone = [...existing.keys()].filter(k => !rows.has(k));
      for (let i = 0; i < gone.length; i += CHUNK) {
        await tx(FINDINGS)
          .whereIn('finding_key', gone.slice(i, i + CHUNK))
          .delete();
      }
      const all = [...rows.values()].map(r => ({
        ...r,
        first_seen: existing.get(r.finding_key) ?? now,
      }));
      for (let i = 0; i < all.length; i += CHUNK) {
        await tx(FINDINGS)
          .insert(all.slice(i, i + CHUNK))
          .onConflict('finding_key')
          .merge([
            'severity',
            'entity_refs',
            'owners',
            'systems',
            'message',
            'fix',
            'details',
            'last_seen',
          ]);
      }
      await tx(RUNS)
        .insert({
          id: RUN_ID,
          computed_at: now,
          skipped_rules: JSON.stringify(run.skippedRules),
          excused: run.excused,
        })
        .onConflict('id')
        .merge(['computed_at', 'skipped_rules', 'excused']);
    });
  }

  async read(): Promise<StoredChecks> {
    const [runRows, rows] = await Promise.all([
      this.#db<RunRow>(RUNS).where({ id: RUN_ID }).select(),
      this.#db<FindingRow>(FINDINGS).select(),
    ]);
    const findings: StoredFinding[] = rows.map(r => ({
      rule: r.rule,
      severity: r.severity as CheckSeverity,
      entityRef: r.entity_ref,
      entityRefs: JSON.parse(r.entity_refs),
      owners: JSON.parse(r.owners),
      systems: JSON.parse(r.systems),
      message: r.message,
      fix: r.fix,
      details: JSON.parse(r.details),
      firstSeen: fromDbTime(r.first_seen).toISOString(),
      lastSeen: fromDbTime(r.last_seen).toISOString(),
    }));
    findings.sort(
      (a, b) =>
        (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3) ||
        byCodeUnits(a.rule, b.rule) ||
        byCodeUnits(a.entityRef, b.entityRef) ||
        byCodeUnits(a.message, b.message),
    );
    const run = runRows[0];
    return {
      computedAt: run ? fromDbTime(run.computed_at).toISOString() : undefined,
      skippedRules: run ? JSON.parse(run.skipped_rules) : [],
      excused: run ? Number(run.excused) : 0,
      findings,
    };
  }
}
