import pg from 'pg';

export interface ServiceDatabase {
  name: string;
  role: string;
  password: string;
}

/** The databases of the mesh: one per service that keeps state, each with its own role. */
export const SERVICE_DATABASES: ServiceDatabase[] = [
  { name: 'auth', role: 'auth', password: 'auth' },
  { name: 'payment', role: 'payment', password: 'payment' },
];

export function databaseUrl(port: number, db: ServiceDatabase): string {
  return `postgres://${db.role}:${encodeURIComponent(db.password)}@localhost:${port}/${db.name}`;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * Creates each service's role and database if missing, and locks every database to its own
 * role: a compromised payment-service cannot read the auth database, and the reverse.
 */
export async function ensureServiceDatabases(superuserUrl: string, databases = SERVICE_DATABASES): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    for (const db of databases) {
      const role = await client.query('select 1 from pg_roles where rolname = $1', [db.role]);
      if (role.rowCount === 0) {
        await client.query(`create role ${ident(db.role)} login password ${literal(db.password)}`);
      }
      const exists = await client.query('select 1 from pg_database where datname = $1', [db.name]);
      if (exists.rowCount === 0) await client.query(`create database ${ident(db.name)} owner ${ident(db.role)}`);
      await client.query(`revoke all on database ${ident(db.name)} from public`);
      await client.query(`grant all on database ${ident(db.name)} to ${ident(db.role)}`);
    }
  } finally {
    await client.end();
  }
}
