import { CheckRule } from './types';
import { syncCycleRule } from './rules/syncCycle';
import { sharedTopicWritersRule } from './rules/sharedTopicWriters';
import { chattySystemsRule } from './rules/chattySystems';
import { hubRule } from './rules/hub';
import { deepSyncChainRule } from './rules/deepSyncChain';
import { selfTopicRule } from './rules/selfTopic';
import { gatewayForInternalCallsRule } from './rules/gatewayForInternalCalls';
import { idleIntegrationRule } from './rules/idleIntegration';
import { orphanTopicRule } from './rules/orphanTopic';
import { writerlessTopicRule } from './rules/writerlessTopic';
import { unownedRule } from './rules/unowned';
import { unsignedWebhookRule } from './rules/unsignedWebhook';
import { weakWebhookSigningRule } from './rules/weakWebhookSigning';
import { publicRouteWithoutAuthRule } from './rules/publicRouteWithoutAuth';
import { topicWithoutSchemaRule } from './rules/topicWithoutSchema';
import { webhookWithoutRetryRule } from './rules/webhookWithoutRetry';
import { deprecatedDependencyRule } from './rules/deprecatedDependency';
import { gatewayRouteDriftRule, kafkaTopicDriftRule } from './rules/drift';
import { invalidExceptionRule } from './rules/invalidException';
import { meshUndeclaredCallRule } from './rules/meshUndeclaredCall';
import { meshDeclaredButDeniedRule } from './rules/meshDeclaredButDenied';
import { meshAllowAnyRule } from './rules/meshAllowAny';
import { meshUnusedAllowRule } from './rules/meshUnusedAllow';
import { rabbitmqBindingToUndeclaredExchangeRule } from './rules/rabbitmqBindingToUndeclaredExchange';
import { rabbitmqMissingDeadLetterExchangeRule } from './rules/rabbitmqMissingDeadLetterExchange';

/**
 * The rules Interchange ships, in the order of the documentation.
 *
 * @public
 */
export const BUILTIN_CHECK_RULES: readonly CheckRule[] = [
  syncCycleRule,
  sharedTopicWritersRule,
  chattySystemsRule,
  hubRule,
  deepSyncChainRule,
  selfTopicRule,
  gatewayForInternalCallsRule,
  idleIntegrationRule,
  orphanTopicRule,
  writerlessTopicRule,
  unownedRule,
  unsignedWebhookRule,
  weakWebhookSigningRule,
  publicRouteWithoutAuthRule,
  topicWithoutSchemaRule,
  webhookWithoutRetryRule,
  deprecatedDependencyRule,
  kafkaTopicDriftRule,
  gatewayRouteDriftRule,
  meshUndeclaredCallRule,
  meshDeclaredButDeniedRule,
  meshAllowAnyRule,
  meshUnusedAllowRule,
  rabbitmqBindingToUndeclaredExchangeRule,
  rabbitmqMissingDeadLetterExchangeRule,
  invalidExceptionRule,
];
