import type { CheckFinding } from '@interchange/plugin-interchange-common';

/** A finding as the task stores it: who and what it concerns, for filters. */
export interface FindingToStore extends CheckFinding {
  /** Owners (lower-case refs) of the entities involved. */
  owners: string[];
  /** Systems (lower-case refs) of the entities involved, or the systems themselves. */
  systems: string[];
}

/** A stored finding, with when it was first and last found (ISO 8601). */
export interface StoredFinding extends FindingToStore {
  firstSeen: string;
  lastSeen: string;
}

/** A rule that did not run in the stored run, and why. */
export interface SkippedRule {
  rule: string;
  reason: string;
}

/** What the checks task stored last. */
export interface StoredChecks {
  /** When the findings were computed (ISO 8601); absent before the first run. */
  computedAt?: string;
  skippedRules: SkippedRule[];
  /** How many findings exceptions hid. */
  excused: number;
  findings: StoredFinding[];
}

/**
 * The findings of the scheduled integration checks. A finding is the same
 * finding from run to run when its rule, its entity and the set of entities
 * involved are the same; its first sighting is kept, so the portal can say
 * "new since ...".
 */
export interface ChecksStore {
  /**
   * Replaces the stored result with a new run's, in one transaction:
   * findings found again keep their first sighting, new ones are first seen
   * `computedAt`, and those no longer found are deleted.
   */
  replace(run: {
    computedAt: Date;
    findings: FindingToStore[];
    skippedRules: SkippedRule[];
    excused: number;
  }): Promise<void>;

  /** The stored result, findings in the order they were stored. */
  read(): Promise<StoredChecks>;
}
