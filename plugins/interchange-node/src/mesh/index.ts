export { ConsulIntentionsClient } from './ConsulIntentionsClient';
export { loadMeshPolicy, listMeshFiles } from './loadMeshPolicy';
export type { MeshPolicy } from './loadMeshPolicy';
