import { TopicDrift } from '../kafka/drift';
import { RouteDrift } from '../gateways/drift';
import { IntegrationGraph } from '../graph';
import type { MeshAccessData } from '../mesh/compareMeshAccess';

/** @public */
export type CheckSeverity = 'error' | 'warning' | 'info';

/** @public */
export const CHECK_SEVERITIES: readonly CheckSeverity[] = [
  'error',
  'warning',
  'info',
];

/**
 * One anti-pattern found. Refs are `kind:namespace/name`, lower-case kind.
 *
 * @public
 */
export interface CheckFinding {
  rule: string;
  severity: CheckSeverity;
  /** The entity the finding belongs to (the first system for system-level findings). */
  entityRef: string;
  /** Every entity involved, `entityRef` first. */
  entityRefs: string[];
  message: string;
  fix: string;
  details: Record<string, unknown>;
}

/** What a rule returns; the runner adds rule id, severity and defaults. @public */
export interface RuleFinding {
  entityRef: string;
  entityRefs?: string[];
  message: string;
  /** Overrides the rule's general fix with a specific one. */
  fix?: string;
  details?: Record<string, unknown>;
}

/**
 * Live state the backend already computes, for the rules that need it.
 * Entities absent from a map are not judged.
 *
 * @public
 */
export interface CheckLiveData {
  /** Drift per KafkaTopic ref. */
  topicDrift?: Record<string, TopicDrift[]>;
  /** Drift per GatewayRoute ref. */
  routeDrift?: Record<string, RouteDrift[]>;
  /** Time of the newest message per KafkaTopic ref (ISO 8601), null when none. */
  topicLastMessageAt?: Record<string, string | null>;
  /** Time of the last delivery per Webhook ref (ISO 8601), null when none. */
  webhookLastDeliveryAt?: Record<string, string | null>;
  /**
   * For a topic or webhook whose time above is null: since when it has been
   * watched without a message or delivery (ISO 8601). The live state only
   * knows "none since then" (retention deletes old records and deliveries),
   * so it is judged idle once that is longer ago than `days`; without an
   * entry here, null means it never had one.
   */
  quietSince?: Record<string, string>;
  /**
   * Why a kind of live data is missing or incomplete (a cluster unreachable,
   * an adapter that cannot tell), keyed like the maps above. A rule with no
   * data at all is skipped with these reasons.
   */
  unavailable?: Partial<Record<CheckLiveDataKey, string[]>>;
  /** The configured service meshes: policy and, with metrics, observed calls (`mesh/*` rules). */
  meshes?: MeshAccessData[];
}

/**
 * The kinds of live data the built-in rules read.
 *
 * @public
 */
export type CheckLiveDataKey =
  | 'topicDrift'
  | 'routeDrift'
  | 'topicLastMessageAt'
  | 'webhookLastDeliveryAt';

/** @public */
export interface CheckRuleRunOptions {
  /** The configured or default threshold, for rules that have one. */
  threshold?: number;
  /** The configured or default number of days, for rules that have one. */
  days?: number;
  now: Date;
  liveData?: CheckLiveData;
}

/**
 * A check rule. Built-in rules and adopters' rules have this shape and are
 * passed to {@link runChecks} (an extension point registers them).
 *
 * @public
 */
export interface CheckRule {
  /** `family/name`, a public contract: config keys, exceptions and output use it. */
  id: string;
  defaultSeverity: CheckSeverity;
  /** One line: what it finds. */
  description: string;
  /** Why it matters. */
  explanation: string;
  /** What to do about it. */
  fix: string;
  /** Skipped (with a note) when no live data is given. */
  needsLiveData?: boolean;
  /** Default `threshold`, for rules that take one. */
  defaultThreshold?: number;
  /** Default `days`, for rules that take one. */
  defaultDays?: number;
  /** A reason to skip this run (e.g. the input cannot answer the question), or undefined. */
  skipReason?(
    graph: IntegrationGraph,
    options: CheckRuleRunOptions,
  ): string | undefined;
  run(graph: IntegrationGraph, options: CheckRuleRunOptions): RuleFinding[];
}

/**
 * Per-rule configuration under `interchange.checks.<rule id>`.
 *
 * @public
 */
export interface CheckRuleConfig {
  enabled?: boolean;
  severity?: CheckSeverity;
  threshold?: number;
  days?: number;
}
