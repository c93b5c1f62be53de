import { BUILTIN_CHECK_RULES, CheckRule, resolveCheckConfig } from '../checks';
import {
  StrategyPlatforms,
  StrategyPrinciple,
  StrategyRuleStandard,
  StrategyStandards,
} from './types';

/** What {@link readStrategyConfig} reads from the `interchange` config object. @public */
export interface StrategyConfig {
  principles: StrategyPrinciple[];
  standards: StrategyStandards;
  platforms: StrategyPlatforms;
  /** `interchange.checks`, as given, for `runChecks`. */
  checks: unknown;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj =>
  !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v : undefined;

/**
 * Reads `interchange.strategy.principles`: a list of `{ title, body }`.
 * Throws naming the entry and field, so a typo fails at start-up.
 *
 * @public
 */
export function readStrategyPrinciples(value: unknown): StrategyPrinciple[] {
  const key = 'interchange.strategy.principles';
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw new Error(
      `${key}: must be a list of { title, body } entries (headed paragraphs)`,
    );
  }
  return value.map((item, i) => {
    const at = `${key}[${i}]`;
    if (!isObj(item)) {
      throw new Error(`${at}: must be a map with title and body`);
    }
    for (const field of Object.keys(item)) {
      if (field !== 'title' && field !== 'body') {
        throw new Error(
          `${at}.${field}: not a field of a principle (allowed: title, body)`,
        );
      }
    }
    const title = str(item.title);
    const body = str(item.body);
    if (!title) {
      throw new Error(`${at}.title: is required (a short heading)`);
    }
    if (/[\r\n]/.test(title)) {
      throw new Error(`${at}.title: must be one line (it becomes a heading)`);
    }
    if (!body) {
      throw new Error(`${at}.body: is required (the paragraph, Markdown)`);
    }
    return { title: title.trim(), body: body.trim() };
  });
}

/**
 * Reads what the strategy document needs from the object under the
 * `interchange` config key (plain JSON, e.g. `config.getOptional('interchange')`
 * or a parsed app-config.yaml): principles, the standards behind the check
 * rules and the topic naming policy, and the configured platforms. Secrets in
 * that object are never read.
 *
 * @public
 */
export function readStrategyConfig(
  interchange: unknown,
  options: {
    /** The rules `interchange.checks` may configure; default the built-in ones. */
    rules?: readonly CheckRule[];
  } = {},
): StrategyConfig {
  const root = isObj(interchange) ? interchange : {};
  const strategy = isObj(root.strategy) ? root.strategy : {};
  const principles = readStrategyPrinciples(strategy.principles);
  const checks = root.checks;
  const rules = resolveCheckConfig(
    checks,
    options.rules ?? BUILTIN_CHECK_RULES,
  );
  const ruleStandard = (rule: string): StrategyRuleStandard => {
    const s = rules.get(rule)!;
    return { rule, enabled: s.enabled, severity: s.severity };
  };

  const kafka = isObj(root.kafka) ? root.kafka : {};
  const clusters = Array.isArray(kafka.clusters)
    ? kafka.clusters.filter(isObj)
    : [];
  const gateways = Array.isArray(root.gateways)
    ? root.gateways.filter(isObj)
    : [];
  const webhooks = isObj(root.webhooks) ? root.webhooks : {};
  const inbound = isObj(webhooks.inbound) ? webhooks.inbound : {};
  const allowUnsigned = Array.isArray(inbound.allowUnsigned)
    ? inbound.allowUnsigned.filter((v): v is string => typeof v === 'string')
    : [];

  return {
    principles,
    checks,
    standards: {
      topicNaming: clusters
        .filter(c => str(c.id))
        .map(c => {
          const policy = isObj(c.policy) ? c.policy : {};
          return {
            cluster: c.id as string,
            namePattern: str(policy.namePattern),
            nameDescription: str(policy.nameDescription),
          };
        }),
      webhookSigning: {
        ...ruleStandard('hygiene/unsigned-webhook'),
        allowUnsignedReceivers: allowUnsigned,
      },
      publicRouteAuthentication: ruleStandard(
        'hygiene/public-route-without-auth',
      ),
      webhookRetry: ruleStandard('hygiene/webhook-without-retry'),
      topicSchema: ruleStandard('hygiene/topic-without-schema'),
    },
    platforms: {
      kafkaClusters: clusters
        .filter(c => str(c.id))
        .map(c => ({
          id: c.id as string,
          title: str(c.title),
          brokers: Array.isArray(c.brokers) ? c.brokers.length : 0,
        })),
      gateways: gateways
        .filter(g => str(g.id))
        .map(g => ({
          id: g.id as string,
          type: str(g.type) ?? 'unknown',
          title: str(g.title),
        })),
    },
  };
}
