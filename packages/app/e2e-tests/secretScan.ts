import fs from 'node:fs';
import { parse } from 'yaml';

/** Where signIn() records the API responses the browser received. */
export const API_RESPONSES_FILE = 'test-results/e2e-api-responses.log';
/** Where Playwright's webServer writes the backend's output. */
export const BACKEND_LOG_FILE = 'test-results/e2e-backend.log';

/** A configured secret: where it is configured and its value. */
export interface ConfiguredSecret {
  key: string;
  value: string;
}

// ${VAR} and ${VAR:-default}, as Backstage substitutes them.
function substitute(value: string, env: NodeJS.ProcessEnv): string {
  return value.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g,
    (_, name: string, fallback?: string) => env[name] || fallback || '',
  );
}

/**
 * Every secret value the e2e backend is configured with: webhook secrets,
 * Kafka SASL passwords and OAuth client secrets, RabbitMQ passwords, Kong
 * admin and Consul tokens, the secret-link encryption key (the config
 * schema's `@visibility secret` fields of Interchange).
 */
export function configuredSecrets(
  files: string[],
  env: NodeJS.ProcessEnv = process.env,
): ConfiguredSecret[] {
  const found: ConfiguredSecret[] = [];
  const add = (key: string, value: unknown) => {
    if (typeof value === 'string' && value.trim() !== '') {
      found.push({ key, value: substitute(value, env) });
    }
  };
  for (const file of files) {
    const config = parse(fs.readFileSync(file, 'utf8')) ?? {};
    const ic = config.interchange ?? {};
    for (const [name, value] of Object.entries(ic.webhooks?.secrets ?? {})) {
      add(`interchange.webhooks.secrets.${name}`, value);
    }
    (ic.kafka?.clusters ?? []).forEach((c: any, i: number) => {
      add(`interchange.kafka.clusters[${i}].sasl.password`, c?.sasl?.password);
      add(
        `interchange.kafka.clusters[${i}].sasl.oauthbearer.clientSecret`,
        c?.sasl?.oauthbearer?.clientSecret,
      );
      add(`interchange.kafka.clusters[${i}].ssl.key`, c?.ssl?.key);
    });
    (ic.rabbitmq?.brokers ?? []).forEach((b: any, i: number) => {
      add(
        `interchange.rabbitmq.brokers[${i}].credentials.password`,
        b?.credentials?.password,
      );
    });
    (ic.gateways ?? []).forEach((g: any, i: number) => {
      add(`interchange.gateways[${i}].adminToken`, g?.adminToken);
      add(`interchange.gateways[${i}].consulToken`, g?.consulToken);
    });
    add('interchange.secrets.encryptionKey', ic.secrets?.encryptionKey);
  }
  return found;
}

/**
 * Values too short or too common to scan for without matching ordinary
 * text (the local RabbitMQ's default password is 'guest', which is also
 * the demo user's name): these are only looked for in the shapes a leaked
 * credential takes.
 */
const MIN_SCANNABLE = 8;

/** The places in `text` where a secret appears, as `key in <where>` lines. */
export function findSecrets(
  text: string,
  where: string,
  secrets: ConfiguredSecret[],
): string[] {
  const hits: string[] = [];
  for (const { key, value } of secrets) {
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern =
      value.length >= MIN_SCANNABLE
        ? new RegExp(escaped)
        : new RegExp(
            `"(password|secret|token|credentials?)"\\s*:\\s*"${escaped}"|:${escaped}@|(password|token)=${escaped}\\b`,
            'i',
          );
    if (pattern.test(text)) {
      hits.push(`${key} (…${value.slice(-2)}) in ${where}`);
    }
  }
  return hits;
}
