import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CheckLiveData,
  IntegrationGraph,
  isWebhookEntity,
} from '@interchange/plugin-interchange-common';
import { KafkaClusters } from '@interchange/plugin-interchange-node';
import { DeliveryStore } from '../../webhooks/DeliveryStore';
import { ActivityWatchStore } from './ActivityWatchStore';
import { readKafkaTopicsLiveData } from './kafkaTopicsLiveData';
import { readRouteDrift } from './routeDriftLiveData';

/** Where the checks' live data comes from. */
export interface LiveDataSources {
  /** The configured Kafka clusters: topic drift and newest message times. */
  clusters: KafkaClusters;
  /** The webhook delivery log: last delivery per webhook. */
  deliveries: Pick<DeliveryStore, 'lastDeliveryByEntity'>;
  /** Since when topics and webhooks with nothing retained have been quiet. */
  watch: ActivityWatchStore;
  logger: LoggerService;
}

/**
 * The live data of `drift/kafka-topic`, `drift/gateway-route` and
 * `overengineering/idle-integration` for one checks run: what the brokers,
 * the gateway provider and the delivery log say about the graph's entities.
 * What cannot be read is named in `unavailable`, so a rule with no data at
 * all says why it was skipped; nothing here throws for one bad source.
 */
export async function collectLiveData(
  graph: IntegrationGraph,
  sources: LiveDataSources,
  now: Date,
): Promise<CheckLiveData> {
  const { logger } = sources;
  const topics = await readKafkaTopicsLiveData(graph, sources.clusters);
  const routes = readRouteDrift(graph);

  const webhookLastDeliveryAt: Record<string, string | null> = {};
  const webhookUnavailable: string[] = [];
  const markers = new Map(topics.endOffsets);
  try {
    const last = await sources.deliveries.lastDeliveryByEntity();
    for (const node of graph.nodes.values()) {
      if (!node.entity || !isWebhookEntity(node.entity)) {
        continue;
      }
      const at = last.get(node.ref);
      webhookLastDeliveryAt[node.ref] =
        at === undefined ? null : new Date(at).toISOString();
      if (at === undefined) {
        markers.set(node.ref, 'no-delivery');
      }
    }
  } catch (e) {
    webhookUnavailable.push(
      `the webhook delivery log was not read: ${(e as Error).message}`,
    );
  }

  // Nothing retained: idle only for as long as it has been watched quiet.
  const quietSince: Record<string, string> = {};
  try {
    const since = await sources.watch.observe(markers, now, topics.unread);
    for (const [ref, at] of since) {
      quietSince[ref] = at.toISOString();
    }
  } catch (e) {
    // Without the watch, "nothing retained" cannot be judged at all.
    for (const ref of markers.keys()) {
      delete topics.lastMessageAt[ref];
      delete webhookLastDeliveryAt[ref];
    }
    webhookUnavailable.push(
      `topics and webhooks with nothing retained not judged: ${
        (e as Error).message
      }`,
    );
  }

  const unavailable = {
    topicDrift: topics.driftUnavailable,
    topicLastMessageAt: topics.lastMessageUnavailable,
    routeDrift: routes.unavailable,
    webhookLastDeliveryAt: webhookUnavailable,
  };
  for (const reason of new Set(Object.values(unavailable).flat())) {
    logger.info(`Integration checks live data: ${reason}`);
  }
  const hasWebhooks = Object.keys(webhookLastDeliveryAt).length > 0;
  return {
    // A kind of data is given when anything was read, so a rule runs on
    // what answered and skips, naming why, when nothing did.
    topicDrift: Object.keys(topics.drift).length ? topics.drift : undefined,
    topicLastMessageAt: Object.keys(topics.lastMessageAt).length
      ? topics.lastMessageAt
      : undefined,
    routeDrift: routes.drift,
    webhookLastDeliveryAt: hasWebhooks ? webhookLastDeliveryAt : undefined,
    quietSince,
    unavailable,
  };
}
