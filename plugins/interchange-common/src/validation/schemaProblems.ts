import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { JsonObject } from '@backstage/types';
import { describeValue, EntityProblem } from './EntityProblem';
import { hintFor } from './fieldHints';
import { suggest } from './suggest';

const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new WeakMap<JsonObject, ValidateFunction>();

function compile(schema: JsonObject): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    fn = ajv.compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

/** `/consumers/1/entityRef` -> `spec.consumers[1].entityRef` */
function toPath(prefix: string, pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .reduce(
      (acc, part) =>
        /^\d+$/.test(part) ? `${acc}[${part}]` : `${acc}.${part}`,
      prefix,
    );
}

function valueAt(root: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (acc, part) =>
        acc && typeof acc === 'object'
          ? (acc as Record<string, unknown>)[part]
          : undefined,
      root,
    );
}

function fixFor(path: string, fallback: string): string {
  return hintFor(path) ?? fallback;
}

function toProblem(
  error: ErrorObject,
  root: unknown,
  prefix: string,
  schema: JsonObject,
): EntityProblem | undefined {
  const path = toPath(prefix, error.instancePath);
  const value = valueAt(root, error.instancePath);
  const params = error.params as Record<string, any>;
  switch (error.keyword) {
    case 'required': {
      const field = `${path}.${params.missingProperty}`;
      return {
        path: field,
        message: 'is required',
        fix: fixFor(field, `add ${field}`),
      };
    }
    case 'additionalProperties': {
      const field = `${path}.${params.additionalProperty}`;
      const known = Object.keys(
        (path === prefix
          ? schema.properties
          : (valueAtSchema(schema, error.schemaPath) as any)) ?? {},
      );
      const guess = suggest(params.additionalProperty, known);
      return {
        path: field,
        message: 'is not a known field',
        fix: guess
          ? `did you mean '${guess}'? Known fields here: ${known.join(', ')}`
          : `remove it; known fields here: ${known.join(', ')}`,
      };
    }
    case 'type':
      return {
        path,
        message: `must be ${article(params.type)} (got ${describeValue(
          value,
        )})`,
        fix: fixFor(path, `use ${article(params.type)}`),
      };
    case 'enum':
      return {
        path,
        message: `must be one of ${params.allowedValues
          .map((v: unknown) => `'${v}'`)
          .join(', ')} (got ${describeValue(value)})`,
        fix: fixFor(path, 'use one of the listed values'),
      };
    case 'minimum':
    case 'maximum':
      return {
        path,
        message: `must be ${
          error.keyword === 'minimum' ? 'at least' : 'at most'
        } ${params.limit} (got ${describeValue(value)})`,
        fix: fixFor(
          path,
          `use a value ${error.keyword === 'minimum' ? '>=' : '<='} ${
            params.limit
          }`,
        ),
      };
    case 'minItems':
      return {
        path,
        message: `must list at least ${params.limit} item${
          params.limit === 1 ? '' : 's'
        }`,
        fix: fixFor(path, 'add an item'),
      };
    case 'minLength':
      return {
        path,
        message: 'must not be empty',
        fix: fixFor(path, 'give it a value'),
      };
    case 'pattern':
      return {
        path,
        message: `has an invalid format (got ${describeValue(value)})`,
        fix: fixFor(path, `match ${params.pattern}`),
      };
    case 'anyOf':
      return {
        path,
        message: `has an unexpected shape (got ${describeValue(value)})`,
        fix: fixFor(path, 'see docs/entity-model.md for the accepted forms'),
      };
    default:
      return {
        path,
        message: error.message ?? 'is invalid',
        fix: fixFor(path, 'see docs/entity-model.md'),
      };
  }
}

function valueAtSchema(schema: JsonObject, schemaPath: string): unknown {
  // '#/properties/rateLimit/additionalProperties' -> the rateLimit schema's properties
  const parts = schemaPath.replace(/^#\//, '').split('/');
  parts.pop();
  let node: any = schema;
  for (const part of parts) {
    node = node?.[part];
  }
  return node?.properties;
}

function article(type: string | string[]): string {
  const types = Array.isArray(type) ? type : [type];
  const words: Record<string, string> = {
    integer: 'a whole number',
    number: 'a number',
    string: 'a string',
    boolean: 'true or false',
    array: 'a list',
    object: 'a map of fields',
  };
  return types.map(t => words[t] ?? t).join(' or ');
}

/**
 * Picks which errors to show. For an `anyOf` (e.g. a consumer that is either
 * a ref string or an object) ajv reports every branch's failure; only the
 * branch whose type matches the value is relevant, so the others are dropped,
 * and when no branch matches the type the `anyOf` itself is reported.
 */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  for (const anyOf of errors.filter(e => e.keyword === 'anyOf')) {
    const prefix = `${anyOf.schemaPath}/`;
    const byBranch = new Map<string, ErrorObject[]>();
    for (const e of errors) {
      if (e.schemaPath.startsWith(prefix)) {
        const branch = e.schemaPath.slice(prefix.length).split('/')[0];
        byBranch.set(branch, [...(byBranch.get(branch) ?? []), e]);
      }
    }
    const matching = [...byBranch.values()].filter(
      branchErrors =>
        !branchErrors.some(
          e => e.keyword === 'type' && e.instancePath === anyOf.instancePath,
        ),
    );
    for (const branchErrors of byBranch.values()) {
      if (branchErrors !== matching[0]) {
        branchErrors.forEach(e => dropped.add(e));
      }
    }
    if (matching.length > 0) {
      dropped.add(anyOf);
    }
  }
  return errors.filter(e => !dropped.has(e));
}

/**
 * Validates `value` against `schema` and returns every structural problem,
 * with paths rooted at `prefix` (e.g. `spec`).
 */
export function schemaProblems(
  schema: JsonObject,
  value: unknown,
  prefix: string,
): EntityProblem[] {
  const validate = compile(schema);
  if (validate(value)) {
    return [];
  }
  const problems: EntityProblem[] = [];
  const seen = new Set<string>();
  for (const error of relevantErrors(validate.errors ?? [])) {
    const problem = toProblem(error, value, prefix, schema);
    if (problem) {
      const key = `${problem.path}|${problem.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        problems.push(problem);
      }
    }
  }
  return problems;
}
