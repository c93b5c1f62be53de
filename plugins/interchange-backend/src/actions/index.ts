import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { ActionsContext } from './ActionsContext';
import { registerChecksAction } from './checksAction';
import { registerImpactAction } from './impactAction';
import { registerLagAction } from './lagAction';
import { registerValidateEntityAction } from './validateEntityAction';
import { registerWhoConsumesAction } from './whoConsumesAction';

/**
 * Interchange's answers as actions in Backstage's actions registry (ids
 * `interchange:<name>`), so MCP clients and other plugins can ask them.
 * Every action runs with the caller's credentials.
 */
export function registerInterchangeActions(
  registry: ActionsRegistryService,
  ctx: ActionsContext,
) {
  registerWhoConsumesAction(registry, ctx);
  registerImpactAction(registry, ctx);
  registerLagAction(registry, ctx);
  registerValidateEntityAction(registry, ctx);
  registerChecksAction(registry, ctx);
}
