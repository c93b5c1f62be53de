export type {
  CheckFinding,
  CheckLiveData,
  CheckLiveDataKey,
  CheckRule,
  CheckRuleConfig,
  CheckRuleRunOptions,
  CheckSeverity,
  RuleFinding,
} from './types';
export { CHECK_SEVERITIES } from './types';
export { BUILTIN_CHECK_RULES } from './builtinRules';
export { resolveCheckConfig } from './config';
export type { ResolvedCheckRuleConfig } from './config';
export {
  ANNOTATION_CHECK_EXCEPTIONS,
  parseCheckExceptions,
} from './exceptions';
export type { CheckException, ParsedCheckExceptions } from './exceptions';
export { summarizeFinding } from './findingSummary';
export type { CheckFindingSummary } from './findingSummary';
export { runChecks } from './runChecks';
export type {
  ExcusedCheckFinding,
  RunChecksOptions,
  RunChecksResult,
} from './runChecks';
