import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { InputError, ResponseError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  generateWebhookSecret,
  maskWebhookSecret,
} from '@interchange/plugin-interchange-common';
import yaml from 'yaml';

const SECRET_REF = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,62}$/;

/** What the action needs to hand the secret to the Interchange backend. */
export interface WebhookCreateSecretActionOptions {
  auth: AuthService;
  discovery: DiscoveryService;
  /** For `app.baseUrl`, where the one-time link's page is. */
  config: RootConfigService;
}

/**
 * `interchange:webhook:create-secret`: a new Standard Webhooks signing
 * secret. The Webhook entity only ever carries its `secretRef`. The value
 * is never a task output (outputs are stored with the task): it is stored
 * encrypted by the Interchange backend, with the task creator's
 * credentials, and the action outputs a one-time link that only that user
 * can open, once, before it expires. It is never logged.
 *
 * @public
 */
export function createWebhookCreateSecretAction(
  options: WebhookCreateSecretActionOptions,
) {
  return createTemplateAction({
    id: 'interchange:webhook:create-secret',
    description:
      'Generates a Standard Webhooks signing secret (whsec_...) and returns its secretRef, where to store it and a one-time link to it for the task creator; the value itself is never an output and never logged',
    supportsDryRun: true,
    examples: [
      {
        description: 'A secret for the marketplace order-status webhook',
        example: yaml.stringify({
          steps: [
            {
              id: 'secret',
              action: 'interchange:webhook:create-secret',
              name: 'Create signing secret',
              input: { secretRef: 'marketplace-order-status' },
            },
          ],
        }),
      },
    ],
    schema: {
      input: {
        secretRef: z =>
          z.string({
            description:
              'Name of the secret, used as signing.secretRef in the Webhook entity',
          }),
      },
      output: {
        secretRef: z => z.string(),
        configKey: z =>
          z.string({ description: 'Where the backend reads the secret from' }),
        secretLink: z =>
          z.string({
            description:
              'A page of the portal that shows the secret once to the task creator (one-time link)',
          }),
        secretLinkExpiresAt: z =>
          z.string({ description: 'When the link stops working (ISO 8601)' }),
        maskedSecret: z =>
          z.string({ description: 'Prefix and last 4 characters' }),
      },
    },
    async handler(ctx) {
      const { secretRef } = ctx.input;
      if (!SECRET_REF.test(secretRef)) {
        throw new InputError(
          `secretRef: '${secretRef}' is not a valid name. Fix: use letters, digits, '-' and '_' (e.g. 'partner-orders')`,
        );
      }
      const configKey = `interchange.webhooks.secrets.${secretRef}`;
      const label = `Signing secret for webhook ${secretRef}: store it under ${configKey}`;
      // Without app.baseUrl the link is relative, which the task page opens.
      const appBaseUrl = (
        options.config.getOptionalString('app.baseUrl') ?? ''
      ).replace(/\/+$/, '');
      let secret = 'whsec_dry-run-no-secret-generated';
      let link = {
        id: 'dry-run-no-link-created',
        expiresAt: new Date().toISOString(),
      };
      if (!ctx.isDryRun) {
        secret = generateWebhookSecret();
        link = await storeSecretLink(options, {
          credentials: await ctx.getInitiatorCredentials(),
          secret,
          label,
        });
      }
      ctx.logger.info(
        `Generated signing secret ${maskWebhookSecret(
          secret,
        )} for ${secretRef}; its one-time link expires ${link.expiresAt}`,
      );
      ctx.output('secretRef', secretRef);
      ctx.output('configKey', configKey);
      ctx.output('maskedSecret', maskWebhookSecret(secret));
      ctx.output(
        'secretLink',
        `${appBaseUrl}/interchange/secret-links/${encodeURIComponent(link.id)}`,
      );
      ctx.output('secretLinkExpiresAt', link.expiresAt);
    },
  });
}

/**
 * Stores the secret with the Interchange backend as the task's creator
 * (their credentials, so the link is theirs alone) and returns the link.
 */
async function storeSecretLink(
  options: WebhookCreateSecretActionOptions,
  request: {
    credentials: BackstageCredentials;
    secret: string;
    label: string;
  },
): Promise<{ id: string; expiresAt: string }> {
  if (!options.auth.isPrincipal(request.credentials, 'user')) {
    throw new InputError(
      'interchange:webhook:create-secret needs a task started by a signed-in user: the one-time link is for that user alone',
    );
  }
  const { token } = await options.auth.getPluginRequestToken({
    onBehalfOf: request.credentials,
    targetPluginId: 'interchange',
  });
  const baseUrl = await options.discovery.getBaseUrl('interchange');
  const response = await fetch(`${baseUrl}/secret-links`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ secret: request.secret, label: request.label }),
  });
  if (!response.ok) {
    // The backend's error names the cause (e.g. no encryption key).
    throw await ResponseError.fromResponse(response);
  }
  const body = (await response.json()) as { id: string; expiresAt: string };
  return { id: body.id, expiresAt: body.expiresAt };
}
