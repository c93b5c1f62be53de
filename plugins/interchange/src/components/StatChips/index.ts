export { StatChips, type Stat } from './StatChips';
