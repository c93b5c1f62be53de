export { EntityRoutesCard } from './EntityRoutesCard';
