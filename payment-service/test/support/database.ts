import pg from 'pg';

/** Direct access to the payment database, for arranging states the API cannot (a held lock, an old key). */
export async function connectPaymentDb(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: process.env.PAYMENT_DATABASE_URL });
  await client.connect();
  return client;
}
