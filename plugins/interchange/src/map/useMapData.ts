import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  buildIntegrationGraph,
  CheckFinding,
  FocusSet,
  focusSetOf,
  impact,
  IntegrationGraph,
  MAP_FIELDS,
  MAP_KINDS,
} from '@interchange/plugin-interchange-common';
import { interchangeApiRef } from '../api';
import { loadFindings, loadImpact, loadLayouts } from './mapApi';
import { prepareLayout, seedLayouts } from './layout';
import { MAP_MARKS, markMap } from './marks';

// Kinds and fields the map reads: shared with the backend, which builds the
// same graph to lay the company map out ahead of time.
export { MAP_FIELDS, MAP_KINDS };

export interface MapData {
  graph: IntegrationGraph;
  findings: CheckFinding[];
  /** Set when the checks API answered an error: the map shows no findings and says why. */
  findingsError?: Error;
}

/**
 * The company's integration graph, built in the browser from the catalog,
 * and the findings of the backend's scheduled checks. The layouts the
 * backend computed ahead of time are read at the same time and seed the
 * layout cache; with `warmUpLayout` (the map page, which draws the whole
 * company) and none of them (none computed yet, an error), ELK's workers
 * start and warm up while the catalog query is in flight.
 */
export function useMapData(options: { warmUpLayout?: boolean } = {}) {
  const { warmUpLayout = false } = options;
  const catalogApi = useApi(catalogApiRef);
  const interchangeApi = useApi(interchangeApiRef);
  return useAsyncRetry(async (): Promise<MapData> => {
    const [entities, findings] = await Promise.all([
      catalogApi
        .getEntities({
          filter: MAP_KINDS.map(kind => ({ kind })),
          fields: [...MAP_FIELDS],
        })
        .then(answer => {
          markMap(MAP_MARKS.catalog);
          return answer;
        }),
      loadFindings(interchangeApi).then(
        value => ({ value, error: undefined }),
        (error: Error) => ({ value: [] as CheckFinding[], error }),
      ),
      loadLayouts(interchangeApi).then(items => {
        if (items.length) seedLayouts(items);
        else if (warmUpLayout) prepareLayout();
      }),
    ]);
    const graph = buildIntegrationGraph(entities.items);
    markMap(MAP_MARKS.graph);
    return {
      graph,
      findings: findings.value,
      findingsError: findings.error,
    };
  }, [catalogApi, interchangeApi, warmUpLayout]);
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
