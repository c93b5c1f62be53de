import {
  checkConfigText,
  checkConfigValue,
  expansionBudget,
} from '../limits/inputLimits';
import { makeValidator } from '@backstage/catalog-model';
import { INTERCHANGE_API_VERSION } from '../entities/constants';
import {
  RabbitMQExchangeEntityV1alpha1,
  RabbitMQExchangeType,
  RabbitMQQueueEntityV1alpha1,
  RabbitMQQueueType,
} from '../entities/types';
import { RABBITMQ_BUILTIN_EXCHANGES } from './names';
import {
  rabbitmqQueueArgument,
  rabbitmqQueueArgumentProblem,
} from './queueArguments';

/**
 * The topology of a RabbitMQ definitions file (`rabbitmqctl
 * export_definitions`, the management UI's export, `GET /api/definitions`)
 * or of a live broker: exchanges, queues and bindings. Users, permissions,
 * policies and parameters are never read.
 *
 * @public
 */
export interface RabbitMQTopology {
  exchanges: Array<{
    vhost: string;
    name: string;
    type: string;
    durable: boolean;
    internal: boolean;
  }>;
  queues: Array<{
    vhost: string;
    name: string;
    type: string;
    durable: boolean;
    autoDelete: boolean;
    arguments: Record<string, unknown>;
  }>;
  bindings: Array<{
    vhost: string;
    source: string;
    destination: string;
    destinationType: 'queue' | 'exchange';
    routingKey: string;
  }>;
}

type Raw = Record<string, any>;

/** Text as exports write it (numbers too); anything else is an error naming the field. */
const textOf = (value: unknown, field: string, fallback: string): string => {
  if (value === undefined || value === null) return fallback;
  if (['string', 'number', 'boolean'].includes(typeof value)) {
    return String(value);
  }
  throw new Error(`${field} must be text`);
};

const list = (value: unknown, key: string): Raw[] => {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw new Error(`'${key}' must be a list`);
  }
  return value.filter(v => v && typeof v === 'object');
};

/**
 * Reads a definitions file. A vhost export (`GET /api/definitions/{vhost}`)
 * has no `vhost` on its objects: they get `defaultVhost`, else the vhost the
 * export names (`original_vhost_name`, written by RabbitMQ 4.0 and later),
 * else `/`. Throws a message naming what is wrong when the text is not a
 * definitions file.
 *
 * @public
 */
export function parseRabbitMQDefinitions(
  text: string,
  options: { defaultVhost?: string } = {},
): RabbitMQTopology {
  // Size and binary content before parsing (a definitions export is often
  // one line, so no line limit); nesting after: JSON.parse has no depth
  // bound of its own, and the walk below would follow what it built.
  checkConfigText(text, 'the file', { json: true });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(
      `not JSON (${
        (e as Error).message
      }); a RabbitMQ definitions file is the JSON of 'rabbitmqctl export_definitions' or the management UI's export`,
    );
  }
  checkConfigValue(doc, expansionBudget(text.length));
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new Error('not a RabbitMQ definitions file: expected a JSON object');
  }
  const d = doc as Raw;
  if (!('queues' in d) && !('exchanges' in d) && !('bindings' in d)) {
    throw new Error(
      "not a RabbitMQ definitions file: it has none of 'queues', 'exchanges' or 'bindings'",
    );
  }
  // A vhost export from RabbitMQ 4.0 on names the vhost it was taken from;
  // older ones do not, and their objects would land in '/' unless the
  // caller says where they belong (which also wins over the name, to load an
  // export into another vhost).
  const exportedVhost =
    textOf(d.original_vhost_name, "'original_vhost_name'", '') || undefined;
  const vhostOf = (o: Raw) =>
    typeof o.vhost === 'string'
      ? o.vhost
      : options.defaultVhost ?? exportedVhost ?? '/';
  return {
    exchanges: list(d.exchanges, 'exchanges').map((e, i) => ({
      vhost: vhostOf(e),
      name: textOf(e.name, `'exchanges'[${i}].name`, ''),
      type: textOf(e.type, `'exchanges'[${i}].type`, 'direct'),
      durable: e.durable !== false,
      internal: e.internal === true,
    })),
    queues: list(d.queues, 'queues').map((q, i) => ({
      vhost: vhostOf(q),
      name: textOf(q.name, `'queues'[${i}].name`, ''),
      // Exports before 3.13 have no `type`: it is in the arguments.
      type: textOf(
        q.type ?? q.arguments?.['x-queue-type'],
        `'queues'[${i}].type`,
        'classic',
      ),
      durable: q.durable !== false,
      autoDelete: q.auto_delete === true,
      arguments: (q.arguments && typeof q.arguments === 'object'
        ? q.arguments
        : {}) as Record<string, unknown>,
    })),
    bindings: list(d.bindings, 'bindings').map((b, i) => ({
      vhost: vhostOf(b),
      source: textOf(b.source, `'bindings'[${i}].source`, ''),
      destination: textOf(b.destination, `'bindings'[${i}].destination`, ''),
      destinationType: b.destination_type === 'exchange' ? 'exchange' : 'queue',
      routingKey: textOf(b.routing_key, `'bindings'[${i}].routing_key`, ''),
    })),
  };
}

const validator = makeValidator();

/**
 * The entity name for an exchange or queue: its name on the broker (with the
 * vhost in front when it is not `/`, so equal names in two vhosts do not
 * collide) when the catalog accepts it, else a sanitised form with a hash.
 *
 * @public
 */
export function rabbitmqEntityName(vhost: string, name: string): string {
  const full = vhost === '/' ? name : `${vhost}.${name}`;
  if (validator.isValidEntityName(full)) {
    return full;
  }
  let hash = 0;
  for (const ch of `${vhost}\u0000${name}`) {
    hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  }
  const suffix = (hash >>> 0).toString(36);
  const base = full
    .replace(/[^a-zA-Z0-9._-]/g, '-')
    .replace(/^[^a-zA-Z0-9]+/, '')
    .slice(0, 63 - suffix.length - 1)
    .replace(/[^a-zA-Z0-9]+$/, '');
  return `${base || 'rabbitmq'}-${suffix}`;
}

const EXCHANGE_TYPES = ['direct', 'topic', 'fanout', 'headers'];
const QUEUE_TYPES = ['classic', 'quorum', 'stream'];

/** @public */
export interface RabbitMQEntitiesOptions {
  broker: string;
  owner: string;
  namespace?: string;
  system?: string;
  /** Added to every entity (e.g. the location and discovered annotations). */
  annotations?: Record<string, string>;
  tags?: string[];
  description?: (what: 'exchange' | 'queue', name: string) => string;
}

/**
 * RabbitMQExchange and RabbitMQQueue entities for a topology. The broker's
 * own exchanges (`amq.*`, the default) and server-named queues
 * (`amq.gen-...`) are left out (and listed in `skipped`), as are queues a
 * plugin declares for itself (`x-internal-purpose`, e.g. federation links),
 * exchange types the kinds cannot express (plugin types such as
 * `x-delayed-message`) and exchange-to-exchange bindings. Queue arguments RabbitMQ does not document, or with values it
 * would refuse, are left out too, so every entity passes validation; what is
 * left out is listed in `skipped`.
 *
 * @public
 */
export function rabbitmqEntitiesFromTopology(
  topology: RabbitMQTopology,
  options: RabbitMQEntitiesOptions,
): {
  exchanges: RabbitMQExchangeEntityV1alpha1[];
  queues: RabbitMQQueueEntityV1alpha1[];
  skipped: string[];
} {
  const namespace = options.namespace ?? 'default';
  const skipped: string[] = [];
  const metadata = (
    name: string,
    what: 'exchange' | 'queue',
    real: string,
  ) => ({
    name,
    namespace,
    ...(options.description
      ? { description: options.description(what, real) }
      : {}),
    ...(options.tags ? { tags: options.tags } : {}),
    ...(options.annotations ? { annotations: { ...options.annotations } } : {}),
  });
  const base = {
    owner: options.owner,
    ...(options.system ? { system: options.system } : {}),
    broker: options.broker,
  };

  const exchangeRefs = new Map<string, string>();
  const exchanges: RabbitMQExchangeEntityV1alpha1[] = [];
  for (const e of topology.exchanges) {
    if (
      RABBITMQ_BUILTIN_EXCHANGES.includes(e.name) ||
      e.name.startsWith('amq.')
    ) {
      // The broker declares its own exchanges in every vhost.
      skipped.push(
        `the broker's own exchange ${e.vhost}/${e.name || '(default)'}`,
      );
      continue;
    }
    if (!EXCHANGE_TYPES.includes(e.type)) {
      skipped.push(`exchange ${e.vhost}/${e.name} (type ${e.type})`);
      continue;
    }
    const name = rabbitmqEntityName(e.vhost, e.name);
    exchangeRefs.set(
      `${e.vhost}\u0000${e.name}`,
      `rabbitmqexchange:${namespace}/${name}`,
    );
    exchanges.push({
      apiVersion: INTERCHANGE_API_VERSION,
      kind: 'RabbitMQExchange',
      metadata: metadata(name, 'exchange', e.name),
      spec: {
        ...base,
        vhost: e.vhost,
        ...(name === e.name ? {} : { exchangeName: e.name }),
        exchangeType: e.type as RabbitMQExchangeType,
        durable: e.durable,
      },
    });
  }
  const exchangeRef = (vhost: string, exchange: string) =>
    exchangeRefs.get(`${vhost}\u0000${exchange}`) ?? exchange;

  const queues: RabbitMQQueueEntityV1alpha1[] = [];
  for (const q of topology.queues) {
    if (q.name.startsWith('amq.')) {
      // A name the broker generated: the next declaration gets another one.
      skipped.push(`server-named queue ${q.vhost}/${q.name}`);
      continue;
    }
    const purpose = q.arguments['x-internal-purpose'];
    if (purpose !== undefined) {
      // A queue a plugin declares for itself (a federation link's queue,
      // bound to the link's own exchange): the plugin owns it and declares it
      // again, under a name and from an exchange no client could declare.
      skipped.push(
        `internal queue ${q.vhost}/${q.name} (x-internal-purpose ${String(
          purpose,
        )})`,
      );
      continue;
    }
    const queueType = QUEUE_TYPES.includes(q.type) ? q.type : 'classic';
    const args: Record<string, string | number | boolean> = {};
    for (const [arg, value] of Object.entries(q.arguments)) {
      const known = rabbitmqQueueArgument(arg);
      if (!known || known.specField) {
        if (!known) {
          skipped.push(`argument ${arg} of queue ${q.vhost}/${q.name}`);
        }
        continue;
      }
      if (
        rabbitmqQueueArgumentProblem(arg, value) ||
        (known.queueTypes && !known.queueTypes.includes(queueType as any))
      ) {
        skipped.push(`argument ${arg} of queue ${q.vhost}/${q.name}`);
        continue;
      }
      args[arg] = value as string | number | boolean;
    }
    const dlx = q.arguments['x-dead-letter-exchange'];
    const bindings = topology.bindings
      .filter(
        b =>
          b.vhost === q.vhost &&
          b.destinationType === 'queue' &&
          b.destination === q.name &&
          b.source !== '',
      )
      .map(b => ({
        exchange: exchangeRef(q.vhost, b.source),
        routingKey: b.routingKey,
      }));
    const name = rabbitmqEntityName(q.vhost, q.name);
    queues.push({
      apiVersion: INTERCHANGE_API_VERSION,
      kind: 'RabbitMQQueue',
      metadata: metadata(name, 'queue', q.name),
      spec: {
        ...base,
        vhost: q.vhost,
        ...(name === q.name ? {} : { queueName: q.name }),
        queueType: queueType as RabbitMQQueueType,
        // Quorum queues and streams are always durable.
        durable: queueType === 'classic' ? q.durable : true,
        ...(bindings.length ? { bindings } : {}),
        ...(typeof dlx === 'string' && dlx
          ? { deadLetterExchange: exchangeRef(q.vhost, dlx) }
          : {}),
        ...(Object.keys(args).length ? { arguments: args } : {}),
      },
    });
  }
  for (const b of topology.bindings) {
    if (b.destinationType === 'exchange') {
      skipped.push(
        `exchange-to-exchange binding ${b.vhost}/${b.source} -> ${b.destination}`,
      );
    }
  }
  return { exchanges, queues, skipped };
}
