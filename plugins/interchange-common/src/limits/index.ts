export {
  compileUntrustedPattern,
  MAX_PATTERN_LENGTH,
  SAFE_REGEX_REPETITIONS,
  untrustedPatternProblem,
  UntrustedPatternError,
} from './untrustedPattern';
export type { UntrustedPatternProblem } from './untrustedPattern';
