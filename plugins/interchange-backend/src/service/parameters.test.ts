import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { interchangePlugin } from '../plugin';
import { spec } from '../schema/openapi';

jest.setTimeout(120_000);

type Schema = {
  type?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: readonly unknown[];
  not?: { enum?: readonly unknown[] };
  $ref?: string;
};
type Parameter = {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  schema: Schema;
};

/** `#/components/...` references resolved against the spec. */
function resolve<T>(value: T | { $ref: string }): T {
  if (value && typeof value === 'object' && '$ref' in value) {
    const parts = (value as { $ref: string }).$ref.slice(2).split('/');
    return resolve(
      parts.reduce<any>((node, part) => node[part], spec) as
        | T
        | { $ref: string },
    );
  }
  return value as T;
}

/** A value the parameter's schema accepts: the route is reached with it. */
function validValue(p: Parameter): string {
  const s = resolve(p.schema);
  // Candidates per name; the first the schema's pattern accepts is used
  // (an `id` is a delivery's UUID on one path, a secret link's 43-character
  // token on another).
  const known: Record<string, string[]> = {
    cluster: ['local'],
    broker: ['local'],
    topic: ['orders'],
    namespace: ['default'],
    kind: ['component'],
    name: ['hook'],
    id: ['123e4567-e89b-42d3-a456-426614174000', 'A'.repeat(43)],
    vhost: ['%2F'],
    queue: ['orders'],
    group: ['g'],
    entityRef: ['component:default/hook'],
  };
  if (s.enum) return String(s.enum[0]);
  if (s.type === 'number' || s.type === 'integer')
    return String(s.minimum ?? 1);
  const candidates = known[p.name] ?? ['x'];
  const pattern = s.pattern ? new RegExp(s.pattern) : undefined;
  return (
    candidates.find(c => !pattern || pattern.test(decodeURIComponent(c))) ??
    candidates[0]
  );
}

/**
 * Values the parameter's schema refuses, one per rule it declares, each with
 * the rule's name. A parameter that declares no rule has none: the test
 * fails for it, so every parameter added to the spec gets its bounds.
 */
function invalidValues(p: Parameter): Array<[rule: string, value: string]> {
  const s = resolve(p.schema);
  const out: Array<[string, string]> = [];
  if (s.enum) out.push(['enum', 'not-one-of-them']);
  if (s.type === 'number' || s.type === 'integer') {
    out.push(['type', 'abc']);
    if (s.minimum !== undefined) out.push(['minimum', String(s.minimum - 1)]);
    if (s.maximum !== undefined) out.push(['maximum', String(s.maximum + 1)]);
  }
  if (s.type === 'integer') out.push(['integer', '1.5']);
  if (s.maxLength !== undefined) {
    out.push(['maxLength', 'a'.repeat(s.maxLength + 1)]);
  }
  // An empty path segment reaches no route; only queries can be empty.
  if (s.minLength && p.in === 'query') out.push(['minLength', '']);
  if (s.pattern) {
    // Characters no pattern of the spec allows, URL-encoded so they reach the route.
    out.push(['pattern', encodeURIComponent('bad value!')]);
  }
  if (s.not?.enum?.includes('..')) out.push(['not', '%2E%2E']);
  return out;
}

/** Every parameter of every operation, with a URL that fills the others validly. */
function cases() {
  const out: Array<{
    operation: string;
    method: string;
    parameter: Parameter;
    rule: string;
    url: string;
  }> = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item as Record<string, any>)) {
      const params: Parameter[] = (op.parameters ?? []).map((x: any) =>
        resolve<Parameter>(x),
      );
      for (const parameter of params) {
        const invalid = invalidValues(parameter);
        // Listed with rule 'none' so the assertion below names it.
        const rules = invalid.length ? invalid : [['none', 'x'] as const];
        for (const [rule, value] of rules) {
          let url = path;
          const query: string[] = [];
          for (const q of params) {
            const v = q === parameter ? value : validValue(q);
            if (q.in === 'path') {
              url = url.replace(`{${q.name}}`, v);
            } else if (q === parameter || q.required) {
              query.push(
                `${q.name}=${q === parameter ? v : encodeURIComponent(v)}`,
              );
            }
          }
          out.push({
            operation: `${method.toUpperCase()} ${path}`,
            method,
            parameter,
            rule,
            url: `/api/interchange${url}${
              query.length ? `?${query.join('&')}` : ''
            }`,
          });
        }
      }
    }
  }
  return out;
}

/**
 * Every path and query parameter of the contract, given a value its schema
 * refuses, is answered 400 in Backstage's error body with a message naming
 * the parameter, before any catalog, broker or database work; and no
 * parameter is left without a bound (a maximum length, a pattern, a range
 * or a list of values).
 */
describe('every API parameter is checked', () => {
  let server: any;
  let stop: () => Promise<void>;
  const all = cases();

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        interchangePlugin,
        eventsServiceFactory,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            interchange: {
              kafka: {
                lagSampling: { enabled: false },
                clusters: [{ id: 'local', brokers: ['127.0.0.1:1'] }],
              },
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(() => stop());

  it('covers every parameter of the spec, each with at least one bound', () => {
    const unbounded = all
      .filter(c => c.rule === 'none')
      .map(
        c => `${c.operation} ${c.parameter.in} parameter '${c.parameter.name}'`,
      );
    expect(unbounded).toEqual([]);
    // Sanity: the spec has parameters of both kinds.
    expect(all.some(c => c.parameter.in === 'path')).toBe(true);
    expect(all.some(c => c.parameter.in === 'query')).toBe(true);
    // eslint-disable-next-line no-console
    console.log(
      `parameters: ${all.length} invalid values over ${
        new Set(all.map(c => `${c.operation} ${c.parameter.name}`)).size
      } parameters of ${Object.keys(spec.paths).length} paths`,
    );
  });

  it('reaches every route with the valid values (the 400s below are the bad ones)', async () => {
    const refused: string[] = [];
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(item as Record<string, any>)) {
        const params: Parameter[] = (op.parameters ?? []).map((x: any) =>
          resolve<Parameter>(x),
        );
        let url = path;
        const query: string[] = [];
        for (const q of params) {
          if (q.in === 'path') url = url.replace(`{${q.name}}`, validValue(q));
          else query.push(`${q.name}=${encodeURIComponent(validValue(q))}`);
        }
        const res = await (request(server) as any)
          [method](
            `/api/interchange${url}${
              query.length ? `?${query.join('&')}` : ''
            }`,
          )
          .set('Authorization', mockCredentials.user.header())
          .set('content-type', 'application/json')
          .send(method === 'get' ? undefined : '{}');
        if (
          res.status === 400 &&
          !/body|signature|webhook-/i.test(res.body?.error?.message ?? '')
        ) {
          refused.push(
            `${method.toUpperCase()} ${path}: ${res.body?.error?.message}`,
          );
        }
      }
    }
    expect(refused).toEqual([]);
  });

  it('answers each invalid value with a 400 naming the parameter', async () => {
    const failures: string[] = [];
    for (const c of all.filter(x => x.rule !== 'none')) {
      const res = await (request(server) as any)
        [c.method](c.url)
        .set('Authorization', mockCredentials.user.header())
        .set('content-type', 'application/json')
        .send(c.method === 'get' ? undefined : '{}');
      const message: string = res.body?.error?.message ?? '';
      if (
        res.status !== 400 ||
        res.body?.error?.name !== 'InputError' ||
        // The validator says `request/query/<name>` or `...parameter '<name>'`.
        !new RegExp(`(/${c.parameter.name}\\b|'${c.parameter.name}')`).test(
          message,
        )
      ) {
        failures.push(
          `${c.operation}: ${c.parameter.in} parameter '${
            c.parameter.name
          }' breaking '${c.rule}' (${c.url.slice(0, 120)}) got ${
            res.status
          } ${message.slice(0, 200)}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });
});
