import { CheckRule } from '../types';

/**
 * `checks/invalid-exception`: an exceptions annotation that cannot be used.
 * The runner reports these (it parses the annotations); this entry gives
 * the id its severity, texts and configuration like any rule.
 */
export const invalidExceptionRule: CheckRule = {
  id: 'checks/invalid-exception',
  defaultSeverity: 'error',
  description:
    'An `interchange.dev/check-exceptions` annotation that is malformed: not a list, an unknown rule id, a missing reason or an unparseable expiry.',
  explanation:
    'A broken exception hides nothing, so the findings it meant to excuse stay visible; saying why keeps the author from believing otherwise.',
  fix: 'Write the annotation as a YAML list of { rule, reason, expires? } with a known rule id, a reason, and an expiry as YYYY-MM-DD.',
  run: () => [],
};
