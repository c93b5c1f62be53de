import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  checkRabbitMQQueueRequest,
  computeQueueDrift,
  formatEntityProblems,
  INTERCHANGE_API_VERSION,
  RABBITMQ_BUILTIN_EXCHANGES,
  rabbitmqExchangeRefName,
  RabbitMQQueueEntityV1alpha1,
  ResolvedRabbitMQQueueRequest,
} from '@interchange/plugin-interchange-common';
import {
  describeRabbitMQError,
  RabbitMQBrokers,
  RabbitMQManagementClient,
  RabbitMQManagementError,
} from '@interchange/plugin-interchange-node';
import yaml from 'yaml';

/** The request as an entity, to compare with the broker's queue. */
function asEntity(
  broker: string,
  r: ResolvedRabbitMQQueueRequest,
): RabbitMQQueueEntityV1alpha1 {
  return {
    apiVersion: INTERCHANGE_API_VERSION,
    kind: 'RabbitMQQueue',
    metadata: { name: 'request' },
    spec: {
      owner: 'request',
      broker,
      vhost: r.vhost,
      queueName: r.name,
      queueType: r.queueType,
      durable: r.durable,
      bindings: r.bindings,
      deadLetterExchange: r.deadLetterExchange,
      arguments: r.arguments,
    },
  };
}

/** The broker's x- arguments for the request. */
function brokerArguments(r: ResolvedRabbitMQQueueRequest) {
  return {
    ...r.arguments,
    'x-queue-type': r.queueType,
    ...(r.deadLetterExchange
      ? {
          'x-dead-letter-exchange': rabbitmqExchangeRefName(
            r.deadLetterExchange,
          ),
        }
      : {}),
  };
}

/** Management API calls with the broker named and unreachability as 503. */
async function call<T>(broker: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof RabbitMQManagementError) {
      if (e.status && e.status >= 400 && e.status < 500 && e.status !== 401) {
        throw new InputError(
          `RabbitMQ broker ${broker} refused: ${describeRabbitMQError(e)}`,
        );
      }
      throw new ServiceUnavailableError(describeRabbitMQError(e));
    }
    throw e;
  }
}

/**
 * `interchange:rabbitmq:declare-queue`: declares a queue with its bindings
 * and dead-lettering the platform team's way. Every check runs before any
 * write: RabbitMQ's rules and the broker's policy (naming, quorum in
 * production, dead-letter exchange required), that the exchanges exist on the
 * broker, and that an existing queue has the same settings. A dry run stops
 * there. Idempotent: an existing queue with the same settings is success
 * without change (missing bindings are added); one with other settings is an
 * error listing the differences. It never deletes or alters a queue.
 *
 * @public
 */
export function createRabbitMQDeclareQueueAction(options: {
  brokers: RabbitMQBrokers;
}) {
  const { brokers } = options;
  return createTemplateAction({
    id: 'interchange:rabbitmq:declare-queue',
    description:
      "Declares a RabbitMQ queue with bindings and dead-lettering after checking it against the broker's policy and the exchanges on the broker; succeeds without change when the queue already exists with the same settings.",
    supportsDryRun: true,
    examples: [
      {
        description: 'A quorum queue bound to a topic exchange, dead-lettered',
        example: yaml.stringify({
          steps: [
            {
              id: 'queue',
              action: 'interchange:rabbitmq:declare-queue',
              name: 'Declare queue',
              input: {
                broker: 'prod-eu',
                vhost: '/',
                name: 'billing.invoice-requests',
                queueType: 'quorum',
                lifecycle: 'production',
                bindings: [{ exchange: 'orders', routingKey: 'order.placed' }],
                deadLetterExchange: 'dead-letters',
                arguments: { 'x-delivery-limit': 5 },
              },
            },
          ],
        }),
      },
    ],
    schema: {
      input: {
        broker: z =>
          z.string({
            description:
              'Id of the broker under interchange.rabbitmq.brokers, e.g. prod-eu',
          }),
        vhost: z =>
          z.string({ description: 'The vhost; default /' }).optional(),
        name: z => z.string({ description: 'Queue name' }),
        queueType: z =>
          z
            .enum(['classic', 'quorum', 'stream'], {
              description: 'Queue type; default classic',
            })
            .optional(),
        durable: z => z.boolean({ description: 'Default true' }).optional(),
        lifecycle: z =>
          z
            .string({
              description:
                "The queue's lifecycle (production, experimental, ...), for the broker's policy",
            })
            .optional(),
        bindings: z =>
          z
            .array(
              z.object({
                exchange: z.string(),
                routingKey: z.string().optional(),
              }),
              { description: 'Exchanges to bind to, with routing keys' },
            )
            .optional(),
        deadLetterExchange: z =>
          z
            .string({
              description: 'Exchange rejected and expired messages go to',
            })
            .optional(),
        arguments: z =>
          z
            .record(z.union([z.string(), z.number(), z.boolean()]), {
              description: "RabbitMQ's x- queue arguments",
            })
            .optional(),
      },
      output: {
        queueName: z => z.string({ description: 'The queue name' }),
        vhost: z => z.string({ description: 'The vhost' }),
        queueType: z => z.string({ description: 'The queue type' }),
        created: z =>
          z.boolean({
            description:
              'false when the queue already existed with the same settings, or in a dry run',
          }),
      },
    },
    async handler(ctx) {
      const { broker } = ctx.input;
      const config = brokers.config(broker);
      const { problems, resolved } = checkRabbitMQQueueRequest(
        {
          vhost: ctx.input.vhost,
          name: ctx.input.name,
          queueType: ctx.input.queueType,
          durable: ctx.input.durable,
          bindings: ctx.input.bindings,
          deadLetterExchange: ctx.input.deadLetterExchange,
          arguments: ctx.input.arguments,
          lifecycle: ctx.input.lifecycle,
        },
        config.policy,
        broker,
      );
      if (problems.length) {
        throw new InputError(
          `Queue ${
            ctx.input.name
          } breaks the rules of broker ${broker}:\n${formatEntityProblems(
            problems,
          )}`,
        );
      }
      const client: RabbitMQManagementClient = brokers.client(broker);
      const { vhost, name } = resolved;
      const finish = (created: boolean) => {
        ctx.output('queueName', name);
        ctx.output('vhost', vhost);
        ctx.output('queueType', resolved.queueType);
        ctx.output('created', created);
      };

      // The exchanges it names must exist on the broker, in this vhost.
      const exchanges = [
        ...resolved.bindings.map(b => rabbitmqExchangeRefName(b.exchange)),
        ...(resolved.deadLetterExchange
          ? [rabbitmqExchangeRefName(resolved.deadLetterExchange)]
          : []),
      ].filter(e => !RABBITMQ_BUILTIN_EXCHANGES.includes(e));
      for (const exchange of [...new Set(exchanges)]) {
        const found = await call(broker, () =>
          client.getExchange(vhost, exchange),
        );
        if (!found) {
          throw new InputError(
            `Exchange ${exchange} does not exist in vhost ${vhost} on broker ${broker}; declare it first (a RabbitMQExchange entity and its exchange), or fix the name`,
          );
        }
      }

      const existing = await call(broker, () => client.getQueue(vhost, name));
      const bindingsOnBroker = existing
        ? await call(broker, () => client.queueBindings(vhost, name))
        : [];
      if (existing) {
        const drift = computeQueueDrift(
          asEntity(broker, resolved),
          existing,
          bindingsOnBroker,
        ).filter(d => d.field !== 'bindings');
        if (drift.length) {
          throw new InputError(
            `Queue ${name} already exists in vhost ${vhost} on broker ${broker} with other settings (${drift
              .map(
                d =>
                  `${d.field}: requested ${d.declared}, on the broker ${d.actual}`,
              )
              .join(
                '; ',
              )}). Interchange never alters an existing queue: choose another name or request the queue as it is.`,
          );
        }
      }
      const missingBindings = resolved.bindings.filter(
        b =>
          !bindingsOnBroker.some(
            o =>
              o.source === rabbitmqExchangeRefName(b.exchange) &&
              o.routingKey === b.routingKey,
          ),
      );
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: queue ${name} in vhost ${vhost} on broker ${broker} passes every check; ${
            existing ? 'it exists already' : 'it would be declared'
          }${
            missingBindings.length
              ? ` with ${missingBindings.length} binding(s)`
              : ''
          }. Nothing was changed.`,
        );
        finish(false);
        return;
      }

      if (!existing) {
        await ctx.checkpoint({
          key: `declare-queue-${broker}-${vhost}-${name}`,
          fn: async () => {
            await call(broker, () =>
              client.declareQueue(vhost, name, {
                durable: resolved.durable,
                arguments: brokerArguments(resolved),
              }),
            );
          },
        });
      }
      for (const b of missingBindings) {
        await call(broker, () =>
          client.bindQueue(
            vhost,
            rabbitmqExchangeRefName(b.exchange),
            name,
            b.routingKey,
          ),
        );
      }
      // Read back what the broker has.
      const after = await call(broker, () => client.getQueue(vhost, name));
      if (!after) {
        throw new ServiceUnavailableError(
          `Queue ${name} was declared on broker ${broker} but cannot be read back`,
        );
      }
      ctx.logger.info(
        existing
          ? `Queue ${name} already existed in vhost ${vhost} on broker ${broker} with the same settings${
              missingBindings.length
                ? `; added ${missingBindings.length} binding(s)`
                : ''
            }`
          : `Declared ${resolved.queueType} queue ${name} in vhost ${vhost} on broker ${broker} with ${resolved.bindings.length} binding(s)`,
      );
      finish(!existing);
    },
  });
}
