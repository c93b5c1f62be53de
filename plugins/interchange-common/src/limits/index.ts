export {
  checkConfigSize,
  checkConfigText,
  checkConfigValue,
  configureInputLimits,
  DEFAULT_INPUT_LIMITS,
  expansionBudget,
  inputLimits,
  MAX_BUNDLE_BYTES,
  MAX_BUNDLE_FILES,
  MAX_CONFIG_DEPTH,
  MAX_CONFIG_FILE_BYTES,
  MAX_HCL_BYTES,
} from './inputLimits';
export type { InputLimits } from './inputLimits';
export {
  compileUntrustedPattern,
  MAX_PATTERN_LENGTH,
  SAFE_REGEX_REPETITIONS,
  untrustedPatternProblem,
  UntrustedPatternError,
} from './untrustedPattern';
export type { UntrustedPatternProblem } from './untrustedPattern';
