import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { parse } from 'yaml';

/** The job `scripts/prometheus/start.sh` writes, scraping file_sd targets each second. */
const TARGETS_JOB = 'interchange-targets';

/**
 * URL of the real test Prometheus (`scripts/prometheus/start.sh`), from
 * INTERCHANGE_TEST_PROMETHEUS_URL. Without it the Prometheus tests are
 * skipped, unless INTERCHANGE_REQUIRE_PROMETHEUS is set (as
 * `scripts/test.sh` does): then a missing server fails the run.
 */
function testPrometheusUrl(): string | undefined {
  const value = process.env.INTERCHANGE_TEST_PROMETHEUS_URL;
  if (!value) {
    if (process.env.INTERCHANGE_REQUIRE_PROMETHEUS) {
      throw new Error(
        'INTERCHANGE_REQUIRE_PROMETHEUS is set but INTERCHANGE_TEST_PROMETHEUS_URL is not: start Prometheus with scripts/prometheus/start.sh',
      );
    }
    // eslint-disable-next-line no-console
    console.warn(
      'Prometheus integration tests skipped: set INTERCHANGE_TEST_PROMETHEUS_URL (scripts/prometheus/start.sh prints it)',
    );
    return undefined;
  }
  return value.replace(/\/+$/, '');
}

export const prometheusUrl: string | undefined = testPrometheusUrl();

/** `describe` when a test Prometheus is available, `describe.skip` otherwise. */
export const describePrometheus = prometheusUrl ? describe : describe.skip;

/** A name no other run shares (Kubernetes-namespace shaped), so runs against one Prometheus never see each other's series. */
export function uniqueNamespace(prefix = 'it'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/**
 * The folder Prometheus reads file_sd targets from, as its own loaded
 * configuration names it (the job `scripts/prometheus/start.sh` writes), so
 * the test needs nothing but the URL.
 */
async function targetsFolder(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/status/config`);
  const body = (await res.json()) as { data?: { yaml?: string } };
  const config = parse(body.data?.yaml ?? '') as {
    scrape_configs?: {
      job_name: string;
      file_sd_configs?: { files?: string[] }[];
    }[];
  };
  const file = config.scrape_configs?.find(j => j.job_name === TARGETS_JOB)
    ?.file_sd_configs?.[0]?.files?.[0];
  if (!file) {
    throw new Error(
      `Prometheus at ${url} has no '${TARGETS_JOB}' job with file_sd targets: start it with scripts/prometheus/start.sh (without INTERCHANGE_PROMETHEUS_CONFIG)`,
    );
  }
  return path.dirname(file);
}

/** An exposition endpoint Prometheus scrapes, until `stop`. */
export interface ScrapedEndpoint {
  /** `127.0.0.1:<port>` as Prometheus labels it (`instance`). */
  target: string;
  /** How many times Prometheus scraped it. */
  scrapes(): number;
  stop(): Promise<void>;
}

/**
 * Serves `/metrics` on 127.0.0.1 (a free port) with what `render(n)` returns
 * for the n-th scrape (1, 2, ...), and lists it as a target of the test
 * Prometheus (a file_sd file, removed by `stop`).
 */
export async function serveMetrics(
  url: string,
  render: (scrape: number) => string,
): Promise<ScrapedEndpoint> {
  let scrapes = 0;
  const server = http.createServer((req, res) => {
    if (req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    scrapes += 1;
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    res.end(render(scrapes));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const target = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const folder = await targetsFolder(url);
  await fs.mkdir(folder, { recursive: true });
  const file = path.join(
    folder,
    `jest-${process.pid}-${randomBytes(4).toString('hex')}.json`,
  );
  // Written whole, then renamed: Prometheus watches the folder and must never read half a file.
  await fs.writeFile(`${file}.tmp`, JSON.stringify([{ targets: [target] }]));
  await fs.rename(`${file}.tmp`, file);
  return {
    target,
    scrapes: () => scrapes,
    async stop() {
      await fs.rm(file, { force: true });
      await new Promise<void>(resolve => server.close(() => resolve()));
    },
  };
}

/** Polls `probe` until it returns a value, or fails with `what` after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 45_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: not within ${timeoutMs} ms${
          last ? ` (last error: ${(last as Error).message})` : ''
        }`,
      );
    }
    await new Promise(r => setTimeout(r, 500));
  }
}

/** One workload-to-workload series: `perScrape` requests more at every scrape. */
export interface MeshSeries {
  labels: Record<string, string>;
  perScrape: number;
}

/** The Prometheus text exposition of counters that grow by `perScrape` each scrape. */
export function exposition(
  metric: string,
  series: MeshSeries[],
  scrape: number,
): string {
  const lines = [
    `# HELP ${metric} Requests (test).`,
    `# TYPE ${metric} counter`,
  ];
  for (const s of series) {
    const labels = Object.entries(s.labels)
      .map(([k, v]) => `${k}="${v.replace(/["\\]/g, '\\$&')}"`)
      .join(',');
    lines.push(`${metric}{${labels}} ${s.perScrape * scrape}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `istio_requests_total` as an Istio sidecar labels it (the labels of
 * Istio's standard metrics), for a call between two workloads of `ns`.
 */
export function istioSeries(
  ns: string,
  source: string,
  destination: string,
  perScrape: number,
  extra: {
    reporter?: 'source' | 'destination';
    responseCode?: string;
    sourceNamespace?: string;
  } = {},
): MeshSeries {
  const sourceNs = extra.sourceNamespace ?? ns;
  return {
    perScrape,
    labels: {
      reporter: extra.reporter ?? 'destination',
      source_workload: source,
      source_workload_namespace: sourceNs,
      source_principal:
        source === 'unknown'
          ? 'unknown'
          : `spiffe://cluster.local/ns/${sourceNs}/sa/${source}`,
      source_app: source,
      source_canonical_service: source,
      destination_workload: destination,
      destination_workload_namespace: ns,
      destination_principal: `spiffe://cluster.local/ns/${ns}/sa/${destination}`,
      destination_service: `${destination}.${ns}.svc.cluster.local`,
      destination_service_name: destination,
      destination_service_namespace: ns,
      request_protocol: 'http',
      response_code: extra.responseCode ?? '200',
      response_flags: '-',
      connection_security_policy: 'mutual_tls',
    },
  };
}

/**
 * Linkerd's proxy `response_total` for a call between two Deployments of
 * `ns` (the labels its proxy metrics carry).
 */
export function linkerdSeries(
  ns: string,
  source: string,
  destination: string,
  perScrape: number,
  extra: { direction?: 'inbound' | 'outbound'; statusCode?: string } = {},
): MeshSeries {
  const direction = extra.direction ?? 'outbound';
  return {
    perScrape,
    labels:
      direction === 'outbound'
        ? {
            direction,
            namespace: ns,
            deployment: source,
            pod: `${source}-5d8f7c9b4-x2v7q`,
            authority: `${destination}.${ns}.svc.cluster.local:8080`,
            dst_namespace: ns,
            dst_deployment: destination,
            dst_service: destination,
            tls: 'true',
            status_code: extra.statusCode ?? '200',
            classification: 'success',
          }
        : {
            direction,
            namespace: ns,
            deployment: destination,
            pod: `${destination}-7c9b4d8f5-q2x7v`,
            authority: `${destination}.${ns}.svc.cluster.local:8080`,
            client_id: `${source}.${ns}.serviceaccount.identity.linkerd.cluster.local`,
            tls: 'true',
            status_code: extra.statusCode ?? '200',
            classification: 'success',
          },
  };
}
