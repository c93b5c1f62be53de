export * from './names';
export * from './queueArguments';
export * from './liveState';
export * from './queueStatus';
export * from './drift';
export * from './definitions';
export * from './queuePolicy';
export * from './prometheusQueueMetrics';
