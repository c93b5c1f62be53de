import { CORE_SCHEMA, loadAll, Type } from 'js-yaml';
import {
  checkConfigText,
  checkConfigValue,
  expansionBudget,
  inputLimits,
} from '../limits/inputLimits';

/**
 * The CloudFormation short-form intrinsic functions (`!Sub`, `!GetAtt`,
 * ...), read as their long form (`{ 'Fn::Sub': ... }`), so SAM and
 * CloudFormation templates that embed an API definition parse; the AWS
 * parser then reads the long form. Every YAML kind is accepted for each
 * tag, as CloudFormation does.
 */
const INTRINSICS: Record<string, string> = {
  Ref: 'Ref',
  Condition: 'Condition',
  ...Object.fromEntries(
    [
      'And',
      'Base64',
      'Cidr',
      'Equals',
      'FindInMap',
      'GetAtt',
      'GetAZs',
      'If',
      'ImportValue',
      'Join',
      'Length',
      'Not',
      'Or',
      'Select',
      'Split',
      'Sub',
      'ToJsonString',
      'Transform',
    ].map(f => [f, `Fn::${f}`]),
  ),
};

const intrinsicTypes = Object.entries(INTRINSICS).flatMap(([tag, key]) =>
  (['scalar', 'sequence', 'mapping'] as const).map(
    kind =>
      new Type(`!${tag}`, {
        kind,
        construct: (data: unknown) => ({
          // `!GetAtt Resource.Attribute` is `Fn::GetAtt: [Resource, Attribute]`.
          [key]:
            tag === 'GetAtt' && typeof data === 'string'
              ? [data.split('.')[0], data.split('.').slice(1).join('.')]
              : data ?? '',
        }),
      }),
  ),
);

/** YAML 1.2 core (as JSON: no dates, no `yes`/`no` booleans) plus CloudFormation's tags. */
const SCHEMA = CORE_SCHEMA.extend(intrinsicTypes);

/** A document of a file could not be read; `document` is its 0-based index. */
export class DocumentReadError extends Error {
  readonly document: number;

  constructor(message: string, document: number) {
    super(message);
    this.name = 'DocumentReadError';
    this.document = document;
  }
}

/**
 * The documents of a YAML or JSON file, as plain values. Checks size and
 * binary content before parsing, nesting while parsing, and how far YAML
 * aliases expand afterwards (aliases share one value, so expansion costs
 * nothing until something walks it; the walk is bounded). JSON takes the
 * fast path: it is YAML too, but `JSON.parse` is several times quicker.
 */
export function readDocuments(text: string): unknown[] {
  checkConfigText(text);
  const budget = expansionBudget(text.length);
  // The first non-blank character, without copying a large text.
  const first = text[text.search(/\S/)];
  if (first === '{' || first === '[') {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined; // flow-style YAML, or broken: the YAML reader says which
    }
    if (json !== undefined) {
      try {
        checkConfigValue(json, budget);
      } catch (e) {
        throw new DocumentReadError(`document 1: ${(e as Error).message}`, 0);
      }
      return [json];
    }
  }
  const docs: unknown[] = [];
  try {
    loadAll(text, doc => docs.push(doc), {
      schema: SCHEMA,
      // js-yaml counts its own nesting; the typings predate the option.
      ...({ maxDepth: inputLimits().maxDepth } as object),
    });
  } catch (e) {
    const message = String((e as Error)?.message ?? e).split('\n')[0];
    throw new DocumentReadError(
      `document ${docs.length + 1}: ${message}`,
      docs.length,
    );
  }
  // One budget for the whole file: a bomb split over documents is one bomb.
  let left = budget;
  docs.forEach((doc, i) => {
    try {
      left -= checkConfigValue(doc, left);
    } catch (e) {
      throw new DocumentReadError(
        `document ${i + 1}: ${(e as Error).message}`,
        i,
      );
    }
  });
  return docs;
}
