import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BusLiveStateReader,
  BusReadTypes,
} from '@interchange/plugin-interchange-node';
import { brokerFailure } from './busErrors';
import {
  createLiveStateAccess,
  historySince,
  LiveStateAccess,
} from './liveStateAccess';

type Req = Parameters<LiveStateAccess['authorize']>[0];

/** A broker that could not be read, in a list that still shows the others. */
export interface BrokerError {
  broker: string;
  message: string;
  unreachableSince?: string;
}

/**
 * The live-state handlers every bus's routes share, written once against
 * the broker-neutral {@link BusLiveStateReader}. Each returns the body's
 * bus-neutral parts; the bus's router maps its URL parameters in and the
 * spec's field names out (`cluster` or `broker`, `{ items }` or
 * `{ broker, items }`), so paths and bodies stay exactly the contract.
 * Every handler first checks the one live-state read permission; a broker
 * is checked before it is read (404 naming the configured ones), and one
 * that cannot be read is a 503 with `unreachableSince`.
 */
export interface LiveStateHandlers<T extends BusReadTypes>
  extends LiveStateAccess {
  /** Every broker of the bus, as the API shows it. */
  brokers(req: Req): Promise<{ items: T['broker'][] }>;
  /** A broker's destinations within `scope`, with depth and status. */
  destinations(
    req: Req,
    broker: string,
    scope: T['scope'],
  ): Promise<{ broker: T['broker']; items: T['destination'][] }>;
  /**
   * One destination with its history of the last `hours` (default 6), and
   * what `alongside` reads with the caller's credentials meanwhile (the
   * bus's own catalog lookups).
   */
  destination<A = undefined>(
    req: Req,
    broker: string,
    ref: T['ref'],
    hours: number | undefined,
    alongside?: (credentials: BackstageCredentials) => Promise<A>,
  ): Promise<{
    broker: T['broker'];
    detail: T['detail'];
    alongside: A | undefined;
  }>;
  /**
   * Reads several brokers at once (the caller has authorized): a broker
   * that fails is reported in `errors` with its cause and since when it
   * does not answer, and does not hide the others' items.
   */
  eachBroker<K, I>(
    byBroker: Map<string, K>,
    read: (broker: string, key: K) => Promise<I[]>,
  ): Promise<{ items: I[]; errors: BrokerError[] }>;
}

export function createLiveStateHandlers<T extends BusReadTypes>(
  options: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    catalog: CatalogService;
  },
  bus: BusLiveStateReader<T>,
  busTitle: 'Kafka' | 'RabbitMQ',
): LiveStateHandlers<T> {
  const access = createLiveStateAccess(options, busTitle);
  return {
    ...access,
    async brokers(req) {
      await access.authorize(req);
      return {
        items: bus.listBrokers().map(b => bus.brokerSummary(b.id)),
      };
    },
    async destinations(req, broker, scope) {
      await access.authorize(req);
      const summary = bus.brokerSummary(broker);
      return { broker: summary, items: await bus.destinations(broker, scope) };
    },
    async destination(req, broker, ref, hours, alongside) {
      const credentials = await access.authorize(req);
      const summary = bus.brokerSummary(broker);
      const [detail, also] = await Promise.all([
        bus.destination(broker, ref, historySince(hours)),
        alongside?.(credentials),
      ]);
      return { broker: summary, detail, alongside: also };
    },
    async eachBroker(byBroker, read) {
      const items: Awaited<ReturnType<typeof read>> = [];
      const errors: BrokerError[] = [];
      await Promise.all(
        [...byBroker.entries()].map(async ([broker, key]) => {
          try {
            items.push(...(await read(broker, key)));
          } catch (e) {
            errors.push({
              broker,
              ...brokerFailure(e, err => bus.describeError(err)),
            });
          }
        }),
      );
      errors.sort((a, b) => a.broker.localeCompare(b.broker));
      return { items, errors };
    },
  };
}
