import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { JsonObject } from '@backstage/types';
import { emitInterchangeRelations } from '../processor/emitRelations';

/** The relations emitInterchangeRelations emits for `entity`, as sorted `source type target` lines. */
export function emittedRelationsOf(entity: Entity): string[] {
  const lines: string[] = [];
  emitInterchangeRelations(entity, (result: CatalogProcessorResult) => {
    if (result.type === 'relation') {
      const { source, type, target } = result.relation;
      lines.push(
        `${stringifyEntityRef(source)} ${type} ${stringifyEntityRef(target)}`,
      );
    }
  });
  return lines.sort();
}

/** An Interchange entity named `it` of `kind` with `spec`. */
export const interchangeEntity = (
  kind: string,
  spec: JsonObject,
  namespace = 'default',
): Entity => ({
  apiVersion: 'interchange.dev/v1alpha1',
  kind,
  metadata: { name: 'it', namespace },
  spec,
});
