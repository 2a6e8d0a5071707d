export { postgresLimitsSchema, postgresConnection, type PostgresConnection, type PostgresLimits } from './session-limits.js';
export { databaseErrorToAppError, mapDatabaseErrors, postgresReportOf } from './database-errors.js';
export { openPool, type PoolOptions } from './pool.js';
export { migrateDatabase, openDatabase, type Database, type DatabaseOptions } from './database.js';
