import {
  createGatewayFormatRegistry,
  GatewayFormatRegistry,
  NormalizedRoute,
  SkippedItem,
} from '@interchange/plugin-interchange-common';
import { expandRoutesTargets, readBundle, readTargetText } from './routesFiles';
import { Out, previewEach, reportPreview } from '../lib/previewOutput';

export interface RoutesOptions {
  json?: boolean;
  /**
   * The formats files are read with: the registry the catalog module's
   * pipeline uses, with the built-in formats. Default those.
   */
  formats?: GatewayFormatRegistry;
}

/** What one file gives (the JSON output's fields besides `file` and `error`). */
type FileContent = {
  formats: string[];
  routes: NormalizedRoute[];
  skipped: SkippedItem[];
};

function upstreamText(route: NormalizedRoute): string {
  if (!route.upstreams.length) {
    return '-';
  }
  return route.upstreams
    .map(u => {
      const target = u.kind === 'url' ? u.url ?? u.host : u.host;
      const port = u.kind !== 'url' && u.port ? `:${u.port}` : '';
      const extra = [
        u.subset && `subset ${u.subset}`,
        u.weight !== undefined && `weight ${u.weight}`,
        u.via && `via ${u.via}`,
      ]
        .filter(Boolean)
        .join(', ');
      return `${u.name ? `${u.name} -> ` : ''}${
        u.kind === 'lambda' ? 'lambda ' : ''
      }${
        target ?? (u.kind === 'mock' ? 'answered by the gateway' : u.kind)
      }${port}${extra ? ` (${extra})` : ''}`;
    })
    .join(', ');
}

/**
 * `interchange routes <file>...`: the routes the gateway providers would
 * ingest from these files, and what they would skip, so a platform team can
 * check before turning a provider on.
 */
export async function routesCommand(
  patterns: string[],
  options: RoutesOptions,
  out: Out = console,
): Promise<number> {
  const targets = await expandRoutesTargets(patterns);
  if (!targets.length) {
    out.error(
      `interchange routes: no files match ${patterns.join(
        ' ',
      )}; pass gateway configuration files (kong.yml, HTTPRoute or VirtualService manifests, AWS API Gateway exports, Apigee bundle folders or zips)`,
    );
    return 2;
  }
  const formats = options.formats ?? createGatewayFormatRegistry();
  const results = previewEach(
    targets,
    target => target.file,
    target =>
      target.kind === 'file'
        ? formats.parse(readTargetText(target.file))
        : formats.parseBundle(readBundle(target)),
    { formats: [], routes: [], skipped: [] } as FileContent,
  );
  return reportPreview(out, results, {
    json: options.json,
    noun: 'route',
    found: r => r.routes.length,
    heading: r => (r.formats.length ? ` (${r.formats.join(', ')})` : ''),
    print: r => printRoutes(out, r.routes),
  });
}

function printRoutes(out: Out, routes: NormalizedRoute[]): void {
  for (const route of routes) {
    out.log(`  route ${route.name}`);
    out.log(
      `    ${
        route.methods.length ? route.methods.join(',') : 'ANY'
      } ${route.paths.join(' ')}  hosts: ${
        route.hosts.length ? route.hosts.join(', ') : 'any'
      }`,
    );
    out.log(
      `    upstream: ${upstreamText(route)}  auth: ${
        route.authentication ?? 'none'
      }${
        route.rateLimit
          ? `  rate limit: ${route.rateLimit.requests}/${route.rateLimit.period}`
          : ''
      }`,
    );
    if (route.parents.length) {
      out.log(`    attached to: ${route.parents.join(', ')}`);
    }
    if (route.conditions.length) {
      out.log(`    only when: ${route.conditions.join('; ')}`);
    }
    out.log(
      `    source: document ${route.source.document + 1}, ${
        route.source.location
      }`,
    );
  }
}
