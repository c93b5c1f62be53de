import { InputError } from '@backstage/errors';
import { spec } from '../schema/openapi';

type ParameterName = keyof typeof spec.components.parameters;

/**
 * Checks path parameters against their schema in the spec, for the one route
 * the validator skips (the inbound webhook receiver, whose body stays raw).
 * Throws an InputError (400) naming the parameter and the rule.
 */
export function checkPathParameters<N extends ParameterName>(
  params: Record<string, string | undefined>,
  names: N[],
): Record<N, string> {
  const out = {} as Record<N, string>;
  for (const name of names) {
    const value = params[name] ?? '';
    const { schema, description } = spec.components.parameters[name];
    const pattern = 'pattern' in schema ? schema.pattern : undefined;
    const maxLength = 'maxLength' in schema ? schema.maxLength : undefined;
    if (
      (maxLength !== undefined && value.length > maxLength) ||
      (pattern !== undefined && !new RegExp(pattern).test(value))
    ) {
      throw new InputError(
        `path parameter '${name}' is not valid ('${value.slice(
          0,
          80,
        )}'): ${description}`,
      );
    }
    out[name] = value;
  }
  return out;
}
