import type { IntegrationGraph } from '../graph';
import type { MeshComponent } from './access';
import { ANNOTATION_MESH_IDENTITY, componentMeshIdentities } from './identity';

/**
 * The graph's components with the mesh identities they run as (their
 * `interchange.dev/mesh-identity` annotation, else their name), and the
 * components whose annotation cannot be read, with why: those have no
 * identity, so no policy or traffic is mapped to them.
 *
 * @public
 */
export function meshComponentsOf(graph: IntegrationGraph): {
  components: MeshComponent[];
  invalidIdentities: { entityRef: string; message: string }[];
} {
  const components: MeshComponent[] = [];
  const invalidIdentities: { entityRef: string; message: string }[] = [];
  for (const node of graph.nodes.values()) {
    if (node.category !== 'component') continue;
    try {
      components.push({
        ref: node.ref,
        identities: componentMeshIdentities(
          node.name,
          node.entity?.metadata.annotations?.[ANNOTATION_MESH_IDENTITY],
        ),
      });
    } catch (e) {
      invalidIdentities.push({
        entityRef: node.ref,
        message: (e as Error).message,
      });
    }
  }
  return { components, invalidIdentities };
}
