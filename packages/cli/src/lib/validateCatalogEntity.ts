import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  KindValidator,
  locationEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import {
  EntityProblem,
  INTERCHANGE_API_VERSION,
  InterchangeValidationOptions,
  validateInterchangeEntity,
} from '@interchange/plugin-interchange-common';

const DESCRIPTOR_DOCS =
  'https://backstage.io/docs/features/software-catalog/descriptor-format';

const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

/** The same kind validators the catalog backend runs for the core kinds. */
const CORE_VALIDATORS: KindValidator[] = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  templateEntityV1beta3Validator,
];

/**
 * Turns a Backstage validator message into a problem. Those messages come in
 * two shapes: `/spec must have required property 'owner' - missingProperty:
 * owner` (kind schemas) and `"metadata.name" is not valid; expected ...`
 * (entity policies).
 */
function fromBackstageError(error: Error, kind: string): EntityProblem {
  const message = error.message;
  const schema = /^(\/\S*) (.+?)(?: - (.*))?$/.exec(message);
  if (schema) {
    const missing = /missingProperty: (\S+)/.exec(schema[3] ?? '');
    const base = schema[1]
      .split('/')
      .filter(Boolean)
      .map(p => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
      .join('')
      .replace(/^\./, '');
    const path = missing
      ? [base, missing[1]].filter(Boolean).join('.')
      : base || '(root)';
    return {
      path,
      message: missing ? 'is required' : schema[2],
      fix: `see the ${kind} format in ${DESCRIPTOR_DOCS}`,
    };
  }
  const field = /^"([^"]+)" (.*?)(?:\. To learn more.*)?$/s.exec(message);
  if (field) {
    return {
      path: field[1],
      message: field[2],
      fix: `see ${DESCRIPTOR_DOCS}`,
    };
  }
  return { path: '(entity)', message, fix: `see ${DESCRIPTOR_DOCS}` };
}

export type ValidationOutcome =
  | { status: 'valid' }
  | { status: 'invalid'; problems: EntityProblem[] }
  | { status: 'unknown-kind' }
  /** No apiVersion and no kind: another tool's YAML (kong.yml, compose files). */
  | { status: 'not-an-entity' };

/**
 * Validates one entity the way the catalog would: Backstage's entity policies
 * and kind validators for core kinds, plus Interchange's rules for its kinds
 * and for the integration fields of Components.
 */
export async function validateCatalogEntity(
  entity: Entity,
  options: InterchangeValidationOptions = {},
): Promise<ValidationOutcome> {
  const kind = String(entity?.kind ?? '');
  if (entity.apiVersion === undefined && entity.kind === undefined) {
    return { status: 'not-an-entity' };
  }
  const metadata = entity.metadata as unknown;
  if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) {
    return {
      status: 'invalid',
      problems: [
        {
          path: 'metadata',
          message: 'is required (a map with at least name)',
          fix: `add 'metadata: { name: <name> }'; see ${DESCRIPTOR_DOCS}`,
        },
      ],
    };
  }
  try {
    await policy.enforce(entity);
  } catch (e) {
    return {
      status: 'invalid',
      problems: [fromBackstageError(e as Error, kind)],
    };
  }
  const ours = validateInterchangeEntity(entity, options);
  if (entity.apiVersion === INTERCHANGE_API_VERSION) {
    return ours.length
      ? { status: 'invalid', problems: ours }
      : { status: 'valid' };
  }
  let known = false;
  const problems: EntityProblem[] = [];
  for (const validator of CORE_VALIDATORS) {
    try {
      if (await validator.check(entity)) {
        known = true;
        break;
      }
    } catch (e) {
      known = true;
      problems.push(fromBackstageError(e as Error, kind));
      break;
    }
  }
  problems.push(...ours);
  if (problems.length > 0) {
    return { status: 'invalid', problems };
  }
  return known ? { status: 'valid' } : { status: 'unknown-kind' };
}
