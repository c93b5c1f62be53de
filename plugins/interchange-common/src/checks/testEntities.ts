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

export const group = (name: string) =>
  entity(core, 'Group', name, { type: 'team', children: [] });
export const system = (name: string) =>
  entity(core, 'System', name, { owner: 'team-a' });
export const component = (
  name: string,
  spec: Spec = {},
  annotations?: Record<string, string>,
) =>
  entity(
    core,
    'Component',
    name,
    { type: 'service', lifecycle: 'production', owner: 'team-a', ...spec },
    annotations,
  );
export const api = (name: string, spec: Spec = {}) =>
  entity(core, 'API', name, {
    type: 'openapi',
    lifecycle: 'production',
    owner: 'team-a',
    definition: '{}',
    ...spec,
  });
export const topic = (
  name: string,
  spec: Spec = {},
  annotations?: Record<string, string>,
) =>
  entity(
    ic,
    'KafkaTopic',
    name,
    { owner: 'team-a', cluster: 'local', ...spec },
    annotations,
  );
export const route = (
  name: string,
  spec: Spec = {},
  annotations?: Record<string, string>,
) =>
  entity(
    ic,
    'GatewayRoute',
    name,
    { owner: 'team-a', gateway: 'kong', paths: ['/'], ...spec },
    annotations,
  );
export const webhook = (name: string, spec: Spec = {}) =>
  entity(ic, 'Webhook', name, {
    owner: 'team-a',
    events: ['e'],
    sender: 'a',
    signing: { scheme: 'standard-webhooks', secretRef: 's' },
    ...spec,
  });

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
