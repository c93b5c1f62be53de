import { checkEntityRef } from './entityRefs';
import { EntityProblem } from './EntityProblem';

// Rules that every broker resource kind (KafkaTopic, RabbitMQExchange,
// RabbitMQQueue) states the same way, so their messages cannot drift apart.

/**
 * The resource's name on the broker: `spec.<field>` when set, else
 * metadata.name, checked by the broker's own naming rule.
 */
export function brokerNameProblems(
  entity: { metadata: { name: unknown }; spec: Record<string, unknown> },
  field: string,
  nameProblem: (name: string) => string | undefined,
  fix: string,
): EntityProblem[] {
  const explicit = entity.spec[field];
  const name = explicit ?? entity.metadata.name;
  const message = typeof name === 'string' ? nameProblem(name) : undefined;
  if (!message) {
    return [];
  }
  return [
    {
      path: explicit === undefined ? 'metadata.name' : `spec.${field}`,
      message,
      fix,
    },
  ];
}

/**
 * A `spec.cluster` or `spec.broker` that names no configured connection,
 * when the validator knows the configured ids.
 */
export function configuredIdProblems(
  value: unknown,
  path: string,
  known: string[] | undefined,
  what: string,
  configKey: string,
): EntityProblem[] {
  if (!known || typeof value !== 'string' || known.includes(value)) {
    return [];
  }
  return [
    {
      path,
      message: `'${value}' is not a configured ${what}`,
      fix: known.length
        ? `use one of ${known
            .map(k => `'${k}'`)
            .join(', ')}, or add it to ${configKey} in app-config`
        : `add it to ${configKey} in app-config`,
    },
  ];
}

/** Each entry of a list of Component refs (producers, consumers). */
export function componentRefsProblems(
  refs: unknown,
  path: string,
  example: string,
): EntityProblem[] {
  return (Array.isArray(refs) ? refs : []).flatMap((ref, i) =>
    checkEntityRef(ref, `${path}[${i}]`, { defaultKind: 'Component', example }),
  );
}

/** `spec.schema` (an API) and `spec.producers` (Components). */
export function schemaAndProducersProblems(
  spec: { schema?: unknown; producers?: unknown },
  producerExample: string,
): EntityProblem[] {
  return [
    ...checkEntityRef(spec.schema, 'spec.schema', {
      defaultKind: 'API',
      allowedKinds: ['API'],
      example: 'api:order-events',
    }),
    ...componentRefsProblems(spec.producers, 'spec.producers', producerExample),
  ];
}
