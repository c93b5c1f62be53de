import type { GatewayConfigFormat } from '../gateways';

/**
 * A made-up gateway configuration format, as an adopter would add one:
 * `kind: EdgeProxy` documents with a `routes` list of `{ name, path, to }`
 * (a shape Kong's detection also accepts), for tests of the format registry
 * and of the extension point that registers formats.
 *
 * @public
 */
export const testEdgeProxyFormat: GatewayConfigFormat = {
  id: 'edge-proxy',
  title: 'EdgeProxy manifest',
  detect: doc => doc.kind === 'EdgeProxy',
  parse: (doc, document) => ({
    routes: (doc.routes as { name: string; path: string; to: string }[]).map(
      (r, i) => ({
        format: 'edge-proxy',
        name: r.name,
        hosts: [],
        paths: [r.path],
        pathMatch: ['prefix'],
        methods: [],
        upstreams: [{ kind: 'url', url: r.to, host: new URL(r.to).hostname }],
        plugins: [],
        parents: [],
        conditions: [],
        source: { document, location: `routes[${i}]` },
      }),
    ),
    skipped: [],
  }),
};
