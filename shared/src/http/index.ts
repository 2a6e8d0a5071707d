export { createHttpApp, type HttpAppOptions } from './create-app.js';
export { startHttpServer, type RunningServer } from './server.js';
export { onShutdown } from './shutdown.js';
export { healthRoutes, type ReadinessChecks } from './health.js';
export { requestId, REQUEST_ID_HEADER } from './request-id.js';
export { requestLog } from './request-log.js';
export { errorHandler, notFoundHandler } from './error-handler.js';
