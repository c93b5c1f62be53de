import { IntegrationGraph } from '../graph';
import { compareCodeUnits } from '../graph/refs';
import { BUILTIN_CHECK_RULES } from './builtinRules';
import { resolveCheckConfig } from './config';
import {
  ANNOTATION_CHECK_EXCEPTIONS,
  CheckException,
  exceptionExpiry,
  parseCheckExceptions,
} from './exceptions';
import {
  CheckFinding,
  CheckLiveData,
  CheckRule,
  CheckRuleRunOptions,
  CheckSeverity,
} from './types';

/** @public */
export interface RunChecksOptions {
  /** The object under `interchange.checks`: per rule id `enabled`, `severity`, `threshold`, `days`. */
  config?: unknown;
  /** Defaults to the current time; pass it for reproducible results. */
  now?: Date;
  /** Live state; rules that need it are skipped without it. */
  liveData?: CheckLiveData;
  /** Defaults to {@link BUILTIN_CHECK_RULES}; adopters' rules are added here. */
  rules?: readonly CheckRule[];
}

/** A finding hidden by an exception on the entity. @public */
export interface ExcusedCheckFinding {
  finding: CheckFinding;
  /** The entity carrying the exception. */
  exceptionOn: string;
  exception: CheckException;
}

/** @public */
export interface RunChecksResult {
  findings: CheckFinding[];
  excused: ExcusedCheckFinding[];
  /** Rules that did not run, and why (disabled, no live data, failed). */
  skippedRules: Array<{ rule: string; reason: string }>;
}

const RULE_ID = /^[a-z][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/;
const SEVERITY_ORDER: Record<CheckSeverity, number> = {
  error: 0,
  warning: 1,
  info: 2,
};
const INVALID_EXCEPTION = 'checks/invalid-exception';

/**
 * Runs the rules on the graph: applies `interchange.checks` config over the
 * rules' defaults (an unknown rule id throws, naming the key), skips the
 * rules that need live data when there is none, and hides findings excused
 * by an unexpired exception on the entity. A rule that throws is reported in
 * `skippedRules`; it never stops the others.
 *
 * @public
 */
export function runChecks(
  graph: IntegrationGraph,
  options: RunChecksOptions = {},
): RunChecksResult {
  const rules = options.rules ?? BUILTIN_CHECK_RULES;
  const ids = new Set<string>();
  for (const rule of rules) {
    if (!RULE_ID.test(rule.id)) {
      throw new Error(
        `check rule id '${rule.id}' must look like family/name (lower case, e.g. coupling/hub)`,
      );
    }
    if (ids.has(rule.id)) {
      throw new Error(`check rule id '${rule.id}' is registered twice`);
    }
    ids.add(rule.id);
  }
  const settings = resolveCheckConfig(options.config, rules);
  const now = options.now ?? new Date();
  const result: RunChecksResult = {
    findings: [],
    excused: [],
    skippedRules: [],
  };
  const rulesById = new Map(rules.map(r => [r.id, r]));

  // Exceptions live on the entity they excuse.
  const exceptionsByRef = new Map<string, CheckException[]>();
  const invalid = settings.get(INVALID_EXCEPTION);
  for (const node of graph.nodes.values()) {
    const value =
      node.entity?.metadata.annotations?.[ANNOTATION_CHECK_EXCEPTIONS];
    if (!value) {
      continue;
    }
    const parsed = parseCheckExceptions(value, ids);
    exceptionsByRef.set(node.ref, parsed.exceptions);
    if (parsed.problems.length > 0 && invalid?.enabled) {
      const rule = rulesById.get(INVALID_EXCEPTION);
      result.findings.push({
        rule: INVALID_EXCEPTION,
        severity: invalid.severity,
        entityRef: node.ref,
        entityRefs: [node.ref],
        message: `${
          node.ref
        }: annotation ${ANNOTATION_CHECK_EXCEPTIONS} ${parsed.problems.join(
          '; ',
        )}`,
        fix: rule?.fix ?? '',
        details: {
          problems: parsed.problems,
          field: `metadata.annotations.${ANNOTATION_CHECK_EXCEPTIONS}`,
        },
      });
    }
  }

  for (const rule of rules) {
    const s = settings.get(rule.id)!;
    if (!s.enabled) {
      result.skippedRules.push({
        rule: rule.id,
        reason: 'disabled in interchange.checks',
      });
      continue;
    }
    const runOptions: CheckRuleRunOptions = {
      threshold: s.threshold,
      days: s.days,
      now,
      liveData: options.liveData,
    };
    if (rule.needsLiveData && !options.liveData) {
      result.skippedRules.push({
        rule: rule.id,
        reason: 'needs live data; none given (offline)',
      });
      continue;
    }
    let raw;
    try {
      const reason = rule.skipReason?.(graph, runOptions);
      if (reason) {
        result.skippedRules.push({ rule: rule.id, reason });
        continue;
      }
      raw = rule.run(graph, runOptions);
    } catch (e) {
      result.skippedRules.push({
        rule: rule.id,
        reason: `failed: ${(e as Error)?.message ?? String(e)}`,
      });
      continue;
    }
    for (const r of raw) {
      const finding: CheckFinding = {
        rule: rule.id,
        severity: s.severity,
        entityRef: r.entityRef,
        entityRefs: [...new Set([r.entityRef, ...(r.entityRefs ?? [])])],
        message: r.message,
        fix: r.fix ?? rule.fix,
        details: { ...r.details },
      };
      const excuse = findException(finding, exceptionsByRef, now);
      if (excuse?.active) {
        result.excused.push({
          finding,
          exceptionOn: excuse.on,
          exception: excuse.exception,
        });
        continue;
      }
      if (excuse) {
        finding.details.expiredException = {
          on: excuse.on,
          ...excuse.exception,
        };
      }
      result.findings.push(finding);
    }
  }

  const cmp = compareCodeUnits;
  result.findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      cmp(a.rule, b.rule) ||
      cmp(a.entityRef, b.entityRef) ||
      cmp(a.message, b.message),
  );
  return result;
}

/**
 * The exception for a finding: on its entity, or for findings between
 * systems on any of those systems. An active one wins over an expired one.
 */
function findException(
  finding: CheckFinding,
  exceptionsByRef: Map<string, CheckException[]>,
  now: Date,
): { on: string; exception: CheckException; active: boolean } | undefined {
  const candidates = [
    finding.entityRef,
    ...finding.entityRefs.filter(
      r =>
        r !== finding.entityRef &&
        r.startsWith('system:') &&
        finding.entityRef.startsWith('system:'),
    ),
  ];
  let expired:
    | { on: string; exception: CheckException; active: boolean }
    | undefined;
  for (const on of candidates) {
    for (const exception of exceptionsByRef.get(on) ?? []) {
      if (exception.rule !== finding.rule) {
        continue;
      }
      const active =
        !exception.expires ||
        exceptionExpiry(exception.expires) >= now.getTime();
      if (active) {
        return { on, exception, active };
      }
      expired = expired ?? { on, exception, active };
    }
  }
  return expired;
}
