/*
 * `yarn bench:gateways`: parsing large gateway and service-mesh
 * configurations, time and peak memory: a generated Kong declarative file
 * with 10,000 routes (2,000 services with 5 routes each, plugins at every
 * level), a 5,000-document HTTPRoute file, a 5,000-policy Istio
 * AuthorizationPolicy file and 5,000 Consul service intentions (the
 * Kubernetes CRD, and HCL config entries as a Consul agent reads them). Each case runs in a child process so its peak memory (max
 * RSS) is its own. The child runs this script built to JavaScript (esbuild,
 * which @backstage/cli builds packages with), as the CLI and the backend
 * ship it: under the TypeScript transform the transform alone holds ~60 MB.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseGatewayConfig } from '../../plugins/interchange-common/src/gateways/parseGatewayConfig';
import { parseMeshConfig } from '../../plugins/interchange-common/src/mesh/parseMeshConfig';
import { printTable } from './table';

const KONG_SERVICES = 2000;
const ROUTES_PER_SERVICE = 5;
const HTTPROUTES = 5000;
const MESH_POLICIES = 5000;
/** Callers per Istio policy and sources per Consul intention. */
const MESH_SOURCES = 3;

function kongFile(): string {
  const lines = ['_format_version: "3.0"', 'services:'];
  for (let s = 0; s < KONG_SERVICES; s++) {
    lines.push(
      `- name: svc-${s}`,
      `  url: http://svc-${s}.team-${s % 40}.svc:8080`,
      '  plugins:',
      '  - name: jwt',
      '  routes:',
    );
    for (let r = 0; r < ROUTES_PER_SERVICE; r++) {
      lines.push(
        `  - name: svc-${s}-route-${r}`,
        `    paths: ['/v1/svc-${s}/r${r}', '~/v1/svc-${s}/r${r}/[0-9]+$']`,
        '    methods: [GET, POST]',
        `    hosts: [api-${s % 10}.example.com]`,
        ...(r === 0
          ? [
              '    plugins:',
              '    - name: rate-limiting',
              '      config: { minute: 600, policy: local }',
            ]
          : []),
      );
    }
  }
  lines.push('plugins:', '- name: prometheus', '- name: cors');
  return `${lines.join('\n')}\n`;
}

function httpRouteFile(): string {
  const docs: string[] = [];
  for (let i = 0; i < HTTPROUTES; i++) {
    docs.push(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: route-${i}
  namespace: team-${i % 40}
spec:
  parentRefs: [{ name: public, namespace: infra }]
  hostnames: [app-${i % 25}.example.com]
  rules:
  - matches:
    - path: { type: PathPrefix, value: /app-${i}/ }
      method: GET
    - path: { type: Exact, value: /app-${i}/health }
    backendRefs: [{ name: app-${i}, port: 8080 }]
`);
  }
  return docs.join('---\n');
}

/** The callers of policy `i`: the next workloads, in other namespaces. */
function meshSources(i: number): number[] {
  return Array.from(
    { length: MESH_SOURCES },
    (_, k) => (i + k + 1) % MESH_POLICIES,
  );
}

/** One Istio AuthorizationPolicy per workload: its callers (principals) on some paths and methods. */
function istioFile(): string {
  const docs: string[] = [];
  for (let i = 0; i < MESH_POLICIES; i++) {
    const principals = meshSources(i)
      .map(s => `              - cluster.local/ns/team-${s % 40}/sa/svc-${s}`)
      .join('\n');
    docs.push(`apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: svc-${i}-callers
  namespace: team-${i % 40}
spec:
  selector:
    matchLabels:
      app: svc-${i}
  action: ALLOW
  rules:
    - from:
        - source:
            principals:
${principals}
      to:
        - operation:
            methods: [GET, POST]
            paths: [/v1/svc-${i}/*]
`);
  }
  return docs.join('---\n');
}

/** One consul-k8s ServiceIntentions resource per service. */
function consulCrdFile(): string {
  const docs: string[] = [];
  for (let i = 0; i < MESH_POLICIES; i++) {
    const sources = meshSources(i)
      .map(s => `    - name: svc-${s}\n      action: allow`)
      .join('\n');
    docs.push(`apiVersion: consul.hashicorp.com/v1alpha1
kind: ServiceIntentions
metadata:
  name: svc-${i}
spec:
  destination:
    name: svc-${i}
  sources:
${sources}
    - name: '*'
      action: deny
`);
  }
  return docs.join('---\n');
}

/** An agent configuration bootstrapping one service-intentions entry per service (HCL). */
function consulHclFile(): string {
  const lines = ['acl {', '  default_policy = "deny"', '}', 'config_entries {'];
  for (let i = 0; i < MESH_POLICIES; i++) {
    lines.push(
      '  bootstrap {',
      '    kind = "service-intentions"',
      `    name = "svc-${i}"`,
    );
    for (const s of meshSources(i)) {
      lines.push(
        '    sources {',
        `      name   = "svc-${s}"`,
        '      action = "allow"',
        '    }',
      );
    }
    lines.push('  }');
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** Child mode: parse one file, print JSON with time and counts. */
function child(file: string, kind: string) {
  const baselineMb = process.resourceUsage().maxRSS / 1024;
  const text = fs.readFileSync(file, 'utf8');
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result =
    kind === 'mesh'
      ? parseMeshConfig(text, { fileName: path.basename(file) }).rules
      : parseGatewayConfig(text).routes;
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  process.stdout.write(
    JSON.stringify({
      ms,
      // Wall time varies with the shared machine's load; CPU time much less.
      cpuMs: (cpu.user + cpu.system) / 1000,
      routes: result.length,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      baselineMb,
      bytes: Buffer.byteLength(text),
    }),
  );
}

function main() {
  if (process.argv[2] === '--child') {
    child(process.argv[3], process.argv[4]);
    return;
  }
  const dir = fs.mkdtempSync(
    path.join(os.tmpdir(), 'interchange-bench-gateways-'),
  );
  const cases = [
    {
      name: `Kong decK, ${KONG_SERVICES * ROUTES_PER_SERVICE} routes`,
      file: path.join(dir, 'kong.yaml'),
      text: kongFile(),
      expected: KONG_SERVICES * ROUTES_PER_SERVICE,
    },
    {
      name: `HTTPRoute, ${HTTPROUTES} documents`,
      file: path.join(dir, 'httproutes.yaml'),
      text: httpRouteFile(),
      expected: HTTPROUTES,
    },
    {
      name: `Istio AuthorizationPolicy, ${MESH_POLICIES} policies`,
      file: path.join(dir, 'istio.yaml'),
      text: istioFile(),
      // One rule per caller.
      expected: MESH_POLICIES * MESH_SOURCES,
      kind: 'mesh',
    },
    {
      name: `Consul ServiceIntentions, ${MESH_POLICIES}`,
      file: path.join(dir, 'consul.yaml'),
      text: consulCrdFile(),
      // One rule per source, the `*` deny included.
      expected: MESH_POLICIES * (MESH_SOURCES + 1),
      kind: 'mesh',
    },
    {
      name: `Consul HCL intentions, ${MESH_POLICIES}`,
      file: path.join(dir, 'consul.hcl'),
      text: consulHclFile(),
      expected: MESH_POLICIES * MESH_SOURCES,
      kind: 'mesh',
    },
  ];
  const built = path.join(dir, 'bench-gateways.js');
  // Loaded here only: the built child never needs esbuild.
  const { buildSync } = require('esbuild') as typeof import('esbuild');
  buildSync({
    entryPoints: [__filename],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    outfile: built,
    external: ['esbuild'],
    logLevel: 'error',
  });
  const rows = cases.map(c => {
    fs.writeFileSync(c.file, c.text);
    const out = execFileSync(
      process.execPath,
      [built, '--child', c.file, c.kind ?? 'gateway'],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    const r = JSON.parse(out);
    if (r.routes !== c.expected) {
      throw new Error(
        `${c.name}: expected ${c.expected} ${
          c.kind === 'mesh' ? 'rules' : 'routes'
        }, parsed ${r.routes}`,
      );
    }
    return [
      c.name,
      `${(r.bytes / 1024 / 1024).toFixed(1)} MB`,
      String(r.routes),
      (r.ms / 1000).toFixed(2),
      (r.cpuMs / 1000).toFixed(2),
      ((r.routes / r.ms) * 1000).toFixed(0),
      r.maxRssMb.toFixed(0),
      r.baselineMb.toFixed(0),
    ];
  });
  fs.rmSync(dir, { recursive: true, force: true });
  const header = [
    'file',
    'size',
    'routes/rules',
    'parse s',
    'CPU s',
    'per s',
    'peak RSS MB',
    'before parse MB',
  ];
  console.log(
    'Gateway and mesh configuration parsing (one process per file; peak RSS includes Node itself, "before parse" is the process with the parser loaded)',
  );
  printTable(header, rows);
}

main();
