export { InterchangeOverviewCard } from './InterchangeOverviewCard';
