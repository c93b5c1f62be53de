import {
  DeferredEntity,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';

/**
 * An entity provider's connection that records what the provider applies:
 * one entry per mutation, the entities of a full one or those a delta adds.
 */
export function recordingConnection(): {
  connection: EntityProviderConnection;
  mutations: DeferredEntity[][];
} {
  const mutations: DeferredEntity[][] = [];
  return {
    mutations,
    connection: {
      applyMutation: async m => {
        mutations.push(m.type === 'full' ? m.entities : m.added);
      },
      refresh: async () => {},
    },
  };
}
