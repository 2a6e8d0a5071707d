export { createLogger, runWithRequestId, currentRequestId, type Logger } from './logger.js';
