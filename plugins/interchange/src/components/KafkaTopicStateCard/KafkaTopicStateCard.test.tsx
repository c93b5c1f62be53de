import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { interchangeApiRef } from '../../api';
import { KafkaConsumerGroupsCard } from './KafkaConsumerGroupsCard';
import { KafkaTopicStateCard } from './KafkaTopicStateCard';

const topic: Entity = {
  apiVersion: 'interchange.dev/v1alpha1',
  kind: 'KafkaTopic',
  metadata: { name: 'orders.placed.v1', namespace: 'default', uid: 't1' },
  spec: { owner: 'team-a', cluster: 'prod-eu' },
};

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'billing',
    namespace: 'default',
    uid: 'c1',
    annotations: {
      'interchange.dev/kafka-consumer-groups':
        'prod-eu/billing,prod-us/billing',
    },
  },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};

/** What the backend's 503 says when a cluster cannot be reached. */
const UNREACHABLE =
  'cluster prod-eu unreachable: connection refused at 10.0.0.1:9092';

async function render(entity: Entity, api: object, card: JSX.Element) {
  await renderInTestApp(
    <TestApiProvider apis={[[interchangeApiRef, api]]}>
      <EntityProvider entity={entity}>{card}</EntityProvider>
    </TestApiProvider>,
  );
}

describe('Kafka cards say what is wrong instead of staying blank', () => {
  it('topic state: the cluster error, with its cause', async () => {
    await render(
      topic,
      {
        getKafkaTopicState: async () => {
          throw new Error(UNREACHABLE);
        },
      },
      <KafkaTopicStateCard />,
    );
    expect(
      await screen.findByText(/Could not read the topic's live state/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(new RegExp(UNREACHABLE)).length).toBeGreaterThan(
      0,
    );
  });

  it('topic state: a topic the cluster does not have', async () => {
    await render(
      topic,
      {
        getKafkaTopicState: async () => ({
          topic: 'orders.placed.v1',
          cluster: { id: 'prod-eu', title: 'Production (eu)' },
          state: { exists: false },
          drift: [],
        }),
      },
      <KafkaTopicStateCard />,
    );
    expect(
      await screen.findByText(/does not exist on cluster/),
    ).toHaveTextContent(
      'Topic orders.placed.v1 does not exist on cluster Production (eu).',
    );
  });

  it('consumer groups: one unreachable cluster among several is named, the rest still shown', async () => {
    await render(
      component,
      {
        getKafkaConsumerGroups: async () => ({
          items: [],
          errors: [{ cluster: 'prod-eu', message: UNREACHABLE }],
        }),
      },
      <KafkaConsumerGroupsCard />,
    );
    expect(await screen.findByText(UNREACHABLE)).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'consumer groups' })).toBeTruthy();
  });

  it('consumer groups: how to declare groups when there are none', async () => {
    await render(
      { ...component, metadata: { ...component.metadata, annotations: {} } },
      { getKafkaConsumerGroups: async () => ({ items: [], errors: [] }) },
      <KafkaConsumerGroupsCard />,
    );
    expect(
      await screen.findByText(
        'No consumer groups are declared. Add the annotation interchange.dev/kafka-consumer-groups: <cluster>/<group>.',
      ),
    ).toBeInTheDocument();
  });
});
