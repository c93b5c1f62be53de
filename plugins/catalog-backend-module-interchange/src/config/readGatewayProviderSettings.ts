import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { readProviderSchedule } from './providerEntries';

/** `catalog.providers.interchangeGateways`, with defaults. */
export interface GatewayProviderSettings {
  /** Owner of routes whose upstream matches no component. */
  defaultOwner: string;
  /** System of routes whose upstream matches no component. */
  defaultSystem?: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/**
 * Reads `catalog.providers.interchangeGateways`: the defaults of the gateway
 * route providers and of files listed by `interchange-gateway-config`
 * Locations. The gateways themselves are `interchange.gateways`
 * (`readGateways` in `@interchange/plugin-interchange-node`).
 */
export function readGatewayProviderSettings(
  config: Config,
): GatewayProviderSettings {
  const c = config.getOptionalConfig('catalog.providers.interchangeGateways');
  return {
    defaultOwner:
      c?.getOptionalString('defaultOwner') ?? 'group:default/platform',
    defaultSystem: c?.getOptionalString('defaultSystem'),
    schedule: readProviderSchedule(c, {
      frequency: { minutes: 30 },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 15 },
    }),
  };
}
