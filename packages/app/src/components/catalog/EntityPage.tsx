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
    {half(
      <EntityCatalogGraphCard
        height={400}
        relations={graphRelations}
        relationPairs={graphRelationPairs}
      />,
    )}
  </>
);

/** A tab's grid of cards. */
function cards(content: ReactNode) {
  return (
    <Grid container spacing={3} alignItems="stretch">
      {content}
    </Grid>
  );
}

/** Cards one under the other, each the page's full width. */
function stackedCards(...stacked: ReactNode[]) {
  return cards(
    stacked.map((card, i) => (
      <Grid item xs={12} key={i}>
        {card}
      </Grid>
    )),
  );
}

/** An Overview tab: the entity's warnings first, then `content`. */
function overviewRoute(content: ReactNode) {
  return (
    <EntityLayout.Route path="/" title="Overview">
      {cards(
        <>
          {entityWarningContent}
          {content}
        </>,
      )}
    </EntityLayout.Route>
  );
}

/** A page with an Overview tab only. */
function overviewPage(content: ReactNode) {
  return <EntityLayout>{overviewRoute(content)}</EntityLayout>;
}

// About, graph and links: the top of the overview of most kinds.
const aboutGraphAndLinksContent = (
  <>
    {aboutAndGraphContent}
    <Grid item md={4} xs={12}>
      <EntityLinksCard />
    </Grid>
  </>
);

const componentOverviewContent = (
  <>
    {aboutGraphAndLinksContent}
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
  </>
);

const dependenciesRoute = (
  <EntityLayout.Route path="/dependencies" title="Dependencies">
    {cards(
      <>
        {half(<EntityDependsOnComponentsCard />)}
        {half(<EntityDependsOnResourcesCard />)}
      </>,
    )}
  </EntityLayout.Route>
);

const serviceEntityPage = (
  <EntityLayout>
    {overviewRoute(componentOverviewContent)}

    <EntityLayout.Route path="/ci-cd" title="CI/CD">
      {cicdContent}
    </EntityLayout.Route>

    <EntityLayout.Route path="/kafka" title="Kafka" if={hasKafkaConsumerGroups}>
      {stackedCards(
        <EntityKafkaConsumerGroupsCard title="Consumer group lag" />,
      )}
    </EntityLayout.Route>

    <EntityLayout.Route path="/api" title="API">
      {cards(
        <>
          {half(<EntityProvidedApisCard />)}
          {half(<EntityConsumedApisCard />)}
        </>,
      )}
    </EntityLayout.Route>

    {dependenciesRoute}
  </EntityLayout>
);

const websiteEntityPage = (
  <EntityLayout>
    {overviewRoute(componentOverviewContent)}

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

const defaultEntityPage = overviewPage(componentOverviewContent);

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
    {overviewRoute(
      <>
        {aboutGraphAndLinksContent}
        {full(<EntityIntegrationsCard title="Topics, webhooks and routes" />)}
        {full(<EntityRoutesCard />)}
        <Grid container item md={12}>
          {half(<EntityProvidingComponentsCard />)}
          {half(<EntityConsumingComponentsCard />)}
        </Grid>
      </>,
    )}

    <EntityLayout.Route path="/definition" title="Definition">
      {stackedCards(<EntityApiDefinitionCard />)}
    </EntityLayout.Route>
  </EntityLayout>
);

/**
 * KafkaTopic, GatewayRoute and Webhook entities (Interchange kinds).
 */
const integrationPage = (
  <EntityLayout>
    {overviewRoute(
      <>
        {half(<EntityInterchangeOverviewCard />)}
        {half(
          <EntityCatalogGraphCard
            height={400}
            title="Integration graph"
            relations={graphRelations}
            relationPairs={graphRelationPairs}
            maxDepth={1}
            unidirectional={false}
          />,
        )}
        {full(<EntityInterchangeRelationsCard />)}
        {full(<EntityIntegrationMapCard />)}
        {full(<EntityInterchangeChecksCard />)}
        {onlyIf(isGatewayRouteEntity, full(<EntityGatewayRouteDriftCard />))}
      </>,
    )}

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

const userPage = overviewPage(
  <>
    {half(<EntityUserProfileCard />)}
    {half(<EntityOwnershipCard />)}
  </>,
);

const groupPage = overviewPage(
  <>
    {half(<EntityGroupProfileCard />)}
    {half(<EntityOwnershipCard />)}
    {half(<EntityMembersListCard />)}
    {half(<EntityLinksCard />)}
    {full(<EntityInterchangeChecksCard />)}
  </>,
);

const systemPage = (
  <EntityLayout>
    {overviewRoute(
      <>
        {aboutGraphAndLinksContent}
        <Grid item md={8}>
          <EntityHasComponentsCard />
        </Grid>
        {half(<EntityHasApisCard />)}
        {half(<EntityHasResourcesCard />)}
        {full(<EntityIntegrationMapCard />)}
        {full(<EntityInterchangeChecksCard />)}
      </>,
    )}
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

const domainPage = overviewPage(
  <>
    {aboutAndGraphContent}
    {half(<EntityHasSystemsCard />)}
  </>,
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
