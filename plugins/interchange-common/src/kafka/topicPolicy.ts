import { compileUntrustedPattern } from '../limits/untrustedPattern';
import { EntityProblem } from '../validation/EntityProblem';
import { kafkaTopicConfigProblems } from '../validation/kafkaTopicConfigs';
import { kafkaTopicNameProblem } from '../validation/kafkaTopicRules';

/**
 * A platform team's rules for new topics on one cluster
 * (`interchange.kafka.clusters[].policy`). Every field is optional: an empty
 * policy only applies Kafka's own rules.
 *
 * @public
 */
export interface KafkaTopicPolicy {
  /** Regular expression the whole topic name must match. */
  namePattern?: string;
  /** Shown with a name that does not match, e.g. `<domain>.<event>.v<version>`. */
  nameDescription?: string;
  partitions?: { min?: number; max?: number; default?: number };
  replicationFactor?: { min?: number; max?: number; default?: number };
  /** Configs every new topic must set, e.g. `retention.ms`. */
  requiredConfigs?: string[];
  /** When set, only these configs may be set. */
  allowedConfigs?: string[];
  /** Configs applied when the request does not set them. */
  defaultConfigs?: Record<string, string>;
}

/** A new topic as requested by a template or a user. @public */
export interface KafkaTopicRequest {
  name: string;
  partitions?: number;
  replicationFactor?: number;
  config?: Record<string, string | number | boolean>;
}

/** The request with the policy's defaults applied, ready for the broker. @public */
export interface ResolvedKafkaTopicRequest {
  name: string;
  partitions: number;
  replicationFactor: number;
  config: Record<string, string>;
}

/** Kafka's own defaults when neither the request nor the policy says. */
const FALLBACK_PARTITIONS = 1;
const FALLBACK_REPLICATION_FACTOR = 1;

function rangeText(range: { min?: number; max?: number }): string {
  if (range.min !== undefined && range.max !== undefined) {
    return `between ${range.min} and ${range.max}`;
  }
  if (range.min !== undefined) {
    return `at least ${range.min}`;
  }
  return `at most ${range.max}`;
}

function checkCount(
  field: 'partitions' | 'replicationFactor',
  value: number,
  range: { min?: number; max?: number } | undefined,
): EntityProblem[] {
  if (!Number.isInteger(value) || value < 1) {
    return [
      {
        path: field,
        message: `must be a whole number of at least 1 (got ${value})`,
        fix: `set ${field} to e.g. ${range?.min ?? 1}`,
      },
    ];
  }
  if (
    range &&
    ((range.min !== undefined && value < range.min) ||
      (range.max !== undefined && value > range.max))
  ) {
    return [
      {
        path: field,
        message: `is ${value}; this cluster's policy allows ${rangeText(
          range,
        )}`,
        fix: `choose ${field} ${rangeText(range)}`,
      },
    ];
  }
  return [];
}

/**
 * Only the topic name, so a form can check it as the user types: Kafka's
 * rules first, then the cluster's naming pattern.
 *
 * @public
 */
export function checkKafkaTopicName(
  name: string,
  policy: KafkaTopicPolicy = {},
): EntityProblem | undefined {
  const kafkaProblem = kafkaTopicNameProblem(name);
  if (kafkaProblem) {
    return {
      path: 'name',
      message: kafkaProblem,
      fix: "use 1-249 letters, digits, '.', '_' or '-'",
    };
  }
  if (
    policy.namePattern &&
    !compileUntrustedPattern(policy.namePattern, 'policy.namePattern').test(
      name,
    )
  ) {
    return {
      path: 'name',
      message: `'${name}' does not follow this cluster's naming rule ${
        policy.nameDescription ?? policy.namePattern
      }`,
      fix: `rename it to match ${policy.namePattern}`,
    };
  }
  return undefined;
}

/**
 * Checks a new topic against Kafka's rules and the cluster's policy, and
 * applies the policy's defaults. Pure, so the backend action and the
 * frontend form give the same answer.
 *
 * @public
 */
export function checkKafkaTopicRequest(
  request: KafkaTopicRequest,
  policy: KafkaTopicPolicy = {},
): { problems: EntityProblem[]; resolved: ResolvedKafkaTopicRequest } {
  const problems: EntityProblem[] = [];
  const nameProblem = checkKafkaTopicName(request.name, policy);
  if (nameProblem) {
    problems.push(nameProblem);
  }
  const partitions =
    request.partitions ?? policy.partitions?.default ?? FALLBACK_PARTITIONS;
  const replicationFactor =
    request.replicationFactor ??
    policy.replicationFactor?.default ??
    FALLBACK_REPLICATION_FACTOR;
  problems.push(...checkCount('partitions', partitions, policy.partitions));
  problems.push(
    ...checkCount(
      'replicationFactor',
      replicationFactor,
      policy.replicationFactor,
    ),
  );

  const config: Record<string, string> = { ...policy.defaultConfigs };
  for (const [key, value] of Object.entries(request.config ?? {})) {
    config[key] = String(value);
  }
  problems.push(
    ...kafkaTopicConfigProblems(request.config ?? {}).map(p => ({
      ...p,
      path: p.path.replace(/^spec\./, ''),
    })),
  );
  for (const key of policy.requiredConfigs ?? []) {
    if (config[key] === undefined || config[key] === '') {
      problems.push({
        path: `config.${key}`,
        message: `is required on this cluster`,
        fix: `set config.${key}`,
      });
    }
  }
  if (policy.allowedConfigs) {
    const allowed = new Set([
      ...policy.allowedConfigs,
      ...(policy.requiredConfigs ?? []),
      ...Object.keys(policy.defaultConfigs ?? {}),
    ]);
    for (const key of Object.keys(request.config ?? {})) {
      if (!allowed.has(key)) {
        problems.push({
          path: `config.${key}`,
          message: `may not be set on this cluster`,
          fix: `remove it; allowed configs: ${[...allowed].sort().join(', ')}`,
        });
      }
    }
  }
  const minIsr = Number(config['min.insync.replicas']);
  if (Number.isFinite(minIsr) && minIsr > replicationFactor) {
    problems.push({
      path: 'config.min.insync.replicas',
      message: `is ${minIsr} but replicationFactor is ${replicationFactor}; no write could ever be acknowledged`,
      fix: `lower min.insync.replicas to at most ${replicationFactor} or raise replicationFactor`,
    });
  }
  return {
    problems,
    resolved: { name: request.name, partitions, replicationFactor, config },
  };
}

/**
 * Answer of `GET /api/interchange/kafka/clusters/:cluster/topic-name-check`;
 * generated from the backend's OpenAPI spec.
 *
 * @public
 */
export type { KafkaTopicNameCheck } from '../schema/openapi/generated';
