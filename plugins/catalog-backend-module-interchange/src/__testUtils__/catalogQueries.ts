import path from 'node:path';
import request from 'supertest';
import { Entity } from '@backstage/catalog-model';

/** An entity from the catalog's entities API, or undefined while it is not there. */
export async function getEntity(
  server: any,
  ref: string,
): Promise<Entity | undefined> {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  const res = await request(server).get(
    `/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
  );
  return res.status === 200 ? res.body : undefined;
}

/** Polls until `fn` gives a value; processing is asynchronous. */
export async function waitFor<T>(
  fn: () => Promise<T | undefined>,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const value = await fn();
    if (value) return value;
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Relations as sorted `type targetRef` lines. */
export const relations = (e: Entity) =>
  (e.relations ?? []).map(r => `${r.type} ${r.targetRef}`).sort();

/** Kinds the gateway tests let into the catalog. */
export const GATEWAY_TEST_RULES = [
  {
    allow: [
      'Component',
      'System',
      'API',
      'Group',
      'User',
      'Resource',
      'Domain',
      'Location',
      'GatewayRoute',
    ],
  },
];

/** The demo company's org, systems, components and APIs as file locations. */
export function demoCompanyLocations(examples: string) {
  return ['org.yaml', 'systems.yaml', 'components.yaml', 'apis.yaml'].map(
    f => ({ type: 'file', target: path.join(examples, f) }),
  );
}

/** Waits until the entity exists and has a relation of `type`. */
export function waitForRelation(server: any, ref: string, type: string) {
  return waitFor(async () => {
    const e = await getEntity(server, ref);
    return e?.relations?.some(r => r.type === type) ? e : undefined;
  }, `${ref} with a ${type} relation`);
}
