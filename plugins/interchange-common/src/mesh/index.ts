export * from './types';
export {
  ANNOTATION_MESH_IDENTITY,
  componentMeshIdentities,
  formatMeshIdentity,
  isAnyIdentity,
  matchesGlob,
  meshIdentityMatches,
  parseMeshIdentity,
} from './identity';
export {
  MESH_FILE_MAX_BYTES,
  parseMeshConfig,
  parseMeshFiles,
} from './parseMeshConfig';
export type { ParseMeshConfigOptions } from './parseMeshConfig';
export { consulPrecedence, parseConsulIntentionsApi } from './consul';
export { evaluateMeshAccess } from './evaluate';
export type { MeshDecision, MeshDefaults } from './evaluate';
export { meshDecisionBetween, resolveMeshAccess } from './access';
export { meshComponentsOf } from './meshComponents';
export type {
  MeshAccessFacts,
  MeshComponent,
  MeshMayCall,
  MeshUnmappedIdentity,
} from './access';
export {
  compareMeshAccess,
  declaredCalls,
  meshRuleDestination,
} from './compareMeshAccess';
export type {
  MeshAccessComparison,
  MeshAccessData,
  MeshAccessPair,
  MeshAllowAny,
  MeshPairDecision,
} from './compareMeshAccess';
