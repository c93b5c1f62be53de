import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import {
  RATE_LIMIT_PERIODS,
  ROUTE_AUTHENTICATIONS,
} from '@interchange/plugin-interchange-common';
import {
  renderHttpRoute,
  renderKongRoute,
  routeInputProblems,
} from './renderRoute';

/**
 * `interchange:gateway:render-route`: renders a route as Kong decK YAML or a
 * Gateway API HTTPRoute into the workspace. Gateway configuration changes by
 * pull request, reviewed like code; this action never calls a gateway.
 *
 * @public
 */
export function createGatewayRenderRouteAction() {
  return createTemplateAction({
    id: 'interchange:gateway:render-route',
    description:
      'Renders a gateway route as Kong declarative config (decK) or a Kubernetes Gateway API HTTPRoute file in the workspace',
    supportsDryRun: true,
    examples: [
      {
        description: 'A Kong route with key-auth and a rate limit',
        example: yaml.stringify({
          steps: [
            {
              id: 'route',
              action: 'interchange:gateway:render-route',
              name: 'Render route',
              input: {
                format: 'kong',
                name: 'orders-public',
                paths: ['/v1/orders'],
                methods: ['GET', 'POST'],
                hosts: ['api.example.com'],
                upstreamUrl: 'http://order-service.orders.svc:8080',
                authentication: 'api-key',
                rateLimit: { requests: 100, period: 'minute' },
              },
            },
          ],
        }),
      },
    ],
    schema: {
      input: {
        format: z =>
          z.enum(['kong', 'gateway-api'], {
            description: 'kong (decK file) or gateway-api (HTTPRoute)',
          }),
        name: z => z.string({ description: 'Route name' }),
        paths: z =>
          z.array(z.string(), {
            description: "Paths, each starting with '/' ('~/' for a regex)",
          }),
        methods: z => z.array(z.string()).optional(),
        hosts: z => z.array(z.string()).optional(),
        upstreamUrl: z =>
          z.string({ description: 'Kong: the service URL' }).optional(),
        backendService: z =>
          z
            .string({ description: 'Gateway API: backend Service name' })
            .optional(),
        backendPort: z =>
          z
            .number({ description: 'Gateway API: backend Service port' })
            .int()
            .optional(),
        gatewayName: z =>
          z
            .string({ description: 'Gateway API: parent Gateway name' })
            .optional(),
        namespace: z => z.string().optional(),
        authentication: z => z.enum(ROUTE_AUTHENTICATIONS).optional(),
        rateLimit: z =>
          z
            .object({
              requests: z
                .number({ description: '0 means no rate limit' })
                .int()
                .min(0),
              period: z.enum(RATE_LIMIT_PERIODS),
            })
            .optional(),
        targetPath: z =>
          z
            .string({
              description:
                'File to write, relative to the workspace. Default gateway/<name>.kong.yaml or gateway/<name>.httproute.yaml',
            })
            .optional(),
      },
      output: {
        filePath: z => z.string({ description: 'The written file' }),
      },
    },
    async handler(ctx) {
      const { format, rateLimit, ...rest } = ctx.input;
      // Forms use 0 for "no limit".
      const input = {
        ...rest,
        rateLimit: rateLimit?.requests ? rateLimit : undefined,
      };
      const problems = routeInputProblems(format, input);
      if (problems.length) {
        throw new InputError(
          `Route ${
            input.name
          } cannot be rendered for ${format}:\n${problems.join('\n')}`,
        );
      }
      const rendered =
        format === 'kong' ? renderKongRoute(input) : renderHttpRoute(input);
      rendered.notes.forEach(note => ctx.logger.warn(note));
      const filePath =
        ctx.input.targetPath ??
        `gateway/${input.name}.${
          format === 'kong' ? 'kong' : 'httproute'
        }.yaml`;
      const target = resolveSafeChildPath(ctx.workspacePath, filePath);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, yaml.stringify(rendered.document), 'utf8');
      ctx.logger.info(`Wrote ${format} route ${input.name} to ${filePath}`);
      ctx.output('filePath', filePath);
    },
  });
}
