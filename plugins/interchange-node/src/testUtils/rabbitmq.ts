import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { RabbitMQBrokerConfig } from '../config/readRabbitMQBrokers';

const exec = promisify(execFile);

function repoRoot(): string {
  let dir = process.cwd();
  while (!existsSync(path.join(dir, 'scripts/rabbitmq/ctl.sh'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(
        'scripts/rabbitmq/ctl.sh not found above the working directory',
      );
    }
    dir = parent;
  }
  return dir;
}

/**
 * Management URL of the real test broker (`scripts/rabbitmq/start.sh`), from
 * INTERCHANGE_TEST_RABBITMQ_URL. Without it the RabbitMQ tests are skipped,
 * unless INTERCHANGE_REQUIRE_RABBITMQ is set (as `scripts/test.sh` does):
 * then a missing broker fails the run.
 */
export function testRabbitMQUrl(): string | undefined {
  const value = process.env.INTERCHANGE_TEST_RABBITMQ_URL;
  if (!value) {
    if (process.env.INTERCHANGE_REQUIRE_RABBITMQ) {
      throw new Error(
        'INTERCHANGE_REQUIRE_RABBITMQ is set but INTERCHANGE_TEST_RABBITMQ_URL is not: start a broker with scripts/rabbitmq/start.sh',
      );
    }
    // eslint-disable-next-line no-console
    console.warn(
      'RabbitMQ integration tests skipped: set INTERCHANGE_TEST_RABBITMQ_URL (scripts/rabbitmq/start.sh prints it)',
    );
    return undefined;
  }
  return value.replace(/\/+$/, '');
}

/** The test broker's management URL, or undefined (tests skip). */
export const rabbitmqUrl: string | undefined = testRabbitMQUrl();

/**
 * The test broker's `rabbitmq_prometheus` endpoint
 * (INTERCHANGE_TEST_RABBITMQ_PROMETHEUS_URL, which `scripts/test.sh` sets
 * from scripts/rabbitmq/start.sh), or undefined: tests of the Prometheus
 * listing skip, unless INTERCHANGE_REQUIRE_RABBITMQ is set.
 *
 * @public
 */
export const rabbitmqPrometheusUrl: string | undefined = (() => {
  const value = process.env.INTERCHANGE_TEST_RABBITMQ_PROMETHEUS_URL;
  if (!value && rabbitmqUrl && process.env.INTERCHANGE_REQUIRE_RABBITMQ) {
    throw new Error(
      'INTERCHANGE_REQUIRE_RABBITMQ is set but INTERCHANGE_TEST_RABBITMQ_PROMETHEUS_URL is not: scripts/rabbitmq/start.sh logs it (the management port + 20 by default)',
    );
  }
  return value?.replace(/\/+$/, '');
})();

/** `describe` when a test broker is available, `describe.skip` otherwise. */
export const describeRabbitMQ = rabbitmqUrl ? describe : describe.skip;

/** A broker config for the test broker (the loopback-only guest user). */
export function testRabbitMQBroker(
  overrides: Partial<RabbitMQBrokerConfig> = {},
): RabbitMQBrokerConfig {
  return {
    id: 'test',
    title: 'test',
    managementUrl: rabbitmqUrl ?? 'http://127.0.0.1:1',
    credentials: { username: 'guest', password: 'guest' },
    requestTimeoutMs: 10_000,
    dashboardUrl: rabbitmqUrl ?? 'http://127.0.0.1:1',
    queueStatus: { errorDepth: 10_000 },
    policy: {},
    ...overrides,
  };
}

async function admin(method: string, apiPath: string, body?: unknown) {
  const res = await fetch(`${rabbitmqUrl}/api${apiPath}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from('guest:guest').toString('base64')}`,
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok && res.status !== 404) {
    throw new Error(`${method} ${apiPath}: ${res.status} ${await res.text()}`);
  }
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

/**
 * A fresh vhost on the test broker, so tests do not see each other's
 * queues; `remove()` deletes it with everything in it.
 */
export async function createTestVhost(prefix: string) {
  const name = `${prefix}-${Date.now().toString(36)}-${Math.random()
    .toString(36)
    .slice(2, 7)}`;
  await admin('PUT', `/vhosts/${encodeURIComponent(name)}`, {});
  const enc = encodeURIComponent;
  const vhost = enc(name);
  return {
    name,
    declareExchange: (exchange: string, type: string, durable = true) =>
      admin('PUT', `/exchanges/${vhost}/${enc(exchange)}`, {
        type,
        durable,
        auto_delete: false,
        arguments: {},
      }),
    declareQueue: (
      queue: string,
      options: { durable?: boolean; arguments?: Record<string, unknown> } = {},
    ) =>
      admin('PUT', `/queues/${vhost}/${enc(queue)}`, {
        durable: options.durable ?? true,
        auto_delete: false,
        arguments: options.arguments ?? {},
      }),
    bind: (exchange: string, queue: string, routingKey: string) =>
      admin('POST', `/bindings/${vhost}/e/${enc(exchange)}/q/${enc(queue)}`, {
        routing_key: routingKey,
        arguments: {},
      }),
    publish: async (exchange: string, routingKey: string, count: number) => {
      for (let i = 0; i < count; i++) {
        await admin(
          'POST',
          `/exchanges/${vhost}/${enc(exchange || 'amq.default')}/publish`,
          {
            properties: {},
            routing_key: routingKey,
            payload: `m${i}`,
            payload_encoding: 'string',
          },
        );
      }
    },
    deleteQueue: (queue: string) =>
      admin('DELETE', `/queues/${vhost}/${enc(queue)}`),
    remove: () => admin('DELETE', `/vhosts/${vhost}`),
  };
}

/** Runs `rabbitmqctl` against the test node (scripts/rabbitmq/ctl.sh). */
export async function rabbitmqctl(...args: string[]): Promise<string> {
  const { stdout } = await exec(
    path.join(repoRoot(), 'scripts/rabbitmq/ctl.sh'),
    args,
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}

/**
 * `rabbitmqctl list_queues name messages_ready messages_unacknowledged
 * consumers` of a vhost, as rows keyed by queue name. The CLI reads live
 * values; the HTTP API reads stats emitted every few seconds.
 */
export async function rabbitmqctlListQueues(
  vhost: string,
): Promise<
  Record<
    string,
    { messagesReady: number; messagesUnacknowledged: number; consumers: number }
  >
> {
  const out = await rabbitmqctl(
    'list_queues',
    '-p',
    vhost,
    '-q',
    '--no-table-headers',
    'name',
    'messages_ready',
    'messages_unacknowledged',
    'consumers',
  );
  const rows: Record<
    string,
    { messagesReady: number; messagesUnacknowledged: number; consumers: number }
  > = {};
  for (const line of out.split('\n')) {
    const [name, ready, unacked, consumers] = line.split('\t');
    if (name && ready !== undefined) {
      rows[name] = {
        messagesReady: Number(ready),
        messagesUnacknowledged: Number(unacked),
        consumers: Number(consumers),
      };
    }
  }
  return rows;
}

/**
 * The broker's `collect_statistics_interval` in ms: how often queues emit
 * the statistics the management API serves (RabbitMQ's default, 5000, when
 * the node does not say).
 */
export async function rabbitmqStatisticsIntervalMs(): Promise<number> {
  const out = await rabbitmqctl(
    'eval',
    'application:get_env(rabbit, collect_statistics_interval).',
  );
  const match = /\{ok,\s*(\d+)\}/.exec(out);
  return match ? Number(match[1]) : 5000;
}

const sortedRows = (rows: Record<string, unknown>) =>
  JSON.stringify(Object.entries(rows).sort(([a], [b]) => (a < b ? -1 : 1)));

/**
 * Reads the management API's counts (`read`) and `rabbitmqctl list_queues`
 * until they are equal in two rounds in a row, a second apart: the API
 * serves statistics the queues emit every `collect_statistics_interval`,
 * rabbitmqctl asks the queues, so on a loaded machine the API catches up
 * after one or several intervals. Gives up after 12 intervals (a minute by
 * default) and returns the last reads, for the caller's assertion to show
 * the difference.
 */
export async function waitForApiToMatchRabbitmqctl(
  vhost: string,
  read: () => ReturnType<typeof rabbitmqctlListQueues>,
): Promise<{
  api: Awaited<ReturnType<typeof rabbitmqctlListQueues>>;
  cli: Awaited<ReturnType<typeof rabbitmqctlListQueues>>;
}> {
  const interval = await rabbitmqStatisticsIntervalMs();
  const deadline = Date.now() + 12 * interval;
  let api: Awaited<ReturnType<typeof rabbitmqctlListQueues>> = {};
  let cli: Awaited<ReturnType<typeof rabbitmqctlListQueues>> = {};
  let equalRounds = 0;
  for (;;) {
    [api, cli] = await Promise.all([read(), rabbitmqctlListQueues(vhost)]);
    equalRounds = sortedRows(api) === sortedRows(cli) ? equalRounds + 1 : 0;
    if (equalRounds >= 2 || Date.now() > deadline) {
      return { api, cli };
    }
    await new Promise(r => setTimeout(r, 1000));
  }
}
