export { kafkaClustersServiceRef } from './kafkaClustersServiceRef';
export { rabbitmqBrokersServiceRef } from './rabbitmqBrokersServiceRef';
