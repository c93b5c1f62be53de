import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_MESH_IDENTITY,
  componentMeshIdentities,
  MeshComponent,
  MeshMayCall,
  RELATION_MAY_BE_CALLED_BY,
  RELATION_MAY_CALL,
  resolveMeshAccess,
} from '@interchange/plugin-interchange-common';
import {
  loadMeshPolicy,
  MeshConfig,
  MeshPolicy,
} from '@interchange/plugin-interchange-node';
import { ComponentIndex, ComponentSnapshot } from '../ingestion';

/** How long one read of the mesh files (and Consul) is used. */
export const MESH_POLICY_TTL_MS = 30_000;

/** The identities of the index's components; bad annotations are left out. */
export function meshComponentsOf(
  components: readonly Entity[],
): MeshComponent[] {
  const out: MeshComponent[] = [];
  for (const c of components) {
    try {
      out.push({
        ref: stringifyEntityRef(c),
        identities: componentMeshIdentities(
          c.metadata.name,
          c.metadata.annotations?.[ANNOTATION_MESH_IDENTITY],
        ),
      });
    } catch {
      // Reported on the component itself when it is processed.
    }
  }
  return out;
}

/**
 * Emits `mayCall` / `mayBeCalledBy` between components from the policy of
 * `interchange.meshes` (files and, for Consul, its intentions API): each
 * mesh's allow rules resolved to components through the shared
 * ComponentIndex (the `interchange.dev/mesh-identity` annotation, else the
 * component's name), with the mesh's own precedence, so a deny wins.
 *
 * Each component gets the pairs it is part of, on either side, so the
 * relations follow a component as the catalog reprocesses it. When the
 * policy cannot be read the component's processing fails, so the catalog
 * keeps the relations it had instead of dropping them.
 */
export class MeshAccessProcessor implements CatalogProcessor {
  readonly #meshes: MeshConfig[];
  readonly #components: ComponentIndex;
  readonly #logger: LoggerService;
  readonly #cwd: string;
  readonly #ttlMs: number;
  #policies?: { at: number; value: Promise<MeshPolicy[]> };
  #resolved?: {
    snapshot: ComponentSnapshot;
    policies: MeshPolicy[];
    byRef: Map<string, MeshMayCall[]>;
  };

  constructor(options: {
    meshes: MeshConfig[];
    components: ComponentIndex;
    logger: LoggerService;
    cwd?: string;
    ttlMs?: number;
  }) {
    this.#meshes = options.meshes;
    this.#components = options.components;
    this.#logger = options.logger;
    this.#cwd = options.cwd ?? process.cwd();
    this.#ttlMs = options.ttlMs ?? MESH_POLICY_TTL_MS;
  }

  getProcessorName(): string {
    return 'InterchangeMeshAccessProcessor';
  }

  #policiesNow(): Promise<MeshPolicy[]> {
    const now = Date.now();
    if (this.#policies && now - this.#policies.at <= this.#ttlMs) {
      return this.#policies.value;
    }
    const value = Promise.all(
      this.#meshes.map(m => loadMeshPolicy(m, { cwd: this.#cwd })),
    );
    const current = { at: now, value };
    this.#policies = current;
    value.catch(e => {
      if (this.#policies === current) this.#policies = undefined;
      this.#logger.warn(`Mesh policy not read: ${(e as Error).message}`);
    });
    return value;
  }

  async #pairsFor(ref: string): Promise<MeshMayCall[]> {
    const [policies, snapshot] = await Promise.all([
      this.#policiesNow(),
      this.#components.snapshot(),
    ]);
    if (
      this.#resolved?.snapshot !== snapshot ||
      this.#resolved.policies !== policies
    ) {
      const components = meshComponentsOf(snapshot.components);
      const byRef = new Map<string, MeshMayCall[]>();
      for (const p of policies) {
        const { mayCall } = resolveMeshAccess(p, components, p.defaults);
        for (const pair of mayCall) {
          for (const side of [pair.source, pair.destination]) {
            if (!byRef.has(side)) byRef.set(side, []);
            byRef.get(side)!.push(pair);
          }
        }
      }
      this.#resolved = { snapshot, policies, byRef };
    }
    return this.#resolved.byRef.get(ref) ?? [];
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (entity.kind.toLowerCase() !== 'component' || !this.#meshes.length) {
      return entity;
    }
    try {
      componentMeshIdentities(
        entity.metadata.name,
        entity.metadata.annotations?.[ANNOTATION_MESH_IDENTITY],
      );
    } catch (e) {
      // A typo in an annotation must not take the component out of the
      // catalog; it just gets no mesh relations, and the log says why.
      this.#logger.warn(
        `${stringifyEntityRef(entity)}: ${(e as Error).message}`,
      );
      return entity;
    }
    const self = stringifyEntityRef(entity);
    const pairs = await this.#pairsFor(self);
    for (const pair of pairs) {
      const source = parseEntityRef(pair.source);
      const target = parseEntityRef(pair.destination);
      emit(
        processingResult.relation({
          source,
          type: RELATION_MAY_CALL,
          target,
        }),
      );
      emit(
        processingResult.relation({
          source: target,
          type: RELATION_MAY_BE_CALLED_BY,
          target: source,
        }),
      );
    }
    return entity;
  }
}
