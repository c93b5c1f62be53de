import {
  CHECK_SEVERITIES,
  CheckRule,
  CheckRuleConfig,
  CheckSeverity,
} from './types';

/** A rule's effective settings after config and defaults. @public */
export interface ResolvedCheckRuleConfig {
  enabled: boolean;
  severity: CheckSeverity;
  threshold?: number;
  days?: number;
}

const positiveInteger = (v: unknown) =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * Validates `interchange.checks` (the object under that key) against the
 * rules and merges it with their defaults. Throws on an unknown rule id or
 * field, naming the key, so a typo fails at start-up instead of silently
 * changing nothing.
 *
 * @public
 */
export function resolveCheckConfig(
  config: unknown,
  rules: readonly CheckRule[],
): Map<string, ResolvedCheckRuleConfig> {
  const byId = new Map(rules.map(r => [r.id, r]));
  const resolved = new Map<string, ResolvedCheckRuleConfig>();
  for (const rule of rules) {
    resolved.set(rule.id, {
      enabled: true,
      severity: rule.defaultSeverity,
      threshold: rule.defaultThreshold,
      days: rule.defaultDays,
    });
  }
  if (config === undefined || config === null) {
    return resolved;
  }
  if (typeof config !== 'object' || Array.isArray(config)) {
    throw new Error(
      'interchange.checks must be a map of rule id to settings, e.g. coupling/hub: { threshold: 20 }',
    );
  }
  for (const [id, value] of Object.entries(config as Record<string, unknown>)) {
    const key = `interchange.checks.${id}`;
    const rule = byId.get(id);
    if (!rule) {
      throw new Error(
        `${key}: unknown rule id '${id}'; known rules: ${[...byId.keys()].join(
          ', ',
        )}`,
      );
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      throw new Error(
        `${key}: must be a map with enabled, severity${
          rule.defaultThreshold !== undefined ? ', threshold' : ''
        }${rule.defaultDays !== undefined ? ', days' : ''}`,
      );
    }
    const settings = value as CheckRuleConfig & Record<string, unknown>;
    const target = resolved.get(id)!;
    for (const [field, v] of Object.entries(settings)) {
      if (field === 'enabled') {
        if (typeof v !== 'boolean') {
          throw new Error(`${key}.enabled: must be true or false`);
        }
        target.enabled = v;
      } else if (field === 'severity') {
        if (!CHECK_SEVERITIES.includes(v as CheckSeverity)) {
          throw new Error(
            `${key}.severity: must be error, warning or info (got '${String(
              v,
            )}')`,
          );
        }
        target.severity = v as CheckSeverity;
      } else if (field === 'threshold' && rule.defaultThreshold !== undefined) {
        if (!positiveInteger(v)) {
          throw new Error(
            `${key}.threshold: must be a whole number of 0 or more`,
          );
        }
        target.threshold = v as number;
      } else if (field === 'days' && rule.defaultDays !== undefined) {
        if (!positiveInteger(v) || (v as number) < 1) {
          throw new Error(`${key}.days: must be a whole number of 1 or more`);
        }
        target.days = v as number;
      } else {
        const allowed = ['enabled', 'severity'];
        if (rule.defaultThreshold !== undefined) allowed.push('threshold');
        if (rule.defaultDays !== undefined) allowed.push('days');
        throw new Error(
          `${key}.${field}: not a setting of this rule (allowed: ${allowed.join(
            ', ',
          )})`,
        );
      }
    }
  }
  return resolved;
}
