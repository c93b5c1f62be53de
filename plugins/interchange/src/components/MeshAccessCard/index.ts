export { MeshAccessCard } from './MeshAccessCard';
