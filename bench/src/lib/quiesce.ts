import pg from 'pg';
import { waitFor } from '@paymesh/infra/testing';
import type { BenchMesh } from './bench-mesh.js';

/**
 * Waits until the mesh has digested earlier rows' load: every outbox row of the bench topic
 * published, and analytics having processed as many events as the outbox ever held. A row that
 * measures latency must not share the cores with B3's backlog still draining.
 */
export async function waitForQuietMesh(mesh: BenchMesh, paymentDatabaseUrl: string, timeoutMs = 300_000): Promise<void> {
  const client = new pg.Client({ connectionString: paymentDatabaseUrl });
  await client.connect();
  try {
    await waitFor('the bench mesh to drain its outbox and fold every event', async () => {
      const { rows } = await client.query<{ total: string; unsent: string }>(
        'select count(*) as total, count(*) filter (where sent_at is null) as unsent from outbox where topic = $1',
        [mesh.topic],
      );
      const stats = (await (await fetch(`${mesh.urls.analytics}/stats`)).json()) as { events_processed: number };
      return Number(rows[0]?.unsent) === 0 && stats.events_processed >= Number(rows[0]?.total);
    }, timeoutMs, 250);
  } finally {
    await client.end();
  }
}
