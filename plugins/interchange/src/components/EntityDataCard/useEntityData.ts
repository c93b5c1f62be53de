import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  CompoundEntityRef,
  getCompoundEntityRef,
} from '@backstage/catalog-model';
import { InterchangeApi, interchangeApiRef } from '../../api';

/** Reads something about the current entity from the Interchange backend. */
export type EntityDataLoader<T> = (
  api: InterchangeApi,
  entity: CompoundEntityRef,
) => Promise<T>;

/**
 * Loads `load(api, entityRef)` for the page's entity, again when the entity
 * changes or on `retry()`. The loader is read on each run, not a dependency:
 * callers pass an inline function.
 */
export function useEntityData<T>(load: EntityDataLoader<T>) {
  const { entity } = useEntity();
  const api = useApi(interchangeApiRef);
  const ref = getCompoundEntityRef(entity);
  return useAsyncRetry(
    () => load(api, ref),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, ref.kind, ref.namespace, ref.name],
  );
}
