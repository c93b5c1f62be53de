import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { CheckRule } from '@interchange/plugin-interchange-common';

/**
 * Adds integration check rules to the checks the Interchange backend runs
 * on the catalog (`GET /api/interchange/checks`, the findings page, the
 * strategy). The built-in rules are added through it too, so an adopter's
 * rule is configured (`interchange.checks.<id>`), excused
 * (`interchange.dev/check-exceptions`) and shown exactly like them.
 *
 * @public
 */
export interface InterchangeChecksExtensionPoint {
  /**
   * Adds a rule. Throws for an id that is not `family/name` or is already
   * taken, and once the Interchange backend plugin has started.
   */
  addRule(rule: CheckRule): void;
}

/**
 * Registered by the Interchange backend plugin
 * (`@interchange/plugin-interchange-backend`), so modules of the
 * `interchange` plugin (`pluginId: 'interchange'`) may depend on it; the
 * backend initialises them before the plugin.
 *
 * @public
 */
export const interchangeChecksExtensionPoint =
  createExtensionPoint<InterchangeChecksExtensionPoint>({
    id: 'interchange.checks',
  });
