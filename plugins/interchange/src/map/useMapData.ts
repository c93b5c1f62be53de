import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  buildIntegrationGraph,
  CheckFinding,
  DEFAULT_INTEGRATION_KINDS,
  impact,
  IntegrationGraph,
} from '@interchange/plugin-interchange-common';
import { interchangeApiRef } from '../api';
import { loadFindings, loadImpact } from './mapApi';
import { focusSetOf } from './focus';
import { FocusSet } from './mapModel';
import { MAP_MARKS, markMap } from './marks';

/** Kinds the map draws or reads (owners come from `spec.owner`/`ownedBy`). */
export const MAP_KINDS = [
  'Component',
  'System',
  'API',
  ...DEFAULT_INTEGRATION_KINDS.map(k => k.kind),
];

/**
 * Only what buildIntegrationGraph reads: names, a few spec fields, the
 * relations, and the spec fields naming writers, readers and calls (the
 * graph reads those too, so the map stays right where a processor did not
 * emit the relations).
 */
export const MAP_FIELDS = [
  ...new Set(
    [
      ...DEFAULT_INTEGRATION_KINDS.flatMap(k => [
        ...k.writers,
        ...k.readers,
        ...(k.links ?? []),
      ]).map(f => f.field),
      'producesTo',
      'consumesFrom',
      'consumesApis',
      'providesApis',
      'dependsOn',
    ].map(f => `spec.${f}`),
  ),
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.owner',
  'spec.system',
  'spec.lifecycle',
  'spec.type',
  'spec.url',
  'relations',
];

export interface MapData {
  graph: IntegrationGraph;
  findings: CheckFinding[];
  /** Set when the checks API answered an error: the map shows no findings and says why. */
  findingsError?: Error;
}

/**
 * The company's integration graph, built in the browser from the catalog,
 * and the findings of the backend's scheduled checks.
 */
export function useMapData() {
  const catalogApi = useApi(catalogApiRef);
  const interchangeApi = useApi(interchangeApiRef);
  return useAsyncRetry(async (): Promise<MapData> => {
    const [entities, findings] = await Promise.all([
      catalogApi
        .getEntities({
          filter: MAP_KINDS.map(kind => ({ kind })),
          fields: MAP_FIELDS,
        })
        .then(answer => {
          markMap(MAP_MARKS.catalog);
          return answer;
        }),
      loadFindings(interchangeApi).then(
        value => ({ value, error: undefined }),
        (error: Error) => ({ value: [] as CheckFinding[], error }),
      ),
    ]);
    const graph = buildIntegrationGraph(entities.items);
    markMap(MAP_MARKS.graph);
    return {
      graph,
      findings: findings.value,
      findingsError: findings.error,
    };
  }, [catalogApi, interchangeApi]);
}

export interface FocusAnswer {
  set: FocusSet;
  /** Where the answer came from: the impact API, or the same `impact` run in the browser. */
  source: 'api' | 'browser';
  /** Why the browser computed it (the impact API's error). */
  apiError?: Error;
  downstream: Awaited<ReturnType<typeof loadImpact>>;
  upstream: Awaited<ReturnType<typeof loadImpact>>;
}

/**
 * Focus mode: what depends on `entityRef` and what it depends on, `depth`
 * hops each way, from the backend's impact API. When the API answers an
 * error the same pure `impact` runs on the browser's graph (same answer,
 * same code) and the map says so.
 */
export function useFocus(
  graph: IntegrationGraph | undefined,
  entityRef: string | undefined,
  depth: number,
) {
  const interchangeApi = useApi(interchangeApiRef);
  return useAsync(async (): Promise<FocusAnswer | undefined> => {
    if (!graph || !entityRef) return undefined;
    try {
      const [downstream, upstream] = await Promise.all([
        loadImpact(interchangeApi, entityRef, 'downstream', depth),
        loadImpact(interchangeApi, entityRef, 'upstream', depth),
      ]);
      return {
        set: focusSetOf(downstream.entityRef, downstream, upstream),
        source: 'api',
        downstream,
        upstream,
      };
    } catch (error) {
      const downstream = impact(graph, entityRef, {
        direction: 'downstream',
        depth,
      });
      const upstream = impact(graph, entityRef, {
        direction: 'upstream',
        depth,
      });
      return {
        set: focusSetOf(downstream.entityRef, downstream, upstream),
        source: 'browser',
        apiError: error as Error,
        downstream,
        upstream,
      };
    }
  }, [graph, entityRef, depth, interchangeApi]);
}
