/*
 * Entity builders for the graph and rule tests (not exported by the package).
 */
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { buildIntegrationGraph } from '../graph';
import { CheckRule, CheckRuleRunOptions, RuleFinding } from './types';

type Spec = Record<string, unknown>;

const entity = (
  apiVersion: string,
  kind: string,
  name: string,
  spec: Spec,
  annotations?: Record<string, string>,
): Entity => ({
  apiVersion,
  kind,
  metadata: { name, ...(annotations ? { annotations } : {}) },
  spec: spec as JsonObject,
});

const core = 'backstage.io/v1alpha1';
const ic = 'interchange.dev/v1alpha1';

/**
 * A builder of one kind: `defaults()` is the spec every entity of it gets
 * (made anew for each, so no two entities share an object), `spec` adds or
 * overrides fields.
 */
const ofKind =
  (apiVersion: string, kind: string, defaults: () => Spec) =>
  (name: string, spec: Spec = {}, annotations?: Record<string, string>) =>
    entity(apiVersion, kind, name, { ...defaults(), ...spec }, annotations);

export const group = (name: string) =>
  entity(core, 'Group', name, { type: 'team', children: [] });
export const system = (name: string) =>
  entity(core, 'System', name, { owner: 'team-a' });
export const component = ofKind(core, 'Component', () => ({
  type: 'service',
  lifecycle: 'production',
  owner: 'team-a',
}));
export const api = ofKind(core, 'API', () => ({
  type: 'openapi',
  lifecycle: 'production',
  owner: 'team-a',
  definition: '{}',
}));
export const topic = ofKind(ic, 'KafkaTopic', () => ({
  owner: 'team-a',
  cluster: 'local',
}));
export const route = ofKind(ic, 'GatewayRoute', () => ({
  owner: 'team-a',
  gateway: 'kong',
  paths: ['/'],
}));
export const webhook = ofKind(ic, 'Webhook', () => ({
  owner: 'team-a',
  events: ['e'],
  sender: 'a',
  signing: { scheme: 'standard-webhooks', secretRef: 's' },
}));

/** Runs one rule on entities (with group team-a added). */
export function runRule(
  rule: CheckRule,
  entities: Entity[],
  options: Partial<CheckRuleRunOptions> = {},
): RuleFinding[] {
  const graph = buildIntegrationGraph([group('team-a'), ...entities]);
  return rule.run(graph, {
    threshold: rule.defaultThreshold,
    days: rule.defaultDays,
    now: new Date('2026-01-15T00:00:00Z'),
    ...options,
  });
}
