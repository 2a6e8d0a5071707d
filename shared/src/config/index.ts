export { loadConfig, ConfigError } from './load-config.js';
export { port, host, logLevel, url, postgresUrl, brokerList, positiveInt } from './variables.js';
