import { EntityProblem } from './EntityProblem';

const SECRET_KEY =
  /(secret|password|passwd|token|api[-_]?key|private[-_]?key|credential)s?$/i;
const SECRET_VALUE = [
  /^whsec_[A-Za-z0-9+/=]{8,}$/, // Standard Webhooks / Svix
  /^gh[pousr]_[A-Za-z0-9]{20,}$/, // GitHub tokens
  /^xox[abposr]-[A-Za-z0-9-]{10,}$/, // Slack tokens
  /^sk_(live|test)_[A-Za-z0-9]{10,}$/, // Stripe keys
  /^-----BEGIN [A-Z ]*PRIVATE KEY-----/,
];

/**
 * Finds secrets written into an entity. Catalog entities are readable by
 * everyone who can browse the portal, so a secret there is leaked the moment
 * the file is ingested: the only safe place is app-config, referred to by
 * name (`secretRef`).
 */
export function literalSecretProblems(
  value: unknown,
  path: string,
): EntityProblem[] {
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => literalSecretProblems(v, `${path}[${i}]`));
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => {
      const at = `${path}.${key}`;
      if (
        SECRET_KEY.test(key) &&
        !/ref$/i.test(key) &&
        v !== null &&
        v !== ''
      ) {
        return [
          {
            path: at,
            message:
              'looks like a literal secret; secrets must never be written into catalog files',
            fix: 'remove it, store the value under interchange.webhooks.secrets.<name> in app-config (from an environment variable), and set spec.signing.secretRef: <name>',
          },
        ];
      }
      return literalSecretProblems(v, at);
    });
  }
  if (
    typeof value === 'string' &&
    SECRET_VALUE.some(r => r.test(value.trim()))
  ) {
    return [
      {
        path,
        message: 'contains what looks like a secret value',
        fix: 'remove it and refer to the secret by name with spec.signing.secretRef; keep the value in app-config',
      },
    ];
  }
  return [];
}
