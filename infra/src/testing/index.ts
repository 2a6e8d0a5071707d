// Helpers for tests and benchmarks in every workspace: waiting on conditions, free ports, a JSON
// HTTP call, percentiles, and a real auth-service with real users and tokens.
export { freePort, isPortOpen, waitFor } from '../wait-for.js';
export { call, type CallInit, type JsonResponse } from './http.js';
export { median, percentile } from './percentile.js';
export {
  registerUser,
  sharedAuthService,
  startAuthService,
  stopSharedAuthService,
  uniqueUsername,
  type RegisteredUser,
  type RunningAuthService,
} from './auth-service.js';
