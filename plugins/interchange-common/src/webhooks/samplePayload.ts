/**
 * Sample events for "Send test event": from the payload schema when the
 * Webhook names one (`spec.schema`, an API entity with an AsyncAPI, OpenAPI
 * or JSON Schema definition), else a ping.
 */

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  example?: unknown;
  examples?: unknown[];
  format?: string;
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  payload?: Schema;
};

/** A value that fits a JSON schema, preferring its own examples. */
export function sampleFromJsonSchema(
  schema: Schema | undefined,
  resolve: (ref: string) => Schema | undefined = () => undefined,
  depth = 0,
): unknown {
  if (!schema || depth > 8) {
    return null;
  }
  if (schema.$ref) {
    return sampleFromJsonSchema(resolve(schema.$ref), resolve, depth + 1);
  }
  if (schema.example !== undefined) return schema.example;
  if (schema.examples?.length) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  const variants = schema.allOf ?? schema.oneOf ?? schema.anyOf;
  if (variants?.length) {
    if (schema.allOf) {
      return Object.assign(
        {},
        ...schema.allOf.map(s => sampleFromJsonSchema(s, resolve, depth + 1)),
      );
    }
    return sampleFromJsonSchema(variants[0], resolve, depth + 1);
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type ?? (schema.properties ? 'object' : undefined)) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([k, v]) => [
          k,
          sampleFromJsonSchema(v, resolve, depth + 1),
        ]),
      );
    case 'array':
      return [sampleFromJsonSchema(schema.items, resolve, depth + 1)];
    case 'string':
      if (schema.format === 'date-time') return '2026-01-01T00:00:00Z';
      if (schema.format === 'uuid')
        return '00000000-0000-4000-8000-000000000000';
      if (schema.format === 'email') return 'someone@example.com';
      return 'string';
    case 'integer':
      return 1;
    case 'number':
      return 1.5;
    case 'boolean':
      return true;
    default:
      return null;
  }
}

function pointer(doc: unknown, ref: string): Schema | undefined {
  if (!ref.startsWith('#/')) {
    return undefined;
  }
  return ref
    .slice(2)
    .split('/')
    .reduce<any>(
      (node, part) => node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')],
      doc,
    );
}

/**
 * The payload (`data`) for an event type from a parsed API definition:
 * an AsyncAPI message whose name or title matches the event type (else the
 * first message), or a JSON Schema document itself.
 */
export function sampleDataFromDefinition(
  definition: unknown,
  eventType: string,
): unknown | undefined {
  if (!definition || typeof definition !== 'object') {
    return undefined;
  }
  const doc = definition as Record<string, any>;
  const resolve = (ref: string) => pointer(doc, ref);
  if (doc.asyncapi) {
    const messages: Record<string, Schema> = {
      ...(doc.components?.messages ?? {}),
    };
    const entries = Object.entries(messages).map(
      ([name, m]) => [name, m.$ref ? resolve(m.$ref) ?? m : m] as const,
    );
    const match =
      entries.find(
        ([name, m]: readonly [string, any]) =>
          name === eventType || m?.name === eventType || m?.title === eventType,
      ) ?? entries[0];
    const message: any = match?.[1];
    if (message?.examples?.[0]?.payload !== undefined) {
      return message.examples[0].payload;
    }
    return message?.payload
      ? sampleFromJsonSchema(message.payload, resolve)
      : undefined;
  }
  if (doc.openapi || doc.swagger) {
    const schemas: Record<string, Schema> = doc.components?.schemas ?? {};
    const schema =
      schemas[eventType] ??
      Object.entries(schemas).find(([n]) =>
        n.toLowerCase().includes(eventType.split('.').pop()!.toLowerCase()),
      )?.[1];
    return schema ? sampleFromJsonSchema(schema, resolve) : undefined;
  }
  if (doc.type || doc.properties || doc.$schema) {
    return sampleFromJsonSchema(doc as Schema, resolve);
  }
  return undefined;
}

/**
 * A test event in the shape Standard Webhooks recommends:
 * `{ type, timestamp, data }`. Without a schema, `data` is a ping: the
 * webhook's name and a note that this is a test, like GitHub's ping event.
 *
 * @public
 */
export function buildTestEvent(options: {
  eventType: string;
  webhookRef: string;
  timestamp: Date;
  data?: unknown;
}): { type: string; timestamp: string; data: unknown } {
  return {
    type: options.eventType,
    timestamp: options.timestamp.toISOString(),
    data: options.data ?? {
      ping: true,
      webhook: options.webhookRef,
      message:
        'Test event sent from the developer portal (Interchange). It carries no business data.',
    },
  };
}
