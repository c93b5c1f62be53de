export { InterchangeRelationsCard } from './InterchangeRelationsCard';
