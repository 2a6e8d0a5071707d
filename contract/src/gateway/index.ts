export { serviceHealthSchema, meshHealthSchema, opsSummarySchema, type ServiceHealth, type MeshHealth, type OpsSummary } from './health.schema.js';
