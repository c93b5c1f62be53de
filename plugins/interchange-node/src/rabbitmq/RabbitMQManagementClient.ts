import http from 'node:http';
import https from 'node:https';
import {
  RABBITMQ_PROMETHEUS_QUEUE_QUERY,
  RabbitMQBindingLive,
  RabbitMQExchangeLive,
  RabbitMQQueueCounts,
  RabbitMQQueueLive,
  joinRabbitMQQueueMetrics,
  parseRabbitMQQueueMetrics,
} from '@interchange/plugin-interchange-common';
import { RabbitMQBrokerConfig } from '../config/readRabbitMQBrokers';
import { Reachability, withUnreachableSince } from '../liveState/Reachability';

/**
 * A management API request that failed. The message names the broker, the
 * path and what the broker said; never the credentials.
 *
 * @public
 */
export class RabbitMQManagementError extends Error {
  readonly status?: number;
  constructor(message: string, status?: number) {
    super(message);
    this.name = 'RabbitMQManagementError';
    this.status = status;
  }
}

/**
 * The fields each use needs, as `columns` of the list endpoints: the broker
 * then sends only these.
 * - `depth`: what sampling records. Read without the statistics database
 *   (`disable_stats=true&enable_queue_totals=true`): the broker asks each
 *   queue for its counts instead of looking up and aggregating its stats,
 *   which costs about a third of the broker's CPU for 2,000 queues and gives
 *   the counts `rabbitmqctl` prints, without the stats interval's delay. That
 *   listing has no consumer counts, so they come from one request to the
 *   consumers list (see #totalsListing);
 * - `live`: the same cheap listing with what the API's queue list shows
 *   besides the rates (type, state, node, durability);
 * - `rates`: what only the statistics database has (publish, deliver and
 *   ack rates, consumer utilisation): the costly listing, which the backend
 *   reads once per sampling interval, not per request;
 * - `state`: the live state and the rates in one statistics listing (one
 *   queue's page reads it);
 * - `full`: also what the catalog provider and drift need.
 */
const DEPTH_COLUMNS = [
  'name',
  'vhost',
  'messages',
  'messages_ready',
  'messages_unacknowledged',
];
const LIVE_COLUMNS = [
  ...DEPTH_COLUMNS,
  'type',
  'state',
  'node',
  'leader',
  'durable',
];
const RATE_COLUMNS = [
  'consumer_utilisation',
  'consumer_capacity',
  'message_stats.publish_details.rate',
  'message_stats.deliver_get_details.rate',
  'message_stats.ack_details.rate',
];
const STATE_COLUMNS = [...LIVE_COLUMNS, 'consumers', ...RATE_COLUMNS];
/**
 * Which fields of the queues a listing reads (see the columns above):
 * `depth` and `live` without the statistics database, `rates`, `state` and
 * `full` from it.
 *
 * @public
 */
export type RabbitMQQueueFields = 'depth' | 'live' | 'rates' | 'state' | 'full';

const QUEUE_COLUMNS: Record<RabbitMQQueueFields, string> = {
  depth: DEPTH_COLUMNS.join(','),
  live: LIVE_COLUMNS.join(','),
  // messages_ready tells a queue whose first statistics are still pending.
  rates: ['name', 'vhost', 'messages_ready', ...RATE_COLUMNS].join(','),
  state: STATE_COLUMNS.join(','),
  full: [...STATE_COLUMNS, 'auto_delete', 'arguments'].join(','),
};
/**
 * The `depth` and `live` columns that the queue records hold, for a
 * listing whose counts come from the Prometheus plugin.
 */
const RECORD_COLUMNS = 'name,vhost,type,node,leader,durable';
/**
 * How long listed queue records serve listings whose counts come from the
 * Prometheus plugin, while the metrics are about exactly the same queues:
 * type, durability and node change rarely.
 */
const RECORDS_MAX_AGE_MS = 60_000;
/**
 * After the metrics could not be read or lacked queues, the listings of
 * that path read the management API's queue totals for this long before
 * trying the metrics again.
 */
const METRICS_RETRY_MS = 15_000;
/** A reason for reading the totals instead is logged at most this often. */
const WARNING_INTERVAL_MS = 10 * 60_000;
/**
 * Listings in a row whose metrics lacked queues before that is worth a
 * warning: a queue declared a moment ago has none for a few seconds.
 */
const INCOMPLETE_BEFORE_WARNING = 3;
/** Without the statistics database, with each queue's own counts. */
const QUEUE_TOTALS = 'disable_stats=true&enable_queue_totals=true';
const CONSUMER_COLUMNS = 'queue.name,queue.vhost';

/** The columns of one queue, everything Interchange reads. @public */
export const RABBITMQ_QUEUE_COLUMNS = QUEUE_COLUMNS.full;

const EXCHANGE_COLUMNS = [
  'name',
  'vhost',
  'type',
  'durable',
  'auto_delete',
  'internal',
  'arguments',
  'message_stats.publish_in_details.rate',
  'message_stats.publish_out_details.rate',
].join(',');

type Raw = Record<string, any>;

const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;

/** A queue as the management API returns it, in our shape. @internal */
export function toQueueLive(raw: Raw): RabbitMQQueueLive {
  const utilisation = raw.consumer_capacity ?? raw.consumer_utilisation;
  return {
    vhost: String(raw.vhost),
    name: String(raw.name),
    type: String(raw.type ?? 'classic'),
    state: raw.state,
    node: raw.leader ?? raw.node,
    durable: Boolean(raw.durable),
    autoDelete: Boolean(raw.auto_delete),
    arguments: raw.arguments ?? {},
    messages: num(raw.messages),
    messagesReady: num(raw.messages_ready),
    messagesUnacknowledged: num(raw.messages_unacknowledged),
    consumers: num(raw.consumers),
    // Missing or null when the queue is idle: unknown, not 0.
    consumerUtilisation: num(utilisation) ?? null,
    publishRate: num(raw.message_stats?.publish_details?.rate),
    deliverRate: num(raw.message_stats?.deliver_get_details?.rate),
    ackRate: num(raw.message_stats?.ack_details?.rate),
  };
}

function toExchangeLive(raw: Raw): RabbitMQExchangeLive {
  return {
    vhost: String(raw.vhost),
    name: String(raw.name),
    type: String(raw.type),
    durable: Boolean(raw.durable),
    autoDelete: Boolean(raw.auto_delete),
    internal: Boolean(raw.internal),
    arguments: raw.arguments ?? {},
    publishInRate: num(raw.message_stats?.publish_in_details?.rate),
    publishOutRate: num(raw.message_stats?.publish_out_details?.rate),
  };
}

function toBindingLive(raw: Raw): RabbitMQBindingLive {
  return {
    vhost: String(raw.vhost),
    source: String(raw.source ?? ''),
    destination: String(raw.destination),
    destinationType: raw.destination_type === 'exchange' ? 'exchange' : 'queue',
    routingKey: String(raw.routing_key ?? ''),
    arguments: raw.arguments ?? {},
  };
}

const enc = encodeURIComponent;

/**
 * The answers of a cluster's nodes as one: each node reports the queues it
 * hosts; a queue reported twice keeps the first node's counts.
 */
function mergeParsed(
  parsed: Map<string, RabbitMQQueueCounts>[],
): Map<string, RabbitMQQueueCounts> {
  if (parsed.length === 1) {
    return parsed[0];
  }
  const merged = new Map<string, RabbitMQQueueCounts>();
  for (const answer of parsed) {
    for (const [labels, counts] of answer) {
      if (!merged.has(labels)) {
        merged.set(labels, counts);
      }
    }
  }
  return merged;
}

/** What to do about a refused request, after the broker's reason. */
function fixFor(status: number, json: boolean): string {
  if (status === 401) {
    return '; check the credentials of this broker in interchange.rabbitmq.brokers';
  }
  if (!json && status < 500) {
    // A 404 or 406 (the management API's answer to a text request).
    return '; prometheusUrl must be the base URL of the rabbitmq_prometheus plugin of RabbitMQ 3.10 or later (it serves /metrics/detailed); remove prometheusUrl to read queue counts from the management API';
  }
  return '';
}

/**
 * Client of one broker's management HTTP API (the `rabbitmq_management`
 * plugin). Lists use the list endpoints with `columns` and pagination: one
 * request per page of queues, never one per queue.
 *
 * A request the broker does not answer (connection refused, timeout) or
 * answers with a 5xx is an error saying since when the broker is
 * unreachable (also as the error's `unreachableSince`): the outage is dated
 * from the first such failure of this client, which the backend shares
 * between lag sampling, the API and the catalog, and ends with the first
 * answer.
 *
 * @public
 */
export class RabbitMQManagementClient {
  readonly #broker: RabbitMQBrokerConfig;
  /** By protocol: the management API and the Prometheus endpoint may differ. */
  readonly #agents: { http: http.Agent; https: https.Agent };
  readonly #auth: string;
  readonly #reachability = new Reachability();
  readonly #now: () => number;
  readonly #warn: (message: string) => void;
  /** Per listing path, for listings with `prometheusUrl` (#metricsListing). */
  readonly #metrics = new Map<
    string,
    {
      records?: { takenAt: number; queues: RabbitMQQueueLive[] };
      /** Until when the queue totals are read instead. */
      totalsUntil?: number;
      incompleteInARow: number;
    }
  >();
  #lastWarning?: { text: string; at: number };

  /**
   * `logger` hears why counts were read from the management API although
   * `prometheusUrl` is set; `now` is the clock (tests).
   */
  constructor(
    broker: RabbitMQBrokerConfig,
    options: {
      now?: () => number;
      logger?: { warn(message: string): void };
    } = {},
  ) {
    this.#broker = broker;
    this.#now = options.now ?? Date.now;
    const logger = options.logger;
    this.#warn = message => logger?.warn(message);
    this.#auth = `Basic ${Buffer.from(
      `${broker.credentials.username}:${broker.credentials.password}`,
    ).toString('base64')}`;
    const tls = typeof broker.tls === 'object' ? broker.tls : {};
    this.#agents = {
      http: new http.Agent({ keepAlive: true }),
      https: new https.Agent({ keepAlive: true, ...tls }),
    };
  }

  get brokerId(): string {
    return this.#broker.id;
  }

  /**
   * When the broker was first found unreachable (ms since the epoch), or
   * undefined while it answers.
   */
  unreachableSince(): number | undefined {
    return this.#reachability.unreachableSince(this.#broker.id);
  }

  /** One request; resolves with the parsed JSON body (undefined when empty). */
  request<T>(
    method: 'GET' | 'PUT' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<T> {
    return this.#tracked<T>(() =>
      this.#send(method, `${this.#broker.managementUrl}/api${path}`, {
        body,
        json: true,
        auth: true,
      }),
    );
  }

  /**
   * One read of the Prometheus endpoint of every node (`prometheusUrl`),
   * with the broker's TLS settings and timeout and no credentials: the
   * exposition texts. Not part of the broker's reachability: the listings
   * read the management API instead when it fails.
   */
  async prometheusMetrics(pathAndQuery: string): Promise<string[]> {
    const urls = this.#broker.prometheusUrls;
    if (!urls?.length) {
      throw new RabbitMQManagementError(
        `RabbitMQ broker '${
          this.#broker.id
        }' has no prometheusUrl; set interchange.rabbitmq.brokers[].prometheusUrl`,
      );
    }
    return Promise.all(
      urls.map(
        base =>
          this.#send('GET', `${base}${pathAndQuery}`, {
            json: false,
          }) as Promise<string>,
      ),
    );
  }

  /** Dates an outage from the first failure, ends it with an answer. */
  async #tracked<T>(send: () => Promise<unknown>): Promise<T> {
    const id = this.#broker.id;
    try {
      const result = (await send()) as T;
      this.#reachability.answered(id);
      return result;
    } catch (e) {
      const status = (e as RabbitMQManagementError).status;
      if (status !== undefined && status < 500) {
        // The broker answered; the request was refused.
        this.#reachability.answered(id);
        throw e;
      }
      const since = this.#reachability.failed(id);
      const prefix = `RabbitMQ broker '${id}' `;
      const message = (e as Error).message ?? String(e);
      throw withUnreachableSince(
        new RabbitMQManagementError(
          `${prefix}unreachable since ${new Date(since).toISOString()}: ${
            message.startsWith(prefix) ? message.slice(prefix.length) : message
          }`,
          status,
        ),
        since,
      );
    }
  }

  /**
   * One request to the management API (`json`: a JSON answer, parsed;
   * `auth`: with the broker's credentials) or a Prometheus endpoint (text,
   * without them), with the broker's TLS settings and timeout.
   */
  async #send(
    method: 'GET' | 'PUT' | 'POST' | 'DELETE',
    target: string,
    options: { body?: unknown; json: boolean; auth?: boolean },
  ): Promise<unknown> {
    const url = new URL(target);
    const { body, json, auth } = options;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const lib = url.protocol === 'https:' ? https : http;
    const where = `RabbitMQ broker '${this.#broker.id}' ${method} ${
      url.pathname
    }`;
    return new Promise<unknown>((resolve, reject) => {
      const req = lib.request(
        url,
        {
          method,
          agent:
            url.protocol === 'https:' ? this.#agents.https : this.#agents.http,
          timeout: this.#broker.requestTimeoutMs,
          headers: {
            ...(auth ? { authorization: this.#auth } : {}),
            accept: json ? 'application/json' : 'text/plain',
            ...(payload
              ? {
                  'content-type': 'application/json',
                  'content-length': Buffer.byteLength(payload),
                }
              : {}),
          },
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', c => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            if (status < 200 || status >= 300) {
              let reason = text.slice(0, 300);
              try {
                const parsed = JSON.parse(text);
                reason = [parsed.error, parsed.reason]
                  .filter(Boolean)
                  .join(': ');
              } catch {
                // not JSON: keep the text
              }
              reject(
                new RabbitMQManagementError(
                  `${where}: HTTP ${status}${
                    reason ? ` (${reason})` : ''
                  }${fixFor(status, json)}`,
                  status,
                ),
              );
              return;
            }
            if (!json) {
              resolve(text);
              return;
            }
            try {
              resolve(text ? JSON.parse(text) : undefined);
            } catch {
              reject(
                new RabbitMQManagementError(`${where}: the answer is not JSON`),
              );
            }
          });
        },
      );
      req.on('timeout', () => {
        req.destroy(
          new RabbitMQManagementError(
            `${where}: no answer within ${this.#broker.requestTimeoutMs} ms`,
          ),
        );
      });
      req.on('error', e =>
        reject(
          e instanceof RabbitMQManagementError
            ? e
            : new RabbitMQManagementError(`${where}: ${e.message}`),
        ),
      );
      req.end(payload);
    });
  }

  /**
   * Every item of a list endpoint, in no particular order: one request, or
   * page by page when the broker's `pageSize` is set.
   */
  async #listAll(path: string, columns: string): Promise<Raw[]> {
    const sep = path.includes('?') ? '&' : '?';
    const pageSize = this.#broker.pageSize;
    if (!pageSize) {
      // An empty `sort` makes the plugin skip its sort (sort_list/4 of
      // rabbit_mgmt_util returns the list as it is), about a quarter of a
      // 2,000-queue listing; pages need the sort to be stable.
      return this.request<Raw[]>(
        'GET',
        `${path}${sep}sort=&columns=${enc(columns)}`,
      );
    }
    const items: Raw[] = [];
    for (let page = 1; ; page++) {
      const res = await this.request<{
        items: Raw[];
        page_count: number;
      }>(
        'GET',
        `${path}${sep}page=${page}&page_size=${pageSize}&columns=${enc(
          columns,
        )}`,
      );
      items.push(...res.items);
      // An empty list has page_count 0; a page past the end is a 400.
      if (page >= res.page_count) {
        return items;
      }
    }
  }

  /** Broker version and cluster name: also the reachability check. */
  async overview(): Promise<{
    rabbitmqVersion?: string;
    clusterName?: string;
    managementVersion?: string;
  }> {
    const o = await this.request<Raw>(
      'GET',
      '/overview?columns=rabbitmq_version,cluster_name,management_version',
    );
    return {
      rabbitmqVersion: o.rabbitmq_version,
      clusterName: o.cluster_name,
      managementVersion: o.management_version,
    };
  }

  /**
   * Every queue of the broker (or of one vhost), with the `fields` a use
   * needs (default everything). Fields not asked for are left undefined.
   * `depth` and `live` send two requests (queue totals and consumers, or
   * with `prometheusUrl` the queue list and the per-queue metrics), the
   * others one (or one per page).
   */
  async listQueues(
    vhost?: string,
    options: { fields?: RabbitMQQueueFields } = {},
  ): Promise<RabbitMQQueueLive[]> {
    const path = vhost === undefined ? '/queues' : `/queues/${enc(vhost)}`;
    const fields = options.fields ?? 'full';
    if (fields === 'depth' || fields === 'live') {
      return this.#broker.prometheusUrls
        ? this.#metricsListing(path, vhost, fields)
        : this.#totalsListing(path, vhost, QUEUE_COLUMNS[fields]);
    }
    const raw = await this.#listAll(path, QUEUE_COLUMNS[fields]);
    return raw.map(toQueueLive);
  }

  /**
   * Counts and consumer counts in two requests whatever the number of
   * queues: the queues' own counts, and the consumers list counted per
   * queue. A queue that is down has no counts (undefined, as before its
   * first statistics).
   */
  async #totalsListing(
    path: string,
    vhost: string | undefined,
    columns: string,
  ): Promise<RabbitMQQueueLive[]> {
    const [raw, consumers] = await Promise.all([
      this.#listAll(`${path}?${QUEUE_TOTALS}`, columns),
      this.request<Raw[]>(
        'GET',
        `${
          vhost === undefined ? '/consumers' : `/consumers/${enc(vhost)}`
        }?columns=${enc(CONSUMER_COLUMNS)}`,
      ),
    ]);
    const counts = new Map<string, number>();
    for (const c of consumers) {
      const key = `${c.queue?.vhost}\u0000${c.queue?.name}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return raw.map(q => {
      const live = toQueueLive(q);
      return live.messagesReady === undefined
        ? live
        : {
            ...live,
            consumers: counts.get(`${live.vhost}\u0000${live.name}`) ?? 0,
          };
    });
  }

  /**
   * With `prometheusUrl`: the counts and consumers of every queue from the
   * Prometheus plugin's per-queue metrics (one request per node, which
   * each node answers from its metric tables), joined to the queues'
   * records from the management API's cheapest listing (`disable_stats`:
   * names, type, node, durability; no statistics, no totals, no state).
   *
   * The records are listed again only when needed: when the last listing
   * of this path is older than a minute, or when the metrics are not about
   * exactly its queues (one declared, deleted or down since). Otherwise a
   * listing costs the metrics requests alone. The metrics are what each
   * queue last reported, at most the statistics interval old.
   *
   * When the metrics cannot be read, or still lack queues after the
   * records were listed again (a queue down or declared a moment ago, a
   * node whose endpoint is not in `prometheusUrl`, names that read alike),
   * the counts come from the queue totals as without `prometheusUrl`, for
   * the next 15 s too; the reason is logged when it persists.
   */
  async #metricsListing(
    path: string,
    vhost: string | undefined,
    fields: 'depth' | 'live',
  ): Promise<RabbitMQQueueLive[]> {
    const now = this.#now();
    let state = this.#metrics.get(path);
    if (!state) {
      state = { incompleteInARow: 0 };
      this.#metrics.set(path, state);
    }
    // The queue totals instead of the metrics. With a reason (even an
    // empty one, for a lack not yet worth a warning) for the next 15 s too.
    const totals = (reason?: string) => {
      if (reason !== undefined) {
        state!.totalsUntil = now + METRICS_RETRY_MS;
        if (reason) {
          this.#warnAtMostEvery(reason);
        }
      }
      return this.#totalsListing(path, vhost, QUEUE_COLUMNS[fields]);
    };
    if (state.totalsUntil !== undefined && now < state.totalsUntil) {
      return totals();
    }
    const listRecords = async () => {
      const takenAt = this.#now();
      const queues = (
        await this.#listAll(`${path}?disable_stats=true`, RECORD_COLUMNS)
      ).map(toQueueLive);
      state!.records = { takenAt, queues };
      return queues;
    };
    const cached = state.records;
    const fresh =
      cached && now - cached.takenAt < RECORDS_MAX_AGE_MS
        ? cached.queues
        : undefined;
    const scope = vhost === undefined ? '' : `vhost=${enc(vhost)}&`;
    // Without fresh records, both at once; the metrics answer first and
    // are parsed while the listing is under way. A failed metrics read
    // does not fail the listing.
    const [records, metrics] = await Promise.all([
      fresh ?? listRecords(),
      this.prometheusMetrics(
        `/metrics/detailed?${scope}${RABBITMQ_PROMETHEUS_QUEUE_QUERY}`,
      ).then(
        texts => ({
          parsed: mergeParsed(texts.map(parseRabbitMQQueueMetrics)),
        }),
        (error: Error) => ({ error }),
      ),
    ]);
    if ('error' in metrics) {
      return totals(
        `RabbitMQ broker '${
          this.#broker.id
        }': queue counts read from the management API for now, the Prometheus endpoint failed: ${
          metrics.error.message
        }${
          metrics.error.message.includes('prometheusUrl')
            ? ''
            : ' (check prometheusUrl)'
        }`,
      );
    }
    let joined = joinRabbitMQQueueMetrics(records, metrics.parsed);
    if (!joined.complete && fresh) {
      joined = joinRabbitMQQueueMetrics(await listRecords(), metrics.parsed);
    }
    if (joined.complete) {
      state.incompleteInARow = 0;
      return joined.queues;
    }
    state.incompleteInARow += 1;
    const lacking = joined.queues.filter(q => q.messagesReady === undefined);
    const example = lacking[0]
      ? ` (e.g. '${lacking[0].name}' in vhost '${lacking[0].vhost}' on node ${lacking[0].node})`
      : '';
    return totals(
      state.incompleteInARow >= INCOMPLETE_BEFORE_WARNING
        ? `RabbitMQ broker '${
            this.#broker.id
          }': queue counts read from the management API for now, the Prometheus metrics lack ${
            lacking.length
          } of ${
            joined.queues.length
          } queues${example} or cannot tell two apart: queues that are down, on a node whose endpoint is not in prometheusUrl (list every node's), or whose names read alike`
        : '',
    );
  }

  /** Logs a reason once, and again when it changes or after a while. */
  #warnAtMostEvery(text: string): void {
    const now = this.#now();
    const last = this.#lastWarning;
    if (!last || last.text !== text || now - last.at >= WARNING_INTERVAL_MS) {
      this.#lastWarning = { text, at: now };
      this.#warn(text);
    }
  }

  /** One queue, or undefined when the broker has no such queue. */
  async getQueue(
    vhost: string,
    name: string,
  ): Promise<RabbitMQQueueLive | undefined> {
    try {
      return toQueueLive(
        await this.request<Raw>(
          'GET',
          `/queues/${enc(vhost)}/${enc(name)}?columns=${enc(
            RABBITMQ_QUEUE_COLUMNS,
          )}`,
        ),
      );
    } catch (e) {
      if (e instanceof RabbitMQManagementError && e.status === 404) {
        return undefined;
      }
      throw e;
    }
  }

  async queueBindings(
    vhost: string,
    name: string,
  ): Promise<RabbitMQBindingLive[]> {
    const raw = await this.request<Raw[]>(
      'GET',
      `/queues/${enc(vhost)}/${enc(name)}/bindings`,
    );
    return raw.map(toBindingLive);
  }

  async listExchanges(vhost?: string): Promise<RabbitMQExchangeLive[]> {
    const raw = await this.#listAll(
      vhost === undefined ? '/exchanges' : `/exchanges/${enc(vhost)}`,
      EXCHANGE_COLUMNS,
    );
    return raw.map(toExchangeLive);
  }

  async getExchange(
    vhost: string,
    name: string,
  ): Promise<RabbitMQExchangeLive | undefined> {
    try {
      return toExchangeLive(
        await this.request<Raw>(
          'GET',
          `/exchanges/${enc(vhost)}/${enc(name)}?columns=${enc(
            EXCHANGE_COLUMNS,
          )}`,
        ),
      );
    } catch (e) {
      if (e instanceof RabbitMQManagementError && e.status === 404) {
        return undefined;
      }
      throw e;
    }
  }

  /** Bindings whose source is the exchange. */
  async exchangeBindings(
    vhost: string,
    name: string,
  ): Promise<RabbitMQBindingLive[]> {
    const raw = await this.request<Raw[]>(
      'GET',
      `/exchanges/${enc(vhost)}/${enc(name)}/bindings/source`,
    );
    return raw.map(toBindingLive);
  }

  /** Every binding of the broker (or of one vhost), in one request. */
  async listBindings(vhost?: string): Promise<RabbitMQBindingLive[]> {
    const raw = await this.request<Raw[]>(
      'GET',
      vhost === undefined ? '/bindings' : `/bindings/${enc(vhost)}`,
    );
    return raw.map(toBindingLive);
  }

  /** Declares a queue (PUT is idempotent for identical properties). */
  async declareQueue(
    vhost: string,
    name: string,
    queue: {
      durable: boolean;
      autoDelete?: boolean;
      arguments: Record<string, unknown>;
    },
  ): Promise<void> {
    await this.request('PUT', `/queues/${enc(vhost)}/${enc(name)}`, {
      durable: queue.durable,
      auto_delete: queue.autoDelete ?? false,
      arguments: queue.arguments,
    });
  }

  /** Binds a queue to an exchange (binding twice is a no-op). */
  async bindQueue(
    vhost: string,
    exchange: string,
    queue: string,
    routingKey: string,
  ): Promise<void> {
    await this.request(
      'POST',
      `/bindings/${enc(vhost)}/e/${enc(exchange)}/q/${enc(queue)}`,
      { routing_key: routingKey, arguments: {} },
    );
  }

  close(): void {
    this.#agents.http.destroy();
    this.#agents.https.destroy();
  }
}

/**
 * A message for the user and the log from any error of the management
 * client.
 *
 * @public
 */
export function describeRabbitMQError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
