import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  generateWebhookSecret,
  maskWebhookSecret,
} from '@interchange/plugin-interchange-common';
import yaml from 'yaml';

const SECRET_REF = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,62}$/;

/**
 * `interchange:webhook:create-secret`: a new Standard Webhooks signing
 * secret. The Webhook entity only ever carries its `secretRef`; the value
 * goes once to the person running the template, who stores it in the
 * portal's secret store (config `interchange.webhooks.secrets.<secretRef>`)
 * and gives it to the other side. It is never logged.
 *
 * @public
 */
export function createWebhookCreateSecretAction() {
  return createTemplateAction({
    id: 'interchange:webhook:create-secret',
    description:
      'Generates a Standard Webhooks signing secret (whsec_...) and returns its secretRef and where to store it; the value is returned once and never logged',
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
        secret: z =>
          z.string({
            description:
              'The secret value; show it once (see the webhook template) and store it',
          }),
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
      const secret = ctx.isDryRun
        ? 'whsec_dry-run-no-secret-generated'
        : generateWebhookSecret();
      const configKey = `interchange.webhooks.secrets.${secretRef}`;
      ctx.logger.info(
        `Generated signing secret ${maskWebhookSecret(
          secret,
        )} for ${secretRef}; store it under ${configKey}`,
      );
      ctx.output('secretRef', secretRef);
      ctx.output('configKey', configKey);
      ctx.output('maskedSecret', maskWebhookSecret(secret));
      ctx.output('secret', secret);
    },
  });
}
