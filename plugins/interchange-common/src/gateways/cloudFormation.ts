/**
 * CloudFormation intrinsic functions as readable text, for the places a
 * route shows them (integration URIs, VPC link ids, function names):
 * `Fn::Sub` keeps its `${...}` placeholders, `Fn::GetAtt` and `Ref` become
 * placeholders, `Fn::Join` joins its parts, `Fn::ImportValue` becomes
 * `${ImportValue:<name>}`. Undefined for anything else, so a caller can
 * skip with a reason rather than print an object.
 */
export function intrinsicText(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (
    !value ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    depth > 8
  ) {
    return undefined;
  }
  const entries = Object.entries(value);
  if (entries.length !== 1) {
    return undefined;
  }
  const [fn, arg] = entries[0];
  const inner = (v: unknown) => intrinsicText(v, depth + 1);
  switch (fn) {
    case 'Ref':
      return typeof arg === 'string' ? `\${${arg}}` : undefined;
    case 'Fn::Sub':
      return Array.isArray(arg) ? inner(arg[0]) : inner(arg);
    case 'Fn::GetAtt': {
      const parts = Array.isArray(arg) ? arg.map(inner) : [inner(arg)];
      return parts.every(Boolean) ? `\${${parts.join('.')}}` : undefined;
    }
    case 'Fn::Join': {
      if (!Array.isArray(arg) || !Array.isArray(arg[1])) return undefined;
      const parts = (arg[1] as unknown[]).map(inner);
      const sep = inner(arg[0]) ?? '';
      return parts.every(p => p !== undefined) ? parts.join(sep) : undefined;
    }
    case 'Fn::ImportValue': {
      const name = inner(arg);
      return name === undefined ? undefined : `\${ImportValue:${name}}`;
    }
    default:
      return undefined;
  }
}

/**
 * The Lambda function an integration URI invokes: a name from a literal
 * ARN (`...:function:Calc/invocations`), or a logical id from
 * `${Calc.Arn}` / `${Calc}` (Sub, GetAtt, Ref). Undefined otherwise.
 */
export function lambdaFunctionOf(uri: string): string | undefined {
  const literal = uri.match(/:function:([^/:$]+)/)?.[1];
  if (literal) {
    return literal;
  }
  return uri.match(/functions\/\$\{([A-Za-z0-9]+)(?:\.Arn)?\}/)?.[1];
}

/** A short JSON rendering of a value for a skip reason. */
export function shortJson(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
