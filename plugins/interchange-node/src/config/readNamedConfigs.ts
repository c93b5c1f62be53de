import { Config } from '@backstage/config';
import { checkId } from './checkId';

/** Where one entry of a named list sits and what it is called. */
export interface NamedEntry {
  /** The entry's config key, e.g. `interchange.kafka.clusters[0]`, for errors. */
  key: string;
  id: string;
  /** `title`, or the id when there is none. */
  title: string;
}

/**
 * Reads a config array of named entries (Kafka clusters, RabbitMQ brokers,
 * gateways): each has a unique `id` that entities refer to and an optional
 * `title`. `read` turns one entry into its settings; ids are checked first,
 * so every reader fails the same way on a bad or repeated id.
 */
export function readNamedConfigs<T>(
  config: Config,
  path: string,
  read: (c: Config, entry: NamedEntry) => T,
): T[] {
  const seen = new Set<string>();
  return (config.getOptionalConfigArray(path) ?? []).map((c, i) => {
    const key = `${path}[${i}]`;
    const id = c.getString('id');
    checkId(id, `${key}.id`, seen);
    return read(c, { key, id, title: c.getOptionalString('title') ?? id });
  });
}
