export { EntityDataCard } from './EntityDataCard';
export { useEntityData } from './useEntityData';
export type { EntityDataLoader } from './useEntityData';
