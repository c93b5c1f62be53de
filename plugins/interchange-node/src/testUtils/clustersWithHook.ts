import { createKafkaAdminClient, KafkaClusters } from '../kafka/KafkaClusters';
import type { KafkaAdminClient } from '../kafka/types';

/** What runs once, right after the admin client's `method` answers. */
export interface AdminClientHook {
  run?: () => Promise<void>;
}

/**
 * The real admin client, with `hook.run` called once right after `method`
 * answers (and then cleared, so a test can check it ran): a fault test
 * kills or stops its broker there, in the middle of a run that has read
 * one thing and is about to read the next.
 */
export function withHookAfter(
  client: KafkaAdminClient,
  method: keyof KafkaAdminClient,
  hook: AdminClientHook,
): KafkaAdminClient {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === method && typeof value === 'function') {
        return async (...args: unknown[]) => {
          const answer = await value.apply(target, args);
          const run = hook.run;
          hook.run = undefined;
          await run?.();
          return answer;
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * KafkaClusters with the one cluster `local` on `brokers` (the default
 * adapter, 5 s request timeout), whose admin clients carry `hook` after
 * `method` (withHookAfter).
 */
export function clustersWithHookAfter(
  brokers: string[],
  method: keyof KafkaAdminClient,
  hook: AdminClientHook,
): KafkaClusters {
  return new KafkaClusters(
    [
      {
        id: 'local',
        title: 'local',
        brokers,
        clientId: 'interchange-tests',
        adapter: 'platformatic',
        requestTimeoutMs: 5_000,
        policy: {},
      },
    ],
    {
      createClient: config =>
        withHookAfter(createKafkaAdminClient(config), method, hook),
    },
  );
}
