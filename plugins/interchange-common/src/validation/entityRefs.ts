import { makeValidator, parseEntityRef } from '@backstage/catalog-model';
import { EntityProblem } from './EntityProblem';

const validator = makeValidator();

/**
 * Checks that a ref field parses as an entity ref and, where only some kinds
 * make sense (an owner is a Group or User), that it names one of them.
 */
export function checkEntityRef(
  value: unknown,
  path: string,
  options: { defaultKind: string; allowedKinds?: string[]; example: string },
): EntityProblem[] {
  if (typeof value !== 'string' || value.length === 0) {
    return [];
  }
  let kind: string;
  try {
    const ref = parseEntityRef(value, {
      defaultKind: options.defaultKind,
      defaultNamespace: 'default',
    });
    kind = ref.kind;
    // parseEntityRef only splits the string; names like 'b:c' still need
    // the catalog's own format rules.
    if (!validator.isValidKind(ref.kind)) {
      throw new Error(`kind '${ref.kind}' is not valid`);
    }
    if (!validator.isValidNamespace(ref.namespace)) {
      throw new Error(`namespace '${ref.namespace}' is not valid`);
    }
    if (!validator.isValidEntityName(ref.name)) {
      throw new Error(`name '${ref.name}' is not valid`);
    }
  } catch (e) {
    return [
      {
        path,
        message: `'${value}' is not a valid entity ref (${
          (e as Error).message
        })`,
        fix: `write it as [kind:][namespace/]name, e.g. '${options.example}'`,
      },
    ];
  }
  const allowed = options.allowedKinds;
  if (
    allowed &&
    !allowed.some(
      k => k.toLocaleLowerCase('en-US') === kind.toLocaleLowerCase('en-US'),
    )
  ) {
    return [
      {
        path,
        message: `'${value}' refers to ${withArticle(
          kind,
        )}, but only ${allowed.join(' or ')} can be used here`,
        fix: `point it at ${withArticle(allowed.join(' or '))}, e.g. '${
          options.example
        }'`,
      },
    ];
  }
  return [];
}

/** 'an API', 'a System': messages read as sentences. */
function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}
