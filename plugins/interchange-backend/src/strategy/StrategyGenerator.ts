import {
  generateIntegrationStrategy,
  sameStrategyNumbers,
  StrategyConfig,
} from '@interchange/plugin-interchange-common';
import { ChecksStore } from '../checks/ChecksStore';
import { IntegrationGraphCache } from '../checks/IntegrationGraphCache';
import { strategyFindings } from './strategyFindings';
import { StrategySnapshotStore } from './StrategySnapshotStore';

/** Snapshots older than this many days are deleted when a new day's is stored. */
export const SNAPSHOT_RETENTION_DAYS = 400;

const DAY_MS = 24 * 60 * 60 * 1000;
const dayOf = (t: Date) => t.toISOString().slice(0, 10);

/**
 * Generates the strategy document for GET /strategy and keeps the snapshots
 * its "What changed" section compares with: one per UTC day, holding the
 * day's latest numbers (written only when they differ from what that day
 * already has). The document compares with the latest snapshot of an
 * earlier day, so a change stays visible for the rest of the day it
 * happened on and the next change is measured from there.
 */
export class StrategyGenerator {
  constructor(
    private readonly options: {
      settings: StrategyConfig;
      /** Where the catalog's graph comes from (the cache the checks share). */
      graphs: Pick<IntegrationGraphCache, 'get'>;
      checks: ChecksStore;
      snapshots: StrategySnapshotStore;
      now?: () => Date;
    },
  ) {}

  async generate(): Promise<string> {
    const { settings, graphs, checks, snapshots } = this.options;
    const now = this.options.now?.() ?? new Date();
    const day = dayOf(now);
    const graph = await graphs.get();
    const [findings, previous, today] = await Promise.all([
      strategyFindings({ checks, graph, rules: settings.checks, now }),
      snapshots.latestBefore(day),
      snapshots.forDay(day),
    ]);
    const doc = generateIntegrationStrategy({
      graph,
      findings,
      principles: settings.principles,
      standards: settings.standards,
      platforms: settings.platforms,
      previousSnapshot: previous,
      generatedAt: now.toISOString(),
    });
    if (!today || !sameStrategyNumbers(today, doc.snapshot)) {
      await snapshots.put(day, doc.snapshot, now);
      if (!today) {
        await snapshots.pruneBefore(
          dayOf(new Date(now.getTime() - SNAPSHOT_RETENTION_DAYS * DAY_MS)),
        );
      }
    }
    return doc.markdown;
  }
}
