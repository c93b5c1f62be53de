import { ReactNode } from 'react';
import { Button, Grid } from '@material-ui/core';
import {
  EntityApiDefinitionCard,
  EntityConsumedApisCard,
  EntityConsumingComponentsCard,
  EntityHasApisCard,
  EntityProvidedApisCard,
  EntityProvidingComponentsCard,
} from '@backstage/plugin-api-docs';
import {
  EntityAboutCard,
  EntityDependsOnComponentsCard,
  EntityDependsOnResourcesCard,
  EntityHasComponentsCard,
  EntityHasResourcesCard,
  EntityHasSubcomponentsCard,
  EntityHasSystemsCard,
  EntityLayout,
  EntityLinksCard,
  EntitySwitch,
  EntitySwitchCaseProps,
  EntityOrphanWarning,
  EntityProcessingErrorsPanel,
  isComponentType,
  isKind,
  hasCatalogProcessingErrors,
  isOrphan,
  hasRelationWarnings,
  EntityRelationWarning,
} from '@backstage/plugin-catalog';
import {
  EntityUserProfileCard,
  EntityGroupProfileCard,
  EntityMembersListCard,
  EntityOwnershipCard,
} from '@backstage/plugin-org';
import { EmptyState } from '@backstage/core-components';
import {
  EntityIntegrationsCard,
  EntityIntegrationMapCard,
  EntityInterchangeChecksCard,
  EntityMeshAccessCard,
  EntityInterchangeOverviewCard,
  EntityInterchangeRelationsCard,
  EntityKafkaConsumerGroupsCard,
  EntityKafkaTopicStateCard,
  EntityWebhookDeliveriesCard,
  EntityRabbitMQQueueCard,
  EntityGatewayRouteDriftCard,
  EntityRoutesCard,
  hasKafkaConsumerGroups,
  isGatewayRouteEntity,
  isWebhookEntity,
  isRabbitMQQueueEntity,
  isKafkaTopicEntity,
  interchangeGraphRelationPairs,
  interchangeGraphRelations,
  isInterchangeEntity,
} from '@interchange/plugin-interchange';
import {
  ALL_RELATION_PAIRS,
  ALL_RELATIONS,
  Direction,
  EntityCatalogGraphCard,
} from '@backstage/plugin-catalog-graph';
import {
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
} from '@backstage/catalog-model';

// The catalog graph only draws relation types it knows: add Interchange's.
const graphRelations = [...ALL_RELATIONS, ...interchangeGraphRelations];
const graphRelationPairs = [
  ...ALL_RELATION_PAIRS,
  ...interchangeGraphRelationPairs,
];

const cicdContent = (
  // This is an example of how you can implement your company's logic in entity page.
  // You can for example enforce that all components of type 'service' should use GitHubActions
  <EntitySwitch>
    {/*
      Here you can add support for different CI/CD services, for example
      using @backstage-community/plugin-github-actions as follows:
      <EntitySwitch.Case if={isGithubActionsAvailable}>
        <EntityGithubActionsContent />
      </EntitySwitch.Case>
     */}
    <EntitySwitch.Case>
      <EmptyState
        title="No CI/CD available for this entity"
        missing="info"
        description="You need to add an annotation to your component if you want to enable CI/CD for it. You can read more about annotations in Backstage by clicking the button below."
        action={
          <Button
            variant="contained"
            color="primary"
            href="https://backstage.io/docs/features/software-catalog/well-known-annotations"
          >
            Read more
          </Button>
        }
      />
    </EntitySwitch.Case>
  </EntitySwitch>
);

/** A card across the page's full width. */
function full(card: ReactNode) {
  return (
    <Grid item xs={12}>
      {card}
    </Grid>
  );
}

/** A card on half the width of a wide screen, the full width of a small one. */
function half(card: ReactNode) {
  return (
    <Grid item md={6} xs={12}>
      {card}
    </Grid>
  );
}

/** Content shown only for entities that pass `test`. */
function onlyIf(test: EntitySwitchCaseProps['if'], content: ReactNode) {
  return (
    <EntitySwitch>
      <EntitySwitch.Case if={test}>{content}</EntitySwitch.Case>
    </EntitySwitch>
  );
}

const entityWarningContent = (
  <>
    {onlyIf(isOrphan, full(<EntityOrphanWarning />))}

    {onlyIf(hasRelationWarnings, full(<EntityRelationWarning />))}

    {onlyIf(hasCatalogProcessingErrors, full(<EntityProcessingErrorsPanel />))}
  </>
);

// The About card and the catalog graph (with Interchange's relations), side
// by side at the top of most overview pages.
const aboutAndGraphContent = (
  <>
    {half(<EntityAboutCard />)}
    <Grid item md={6} xs={12}>
      <EntityCatalogGraphCard
        height={400}
        relations={graphRelations}
        relationPairs={graphRelationPairs}
      />
    </Grid>
  </>
);

/** Cards one under the other, each the page's full width. */
function stackedCards(...cards: ReactNode[]) {
  return (
    <Grid container spacing={3} alignItems="stretch">
      {cards.map((card, i) => (
        <Grid item xs={12} key={i}>
          {card}
        </Grid>
      ))}
    </Grid>
  );
}

const overviewContent = (
  <Grid container spacing={3} alignItems="stretch">
    {entityWarningContent}
    {aboutAndGraphContent}

    <Grid item md={4} xs={12}>
      <EntityLinksCard />
    </Grid>
    <Grid item md={8} xs={12}>
      <EntityHasSubcomponentsCard />
    </Grid>
    {full(<EntityIntegrationsCard />)}
    <EntitySwitch>
      <EntitySwitch.Case if={isKind('component')}>
        {full(<EntityIntegrationMapCard />)}
        {full(<EntityInterchangeChecksCard />)}
        {full(<EntityMeshAccessCard />)}
      </EntitySwitch.Case>
    </EntitySwitch>
    {full(<EntityRoutesCard />)}
  </Grid>
);

const dependenciesRoute = (
  <EntityLayout.Route path="/dependencies" title="Dependencies">
    <Grid container spacing={3} alignItems="stretch">
      {half(<EntityDependsOnComponentsCard />)}
      {half(<EntityDependsOnResourcesCard />)}
    </Grid>
  </EntityLayout.Route>
);

const serviceEntityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      {overviewContent}
    </EntityLayout.Route>

    <EntityLayout.Route path="/ci-cd" title="CI/CD">
      {cicdContent}
    </EntityLayout.Route>

    <EntityLayout.Route path="/kafka" title="Kafka" if={hasKafkaConsumerGroups}>
      {stackedCards(
        <EntityKafkaConsumerGroupsCard title="Consumer group lag" />,
      )}
    </EntityLayout.Route>

    <EntityLayout.Route path="/api" title="API">
      <Grid container spacing={3} alignItems="stretch">
        {half(<EntityProvidedApisCard />)}
        {half(<EntityConsumedApisCard />)}
      </Grid>
    </EntityLayout.Route>

    {dependenciesRoute}
  </EntityLayout>
);

const websiteEntityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      {overviewContent}
    </EntityLayout.Route>

    <EntityLayout.Route path="/ci-cd" title="CI/CD">
      {cicdContent}
    </EntityLayout.Route>

    {dependenciesRoute}
  </EntityLayout>
);

/**
 * NOTE: This page is designed to work on small screens such as mobile devices.
 * This is based on Material UI Grid. If breakpoints are used, each grid item must set the `xs` prop to a column size or to `true`,
 * since this does not default. If no breakpoints are used, the items will equitably share the available space.
 * https://material-ui.com/components/grid/#basic-grid.
 */

const defaultEntityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      {overviewContent}
    </EntityLayout.Route>
  </EntityLayout>
);

const componentPage = (
  <EntitySwitch>
    <EntitySwitch.Case if={isComponentType('service')}>
      {serviceEntityPage}
    </EntitySwitch.Case>

    <EntitySwitch.Case if={isComponentType('website')}>
      {websiteEntityPage}
    </EntitySwitch.Case>

    <EntitySwitch.Case>{defaultEntityPage}</EntitySwitch.Case>
  </EntitySwitch>
);

const apiPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <Grid container spacing={3}>
        {entityWarningContent}
        {aboutAndGraphContent}
        <Grid item md={4} xs={12}>
          <EntityLinksCard />
        </Grid>
        {full(<EntityIntegrationsCard title="Topics, webhooks and routes" />)}
        {full(<EntityRoutesCard />)}
        <Grid container item md={12}>
          {half(<EntityProvidingComponentsCard />)}
          {half(<EntityConsumingComponentsCard />)}
        </Grid>
      </Grid>
    </EntityLayout.Route>

    <EntityLayout.Route path="/definition" title="Definition">
      <Grid container spacing={3}>
        {full(<EntityApiDefinitionCard />)}
      </Grid>
    </EntityLayout.Route>
  </EntityLayout>
);

/**
 * KafkaTopic, GatewayRoute and Webhook entities (Interchange kinds).
 */
const integrationPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <Grid container spacing={3} alignItems="stretch">
        {entityWarningContent}
        {half(<EntityInterchangeOverviewCard />)}
        <Grid item md={6} xs={12}>
          <EntityCatalogGraphCard
            height={400}
            title="Integration graph"
            relations={graphRelations}
            relationPairs={graphRelationPairs}
            maxDepth={1}
            unidirectional={false}
          />
        </Grid>
        {full(<EntityInterchangeRelationsCard />)}
        {full(<EntityIntegrationMapCard />)}
        {full(<EntityInterchangeChecksCard />)}
        {onlyIf(isGatewayRouteEntity, full(<EntityGatewayRouteDriftCard />))}
      </Grid>
    </EntityLayout.Route>

    <EntityLayout.Route
      path="/kafka"
      title="Live state"
      if={isKafkaTopicEntity}
    >
      {stackedCards(
        <EntityKafkaConsumerGroupsCard />,
        <EntityKafkaTopicStateCard />,
      )}
    </EntityLayout.Route>

    <EntityLayout.Route
      path="/rabbitmq"
      title="Live state"
      if={isRabbitMQQueueEntity}
    >
      {stackedCards(<EntityRabbitMQQueueCard />)}
    </EntityLayout.Route>

    <EntityLayout.Route
      path="/deliveries"
      title="Deliveries"
      if={isWebhookEntity}
    >
      {stackedCards(<EntityWebhookDeliveriesCard />)}
    </EntityLayout.Route>
  </EntityLayout>
);

const userPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <Grid container spacing={3}>
        {entityWarningContent}
        {half(<EntityUserProfileCard />)}
        {half(<EntityOwnershipCard />)}
      </Grid>
    </EntityLayout.Route>
  </EntityLayout>
);

const groupPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <Grid container spacing={3}>
        {entityWarningContent}
        {half(<EntityGroupProfileCard />)}
        {half(<EntityOwnershipCard />)}
        {half(<EntityMembersListCard />)}
        {half(<EntityLinksCard />)}
        {full(<EntityInterchangeChecksCard />)}
      </Grid>
    </EntityLayout.Route>
  </EntityLayout>
);

const systemPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <Grid container spacing={3} alignItems="stretch">
        {entityWarningContent}
        {aboutAndGraphContent}
        <Grid item md={4} xs={12}>
          <EntityLinksCard />
        </Grid>
        <Grid item md={8}>
          <EntityHasComponentsCard />
        </Grid>
        {half(<EntityHasApisCard />)}
        {half(<EntityHasResourcesCard />)}
        {full(<EntityIntegrationMapCard />)}
        {full(<EntityInterchangeChecksCard />)}
      </Grid>
    </EntityLayout.Route>
    <EntityLayout.Route path="/diagram" title="Diagram">
      <EntityCatalogGraphCard
        direction={Direction.TOP_BOTTOM}
        title="System Diagram"
        height={700}
        relations={[
          RELATION_PART_OF,
          RELATION_HAS_PART,
          RELATION_API_CONSUMED_BY,
          RELATION_API_PROVIDED_BY,
          RELATION_CONSUMES_API,
          RELATION_PROVIDES_API,
          RELATION_DEPENDENCY_OF,
          RELATION_DEPENDS_ON,
        ]}
        unidirectional={false}
      />
    </EntityLayout.Route>
  </EntityLayout>
);

const domainPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <Grid container spacing={3} alignItems="stretch">
        {entityWarningContent}
        {aboutAndGraphContent}
        {half(<EntityHasSystemsCard />)}
      </Grid>
    </EntityLayout.Route>
  </EntityLayout>
);

export const entityPage = (
  <EntitySwitch>
    <EntitySwitch.Case if={isKind('component')} children={componentPage} />
    <EntitySwitch.Case if={isInterchangeEntity} children={integrationPage} />
    <EntitySwitch.Case if={isKind('api')} children={apiPage} />
    <EntitySwitch.Case if={isKind('group')} children={groupPage} />
    <EntitySwitch.Case if={isKind('user')} children={userPage} />
    <EntitySwitch.Case if={isKind('system')} children={systemPage} />
    <EntitySwitch.Case if={isKind('domain')} children={domainPage} />

    <EntitySwitch.Case>{defaultEntityPage}</EntitySwitch.Case>
  </EntitySwitch>
);
