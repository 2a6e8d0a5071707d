import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { openDatabase as open, type Database as OpenDatabase, type DatabaseOptions } from '@paymesh/shared/postgres';
import * as schema from './schema.js';

/** The typed query handle repositories take. */
export type Db = NodePgDatabase<typeof schema>;
export type Database = OpenDatabase<typeof schema>;

export const openDatabase = (options: DatabaseOptions): Database => open(schema, options);
