export { loadConfig, ConfigError } from './load-config.js';
export { port, logLevel, url, postgresUrl, brokerList, booleanFlag, positiveInt } from './variables.js';
