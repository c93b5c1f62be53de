/**
 * Apigee's condition language (Flow, Step and RouteRule `<Condition>`), as
 * far as routing needs it: comparisons of a variable with a literal,
 * combined with and / or / not and parentheses. Operators in symbol and
 * word form; keywords are case-insensitive; `and` and `or` bind equally
 * and group to the right, as in Apigee's own grammar.
 */

/** A comparison `variable op value`, or a bare variable (`op` empty). */
export type ConditionAtom = {
  type: 'atom';
  variable: string;
  op: string;
  value: string;
};
export type Condition =
  | ConditionAtom
  | { type: 'and' | 'or'; left: Condition; right: Condition }
  | { type: 'not'; expr: Condition };

/** Word forms of the operators, by the symbol they mean. */
const WORD_OPS: Record<string, string> = {
  equals: '=',
  is: '=',
  notequals: '!=',
  isnot: '!=',
  equalscaseinsensitive: ':=',
  startswith: '=|',
  matches: '~',
  like: '~',
  matchespath: '~/',
  likepath: '~/',
  javaregex: '~~',
  greaterthan: '>',
  greaterthanorequals: '>=',
  lesserthan: '<',
  lesserthanorequals: '<=',
};
const SYMBOL_OPS = [
  '==',
  '=|',
  ':=',
  '!=',
  '~~',
  '~/',
  '>=',
  '<=',
  '=',
  '~',
  '>',
  '<',
];

type Token =
  | { kind: 'paren'; value: '(' | ')' }
  | { kind: 'op'; value: string }
  | { kind: 'logic'; value: 'and' | 'or' | 'not' }
  | { kind: 'literal'; value: string }
  | { kind: 'word'; value: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: 'paren', value: c });
      i += 1;
    } else if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) {
        throw new Error(`unterminated string at character ${i + 1}`);
      }
      tokens.push({ kind: 'literal', value: text.slice(i + 1, end) });
      i = end + 1;
    } else if (text.startsWith('&&', i) || text.startsWith('||', i)) {
      tokens.push({ kind: 'logic', value: c === '&' ? 'and' : 'or' });
      i += 2;
    } else if (c === '!' && text[i + 1] !== '=') {
      tokens.push({ kind: 'logic', value: 'not' });
      i += 1;
    } else {
      const at = i;
      const op = SYMBOL_OPS.find(o => text.startsWith(o, at));
      if (op) {
        tokens.push({ kind: 'op', value: op === '==' ? '=' : op });
        i += op.length;
        continue;
      }
      const word = /^[^\s()"'=!~<>:&|]+/.exec(text.slice(i))?.[0];
      if (!word) {
        throw new Error(`unexpected '${c}' at character ${i + 1}`);
      }
      const lower = word.toLowerCase();
      if (lower === 'and' || lower === 'or' || lower === 'not') {
        tokens.push({ kind: 'logic', value: lower });
      } else if (Object.hasOwn(WORD_OPS, lower)) {
        tokens.push({ kind: 'op', value: WORD_OPS[lower] });
      } else {
        tokens.push({ kind: 'word', value: word });
      }
      i += word.length;
    }
  }
  return tokens;
}

/** Conditions deeper than this are not written by people. */
const MAX_NESTING = 32;

/**
 * Parses a condition. Throws with the reason for text that is not one
 * (the caller reports the place in the bundle).
 */
export function parseCondition(text: string): Condition {
  const tokens = tokenize(text);
  let at = 0;
  const peek = () => tokens[at];

  function unary(depth: number): Condition {
    if (depth > MAX_NESTING) {
      throw new Error(`nested deeper than ${MAX_NESTING} levels`);
    }
    const t = peek();
    if (!t) {
      throw new Error('ends where a comparison was expected');
    }
    if (t.kind === 'logic' && t.value === 'not') {
      at += 1;
      return { type: 'not', expr: unary(depth + 1) };
    }
    if (t.kind === 'paren' && t.value === '(') {
      at += 1;
      const inner = expression(depth + 1);
      const close = peek();
      if (!close || close.kind !== 'paren' || close.value !== ')') {
        throw new Error("a '(' is not closed");
      }
      at += 1;
      return inner;
    }
    if (t.kind !== 'word' && t.kind !== 'literal') {
      throw new Error(`unexpected '${t.value}'`);
    }
    at += 1;
    const op = peek();
    if (op?.kind !== 'op') {
      return { type: 'atom', variable: t.value, op: '', value: '' };
    }
    at += 1;
    const value = peek();
    if (!value || (value.kind !== 'literal' && value.kind !== 'word')) {
      throw new Error(`'${t.value} ${op.value}' has no value to compare with`);
    }
    at += 1;
    return {
      type: 'atom',
      variable: t.value,
      op: op.value,
      value: value.value,
    };
  }

  function expression(depth: number): Condition {
    const left = unary(depth);
    const t = peek();
    if (t?.kind === 'logic' && (t.value === 'and' || t.value === 'or')) {
      at += 1;
      return { type: t.value, left, right: expression(depth + 1) };
    }
    return left;
  }

  const result = expression(0);
  if (at < tokens.length) {
    throw new Error(`unexpected '${tokens[at].value}' after the condition`);
  }
  return result;
}

/** An atom as people write it, for conditions shown beside a route. */
export function atomText(a: ConditionAtom): string {
  return a.op ? `${a.variable} ${a.op} "${a.value}"` : a.variable;
}

/** A condition as text (canonical form). */
export function conditionText(c: Condition): string {
  if (c.type === 'atom') {
    return atomText(c);
  }
  if (c.type === 'not') {
    return `not (${conditionText(c.expr)})`;
  }
  return `(${conditionText(c.left)}) ${c.type} (${conditionText(c.right)})`;
}

/** More alternatives than this and a condition is kept whole, as text. */
const MAX_CLAUSES = 16;

/**
 * A condition as alternatives (or) of conjunctions (and) of atoms; `not`
 * parts stay one opaque atom (variable `!`, the text as value). Undefined
 * when it would exceed MAX_CLAUSES alternatives.
 */
export function toAlternatives(c: Condition): ConditionAtom[][] | undefined {
  if (c.type === 'atom') {
    return [[c]];
  }
  if (c.type === 'not') {
    return [[{ type: 'atom', variable: '!', op: '', value: conditionText(c) }]];
  }
  const left = toAlternatives(c.left);
  const right = toAlternatives(c.right);
  if (!left || !right) {
    return undefined;
  }
  if (c.type === 'or') {
    return left.length + right.length > MAX_CLAUSES
      ? undefined
      : [...left, ...right];
  }
  if (left.length * right.length > MAX_CLAUSES) {
    return undefined;
  }
  return left.flatMap(l => right.map(r => [...l, ...r]));
}

/**
 * What is known of a condition, given that some atoms are known true
 * (those of the flow the route comes from) and the route's methods:
 * true, false or undefined (cannot tell from the configuration).
 */
export function evaluate(
  c: Condition,
  known: { atoms: ConditionAtom[]; methods: string[] },
): boolean | undefined {
  if (c.type === 'not') {
    const v = evaluate(c.expr, known);
    return v === undefined ? undefined : !v;
  }
  if (c.type === 'and' || c.type === 'or') {
    const l = evaluate(c.left, known);
    const r = evaluate(c.right, known);
    if (c.type === 'and') {
      if (l === false || r === false) return false;
      return l && r ? true : undefined;
    }
    if (l === true || r === true) return true;
    return l === false && r === false ? false : undefined;
  }
  return evaluateAtom(c as ConditionAtom, known);
}

function evaluateAtom(
  c: ConditionAtom,
  known: { atoms: ConditionAtom[]; methods: string[] },
): boolean | undefined {
  if (
    known.atoms.some(
      a => a.variable === c.variable && a.op === c.op && a.value === c.value,
    )
  ) {
    return true;
  }
  if (c.variable === 'proxy.pathsuffix' || c.variable === 'request.path') {
    const decided = comparePaths(c, known.atoms);
    if (decided !== undefined) return decided;
  }
  if (
    c.variable === 'request.verb' &&
    (c.op === '=' || c.op === ':=' || c.op === '!=') &&
    known.methods.length
  ) {
    const verb = c.value.toUpperCase();
    const all = known.methods.every(m => m === verb);
    const none = !known.methods.includes(verb);
    if (c.op === '!=') {
      if (none) return true;
      return all ? false : undefined;
    }
    if (all) return true;
    return none ? false : undefined;
  }
  return undefined;
}

/** The part of a path pattern before its first wildcard. */
function literalPrefix(a: ConditionAtom): string {
  const star = a.value.indexOf('*');
  return a.op === '~/' || a.op === '~'
    ? a.value.slice(0, star < 0 ? undefined : star)
    : a.value;
}

function isExact(a: ConditionAtom): boolean {
  return (
    ((a.op === '~/' || a.op === '~') && !a.value.includes('*')) || a.op === '='
  );
}

/**
 * A RouteRule's path condition against the flow's path condition on the
 * same variable: decided when the flow's paths all start with (or are) a
 * literal that settles it, e.g. a flow on `/orders/*` never takes a rule
 * for `StartsWith "/admin"`.
 */
function comparePaths(
  rule: ConditionAtom,
  atoms: ConditionAtom[],
): boolean | undefined {
  const flow = atoms.find(
    a => a.variable === rule.variable && ['=', '=|', '~/', '~'].includes(a.op),
  );
  if (!flow || !['=', '=|', '~/'].includes(rule.op)) {
    return undefined;
  }
  const prefix = literalPrefix(flow);
  if (isExact(flow)) {
    if (rule.op === '=') return prefix === rule.value;
    if (rule.op === '=|') return prefix.startsWith(rule.value);
    if (!rule.value.includes('*')) return prefix === rule.value;
  }
  const ruleLiteral = literalPrefix(rule);
  if (rule.op === '=|' && prefix.startsWith(rule.value)) {
    return true;
  }
  // Neither literal extends the other: no path satisfies both.
  return !prefix.startsWith(ruleLiteral) && !ruleLiteral.startsWith(prefix)
    ? false
    : undefined;
}
