import { randomBytes } from 'node:crypto';
import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { InterchangeRouter } from '../schema/InterchangeRouter';
import { SecretCipher } from './secretCipher';
import { SecretLinkSettings } from './secretLinkSettings';
import { SecretLinkStore, StoredSecretLink } from './SecretLinkStore';

export interface SecretLinksRouterOptions {
  httpAuth: HttpAuthService;
  logger: LoggerService;
  secretLinks: SecretLinkStore;
  secretLinkSettings: SecretLinkSettings;
}

/** What binds a ciphertext to its link: a row moved elsewhere will not open. */
const bindingOf = (link: { id: string; createdBy: string }) =>
  `${link.id}|${link.createdBy}`;

const GONE =
  'it was opened already (a link opens once), has expired, or never existed; generate a new secret';

/**
 * One-time secret links: `POST /secret-links` stores a secret for the
 * calling user; `GET /secret-links/:id` describes it; `POST
 * /secret-links/:id/reveal` answers it once to that user and deletes it.
 * Nothing here logs a secret.
 */
export function addSecretLinkRoutes(
  router: InterchangeRouter,
  options: SecretLinksRouterOptions,
): void {
  const { httpAuth, logger, secretLinks, secretLinkSettings } = options;
  const cipher = secretLinkSettings.enabled
    ? new SecretCipher(secretLinkSettings.key)
    : undefined;

  function enabledCipher(): SecretCipher {
    if (!cipher) {
      throw new ServiceUnavailableError(
        secretLinkSettings.enabled
          ? 'secret links are off'
          : secretLinkSettings.reason,
      );
    }
    return cipher;
  }

  /** The link, to its creator only; expired ones are deleted on the way. */
  async function ownLink(req: any, id: string): Promise<StoredSecretLink> {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const link = await secretLinks.get(id);
    if (!link || link.expiresAt <= Date.now()) {
      if (link) {
        await secretLinks.take(id);
      }
      throw new NotFoundError(`No secret link ${id}: ${GONE}`);
    }
    if (link.createdBy !== credentials.principal.userEntityRef) {
      // Logged without the secret, for whoever investigates.
      logger.warn(
        `Secret link ${id} of ${link.createdBy} refused to ${credentials.principal.userEntityRef}`,
      );
      throw new NotAllowedError(
        `This secret link was created by ${link.createdBy}; only that user can open it`,
      );
    }
    return link;
  }

  const describe = (link: StoredSecretLink) => ({
    id: link.id,
    label: link.label,
    createdBy: link.createdBy,
    // Sent as ISO 8601 (date-time in the spec).
    expiresAt: new Date(link.expiresAt),
  });

  router.post('/secret-links', async (req, res) => {
    const sealer = enabledCipher();
    // A user, or a plugin on a user's behalf (the scaffolder action with the
    // task creator's credentials): the link is that user's.
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const { secret, label } = req.body;
    const now = Date.now();
    const link = {
      id: randomBytes(32).toString('base64url'),
      createdBy: credentials.principal.userEntityRef,
      label,
      createdAt: now,
      expiresAt: now + secretLinkSettings.ttlMs,
    };
    await secretLinks.add({
      ...link,
      sealed: sealer.seal(secret, bindingOf(link)),
    });
    logger.info(
      `Secret link ${link.id} created for ${
        link.createdBy
      } (${label}), expires ${new Date(link.expiresAt).toISOString()}`,
    );
    res.status(201).json(describe({ ...link, sealed: undefined as never }));
  });

  router.get('/secret-links/:id', async (req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json(describe(await ownLink(req, req.params.id)));
  });

  router.post('/secret-links/:id/reveal', async (req, res) => {
    const opener = enabledCipher();
    const link = await ownLink(req, req.params.id);
    const taken = await secretLinks.take(link.id);
    if (!taken) {
      // Opened by a concurrent request in the meantime.
      throw new NotFoundError(`No secret link ${link.id}: ${GONE}`);
    }
    let secret: string;
    try {
      secret = opener.open(taken.sealed, bindingOf(taken));
    } catch (e) {
      logger.error(
        `Secret link ${taken.id} of ${
          taken.createdBy
        } could not be decrypted and was deleted: ${(e as Error).message}`,
      );
      throw new NotFoundError(
        `Secret link ${taken.id} cannot be opened: ${
          (e as Error).message
        }; generate a new secret`,
      );
    }
    logger.info(
      `Secret link ${taken.id} opened by ${taken.createdBy}; deleted`,
    );
    res.setHeader('cache-control', 'no-store');
    res.json({ secret, label: taken.label });
  });
}
