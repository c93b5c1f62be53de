import { CheckFinding, CheckSeverity } from '../checks';
import { IntegrationGraph } from '../graph';

/**
 * A headed paragraph of the platform team's own words, from
 * `interchange.strategy.principles`. The body is Markdown.
 *
 * @public
 */
export interface StrategyPrinciple {
  title: string;
  body: string;
}

/** How a check rule behind a standard is configured. @public */
export interface StrategyRuleStandard {
  rule: string;
  enabled: boolean;
  severity: CheckSeverity;
}

/**
 * The standards in force, read from app-config by
 * {@link readStrategyConfig}.
 *
 * @public
 */
export interface StrategyStandards {
  /** `interchange.kafka.clusters[].policy.namePattern` / `nameDescription`, per cluster. */
  topicNaming: Array<{
    cluster: string;
    namePattern?: string;
    nameDescription?: string;
  }>;
  /** `hygiene/unsigned-webhook` and `interchange.webhooks.inbound.allowUnsigned`. */
  webhookSigning: StrategyRuleStandard & { allowUnsignedReceivers: string[] };
  /** `hygiene/public-route-without-auth`. */
  publicRouteAuthentication: StrategyRuleStandard;
  /** `hygiene/webhook-without-retry`. */
  webhookRetry: StrategyRuleStandard;
  /** `hygiene/topic-without-schema`. */
  topicSchema: StrategyRuleStandard;
}

/**
 * The platforms configured in app-config: Kafka clusters
 * (`interchange.kafka.clusters`) and gateways (`interchange.gateways`).
 *
 * @public
 */
export interface StrategyPlatforms {
  kafkaClusters: Array<{ id: string; title?: string; brokers: number }>;
  gateways: Array<{ id: string; type: string; title?: string }>;
}

/**
 * The numbers of one generated document, stored to say what changed next
 * time. `counts` is flat (`systems`, `findings.error`,
 * `findings.rule.coupling/hub`, ...) so two snapshots compare key by key;
 * `findingKeys` are `<rule> <entityRef>`, sorted.
 *
 * @public
 */
export interface StrategySnapshot {
  version: 1;
  /** When it was stored (ISO 8601); set by whoever stores it. */
  takenAt?: string;
  counts: Record<string, number>;
  findingKeys: string[];
}

/** @public */
export interface IntegrationStrategyInput {
  /** Catalog entities; used when `graph` is not given. */
  entities?: readonly unknown[];
  /** The integration graph, when the caller already built it. */
  graph?: IntegrationGraph;
  /** Open findings (as from `runChecks(...).findings` or the findings store). */
  findings: readonly CheckFinding[];
  standards: StrategyStandards;
  principles: readonly StrategyPrinciple[];
  platforms: StrategyPlatforms;
  /** The last stored snapshot, for "what changed". */
  previousSnapshot?: StrategySnapshot;
  /**
   * When the document is generated (ISO 8601). Printed, and used to tell
   * active exceptions from expired ones; left out, the document carries no
   * time at all (byte-identical output for committed docs).
   */
  generatedAt?: string;
  /** Rule ids beyond the built-in ones, so their exceptions are listed. */
  extraRuleIds?: readonly string[];
}
