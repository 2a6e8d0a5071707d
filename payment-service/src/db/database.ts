import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { openDatabase as open, type Database as OpenDatabase, type DatabaseOptions } from '@paymesh/shared/postgres';
import * as schema from './schema.js';

export type Db = NodePgDatabase<typeof schema>;
/** A drizzle transaction: what every write inside a use case runs on. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the pool or an open transaction: repositories work on both. */
export type Executor = Db | Tx;

export type Database = OpenDatabase<typeof schema>;

export const openDatabase = (options: DatabaseOptions): Database => open(schema, options);
