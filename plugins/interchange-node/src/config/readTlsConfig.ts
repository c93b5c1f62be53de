import { Config } from '@backstage/config';
// The public RabbitMQTlsConfig is the same union under its own name.
import type { KafkaTlsConfig } from './readKafkaClusters';

/**
 * Reads the TLS settings under `name` (`ssl` for Kafka, as kafkajs calls it;
 * `tls` for RabbitMQ). A client certificate always comes with its key.
 */
export function readTlsConfig(
  c: Config,
  name: string,
  key: string,
): KafkaTlsConfig | undefined {
  const value = c.getOptional(name);
  if (value === undefined || typeof value === 'boolean') {
    return value;
  }
  const t = c.getConfig(name);
  const tls = {
    ca: t.getOptionalString('ca'),
    cert: t.getOptionalString('cert'),
    key: t.getOptionalString('key'),
    rejectUnauthorized: t.getOptionalBoolean('rejectUnauthorized'),
  };
  if ((tls.cert === undefined) !== (tls.key === undefined)) {
    throw new Error(
      `${key}.${name}: a client certificate needs both cert and key (PEM); set ${
        tls.cert === undefined ? 'cert' : 'key'
      } too, or remove both for server-only TLS`,
    );
  }
  return tls;
}
