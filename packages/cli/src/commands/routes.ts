import {
  createGatewayFormatRegistry,
  GatewayFormatRegistry,
  NormalizedRoute,
  SkippedItem,
} from '@interchange/plugin-interchange-common';
import { expandRoutesTargets, readBundle, readTargetText } from './routesFiles';
import { logPreviewSummary, logSkipped, Out } from '../lib/previewOutput';

export interface RoutesOptions {
  json?: boolean;
  /**
   * The formats files are read with: the registry the catalog module's
   * pipeline uses, with the built-in formats. Default those.
   */
  formats?: GatewayFormatRegistry;
}

type FileResult = {
  file: string;
  formats: string[];
  routes: NormalizedRoute[];
  skipped: SkippedItem[];
  error?: string;
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
  const results: FileResult[] = targets.map(target => {
    const file = target.file;
    try {
      return {
        file,
        ...(target.kind === 'file'
          ? formats.parse(readTargetText(file))
          : formats.parseBundle(readBundle(target))),
      };
    } catch (e) {
      return {
        file,
        formats: [],
        routes: [],
        skipped: [],
        error: `cannot parse: ${(e as Error).message}`,
      };
    }
  });
  const failed = results.filter(r => r.error);
  if (options.json) {
    out.log(JSON.stringify({ files: results }, null, 2));
    return failed.length ? 1 : 0;
  }
  for (const r of results) {
    out.log(`${r.file}${r.formats.length ? ` (${r.formats.join(', ')})` : ''}`);
    if (r.error) {
      out.log(`  error: ${r.error}`);
      continue;
    }
    for (const route of r.routes) {
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
    logSkipped(out, r.skipped);
  }
  logPreviewSummary(out, {
    files: results.length,
    found: results.reduce((n, r) => n + r.routes.length, 0),
    noun: 'route',
    skipped: results.reduce((n, r) => n + r.skipped.length, 0),
    unreadable: failed.length,
  });
  return failed.length ? 1 : 0;
}
