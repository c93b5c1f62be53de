/*
 * `yarn bench:checks`: the integration graph and every check rule over a
 * generated catalog of 20,000 entities (2,000 components, 5,000 topics,
 * 3,000 routes, 1,000 webhooks, 200 systems, and the APIs, groups,
 * resources and users around them). Runs in a child process so the peak
 * memory (max RSS, Node and the generated entities included) is its own.
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Entity } from '@backstage/catalog-model';
import {
  buildIntegrationGraph,
  runChecks,
} from '@interchange/plugin-interchange-common';
import { printTable } from './table';

const COUNTS = {
  systems: 200,
  groups: 100,
  components: 2000,
  apis: 2000,
  topics: 5000,
  routes: 3000,
  webhooks: 1000,
  resources: 500,
  users: 6200,
};

/** Deterministic pseudo-random numbers (mulberry32), so every run sees the same catalog. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(): Entity[] {
  const rnd = random(42);
  const pick = (n: number) => Math.floor(rnd() * n);
  const core = 'backstage.io/v1alpha1';
  const ic = 'interchange.dev/v1alpha1';
  const e = (
    apiVersion: string,
    kind: string,
    name: string,
    spec: any,
  ): Entity => ({
    apiVersion,
    kind,
    metadata: { name },
    spec,
  });
  const out: Entity[] = [];
  const team = (i: number) => `team-${i % COUNTS.groups}`;
  const sys = (i: number) => `system-${i % COUNTS.systems}`;
  for (let i = 0; i < COUNTS.groups; i++) {
    out.push(e(core, 'Group', `team-${i}`, { type: 'team', children: [] }));
  }
  for (let i = 0; i < COUNTS.users; i++) {
    out.push(e(core, 'User', `user-${i}`, { memberOf: [team(i)] }));
  }
  for (let i = 0; i < COUNTS.systems; i++) {
    out.push(e(core, 'System', `system-${i}`, { owner: team(i) }));
  }
  for (let i = 0; i < COUNTS.resources; i++) {
    out.push(
      e(core, 'Resource', `db-${i}`, {
        type: 'database',
        owner: team(i),
        system: sys(i),
      }),
    );
  }
  for (let i = 0; i < COUNTS.apis; i++) {
    out.push(
      e(core, 'API', `api-${i}`, {
        type: 'openapi',
        lifecycle: i % 50 === 0 ? 'deprecated' : 'production',
        owner: team(i),
        system: sys(i),
        definition: '{}',
      }),
    );
  }
  for (let i = 0; i < COUNTS.components; i++) {
    const consumes = Array.from(
      { length: pick(4) },
      () => `api-${pick(COUNTS.apis)}`,
    );
    out.push(
      e(core, 'Component', `svc-${i}`, {
        type: 'service',
        lifecycle: 'production',
        owner: team(i),
        system: sys(i),
        providesApis: [`api-${i}`],
        consumesApis: consumes,
        dependsOn: [`resource:db-${i % COUNTS.resources}`],
      }),
    );
  }
  for (let i = 0; i < COUNTS.topics; i++) {
    const producers = Array.from(
      { length: 1 + pick(2) },
      () => `svc-${pick(COUNTS.components)}`,
    );
    const consumers = Array.from({ length: pick(5) }, () => ({
      entityRef: `svc-${pick(COUNTS.components)}`,
      consumerGroup: `g-${i}`,
    }));
    out.push(
      e(ic, 'KafkaTopic', `domain.event-${i}.v1`, {
        owner: team(i),
        system: sys(i),
        cluster: 'main',
        partitions: 6,
        ...(i % 3 ? { schema: `api-${pick(COUNTS.apis)}` } : {}),
        producers,
        consumers,
      }),
    );
  }
  for (let i = 0; i < COUNTS.routes; i++) {
    const upstream = pick(COUNTS.components);
    out.push(
      e(ic, 'GatewayRoute', `route-${i}`, {
        owner: team(i),
        system: sys(upstream),
        gateway: 'kong',
        paths: [`/v1/r${i}`],
        upstream: `svc-${upstream}`,
        api: `api-${upstream}`,
        exposure: ['public', 'partner', 'internal'][i % 3],
        authentication: i % 17 === 0 ? 'none' : 'jwt',
      }),
    );
  }
  for (let i = 0; i < COUNTS.webhooks; i++) {
    out.push(
      e(ic, 'Webhook', `hook-${i}`, {
        type: 'outbound',
        owner: team(i),
        system: sys(i),
        events: ['e'],
        sender: `svc-${pick(COUNTS.components)}`,
        ...(i % 2
          ? { receiver: `svc-${pick(COUNTS.components)}` }
          : { url: `https://partner-${i}.example/hook` }),
        signing: {
          scheme: i % 10 === 0 ? 'none' : 'standard-webhooks',
          secretRef: 's',
        },
        ...(i % 4 ? { retry: { maxAttempts: 5 } } : {}),
      }),
    );
  }
  return out;
}

function child() {
  const entities = generate();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const graph = buildIntegrationGraph(entities);
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const result = runChecks(graph, { now: new Date('2026-01-15T00:00:00Z') });
  const t2 = performance.now();
  const c2 = process.cpuUsage();
  const cpuMs = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) =>
    (b.user - a.user + b.system - a.system) / 1000;
  const byRule: Record<string, number> = {};
  for (const f of result.findings) {
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  }
  process.stdout.write(
    JSON.stringify({
      entities: entities.length,
      nodes: graph.nodes.size,
      edges: graph.edges.length,
      collapsed: graph.collapsed.components.length,
      graphMs: t1 - t0,
      checksMs: t2 - t1,
      graphCpuMs: cpuMs(c0, c1),
      checksCpuMs: cpuMs(c1, c2),
      findings: result.findings.length,
      byRule,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

function main() {
  if (process.argv[2] === '--child') {
    child();
    return;
  }
  const r = JSON.parse(
    execFileSync(
      process.execPath,
      [...process.execArgv, __filename, '--child'],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 22,
      },
    ),
  );
  if (r.entities !== 20000) {
    throw new Error(`expected 20000 entities, generated ${r.entities}`);
  }
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const rows = [
    [
      'build graph',
      `${r.nodes} nodes, ${r.edges} edges, ${r.collapsed} component pairs`,
      s(r.graphMs),
      s(r.graphCpuMs),
    ],
    ['all rules', `${r.findings} findings`, s(r.checksMs), s(r.checksCpuMs)],
    [
      'total',
      `${r.entities} entities`,
      s(r.graphMs + r.checksMs),
      s(r.graphCpuMs + r.checksCpuMs),
    ],
  ];
  const header = ['step', 'size', 'seconds', 'CPU s'];
  console.log(
    'Integration graph + checks over a generated catalog (one process; peak RSS includes Node and the entities)',
  );
  printTable(header, rows, 2);
  console.log(`peak RSS: ${r.maxRssMb.toFixed(0)} MB`);
  console.log(
    `findings by rule: ${Object.entries(r.byRule)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
}

main();
