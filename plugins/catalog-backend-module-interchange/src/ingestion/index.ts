/*
 * The one ingestion path for configuration files: read (with the local-file
 * safety rules), parse (through the format registry), link to components
 * (one cached component index), map to entities. Used by the gateway
 * providers and the configuration-file Location types
 * (`interchange-gateway-config`, `interchange-rabbitmq-definitions`) alike.
 */
export * from './readConfigFile';
export * from './readLocationFiles';
export * from './configFileLocationType';
export * from './parseConfigFile';
export * from './componentIndex';
export * from './linkToComponents';
export * from './mapToEntities';
export * from './chooseGateway';
export * from './configFormats';
