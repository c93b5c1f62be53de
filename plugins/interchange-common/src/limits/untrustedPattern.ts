import safeRegex from 'safe-regex2';

/**
 * Regular expressions written by someone other than the backend's operator
 * (a route's regex path in an entity or a gateway file) or in config
 * (naming rules, provider filters) are compiled here and nowhere else.
 *
 * JavaScript's RegExp backtracks: a pattern such as `(a+)+$` takes
 * exponential time on a string of a few dozen characters, and a match runs
 * on the event loop, so one such pattern would stall the whole backend.
 * RE2 (linear time) was considered and rejected: the `re2` package is a
 * native addon whose install downloads a prebuilt binary from GitHub
 * (machines that reach only package registries cannot build it), and this
 * package also runs in the browser, where a native addon cannot. Instead a
 * pattern is checked before it is compiled: safe-regex2 refuses nested
 * repetition (star height above 1, the cause of exponential backtracking)
 * and more than SAFE_REGEX_REPETITIONS repetitions, and a length limit
 * bounds the rest. What the check does not see (overlapping alternation
 * such as `(a|a)*`, or polynomial patterns such as `\d+\d+\d+`) stays
 * bounded in practice because Interchange only ever runs patterns on short
 * names (topic, queue and vhost names, at most 255 characters); see
 * docs/security.md.
 */

/** Longest pattern accepted; the longest real route regex in the fixtures is under 100. @public */
export const MAX_PATTERN_LENGTH = 1024;

/** Repetitions (`*`, `+`, `?`, `{n,m}`) a pattern may hold; safe-regex2's own default. @public */
export const SAFE_REGEX_REPETITIONS = 25;

/**
 * The pattern with each optional group `(X)?` written `(X|)`: the same
 * strings, without the repetition. safe-regex2 counts `?` as a repetition,
 * so it refuses `(/.*)?$`, the most common route regex ending, although an
 * optional group matches at most once and cannot backtrack exponentially.
 * Only this analysis copy is rewritten; the pattern compiled is the
 * original. A `?` on a group inside another repetition (`((a+)?)+`) still
 * leaves the nesting for safe-regex2 to see.
 */
function withoutOptionalGroups(pattern: string): string {
  // Indexes of the `)` to rewrite: insert '|' before, drop the '?' after
  // (and a lazy '??').
  const closes = new Set<number>();
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
    } else if (c === '[') {
      // A character class: brackets and parentheses inside are literal.
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) {
        if (pattern[i] === '\\') i++;
      }
    } else if (c === ')') {
      if (pattern[i + 1] === '?') closes.add(i);
    }
  }
  if (!closes.size) {
    return pattern;
  }
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    if (closes.has(i)) {
      out += '|)';
      i += pattern[i + 2] === '?' ? 2 : 1;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

/** Why a pattern is refused: what is wrong, and how to fix it. @public */
export interface UntrustedPatternProblem {
  /** Completes "'<pattern>' ...", e.g. "is not a valid regular expression (...)". */
  message: string;
  /** What to do, e.g. "fix its syntax". */
  fix: string;
}

/**
 * Why a pattern from an entity or config is refused, or undefined when it
 * may be compiled and run.
 *
 * @public
 */
export function untrustedPatternProblem(
  pattern: string,
  flags = '',
): UntrustedPatternProblem | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return {
      message: `is ${pattern.length} characters long; patterns are accepted up to ${MAX_PATTERN_LENGTH}`,
      fix: 'shorten it, or split it into several',
    };
  }
  try {
    // eslint-disable-next-line no-new
    new RegExp(pattern, flags);
  } catch (e) {
    return {
      message: `is not a valid regular expression (${(e as Error).message})`,
      fix: 'fix its syntax',
    };
  }
  if (
    !safeRegex(withoutOptionalGroups(pattern), {
      limit: SAFE_REGEX_REPETITIONS,
    })
  ) {
    if (/\(\?<[=!]/.test(pattern)) {
      return {
        message:
          'is refused: it uses a lookbehind ((?<= or (?<!), which the safety check cannot read',
        fix: 'rewrite it without the lookbehind',
      };
    }
    return {
      message: `is refused: matching it may take exponential time (it nests a repetition inside another, like '(a+)+', or holds more than ${SAFE_REGEX_REPETITIONS} repetitions)`,
      fix: "remove the outer repetition ('(a+)+' matches what 'a+' does) or simplify it",
    };
  }
  return undefined;
}

/**
 * Thrown by compileUntrustedPattern; `field` names where the pattern was
 * written (a config key or an entity field).
 *
 * @public
 */
export class UntrustedPatternError extends Error {
  /** Where the pattern was written: a config key or an entity field. */
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = 'UntrustedPatternError';
    this.field = field;
  }
}

/**
 * Compiles a regular expression that came from an entity or from config,
 * after checking it cannot stall the process (see above). Throws an
 * UntrustedPatternError naming `field` and the fix otherwise. Compile it
 * even when it is only stored: a later feature may run it.
 *
 * @public
 */
export function compileUntrustedPattern(
  pattern: string,
  field: string,
  flags = '',
): RegExp {
  const problem = untrustedPatternProblem(pattern, flags);
  if (problem !== undefined) {
    throw new UntrustedPatternError(
      field,
      `${field}: '${
        pattern.length > 80 ? `${pattern.slice(0, 80)}...` : pattern
      }' ${problem.message}: ${problem.fix}`,
    );
  }
  return new RegExp(pattern, flags);
}
