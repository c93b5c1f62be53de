export { kafkaClustersServiceRef } from './kafkaClustersServiceRef';
