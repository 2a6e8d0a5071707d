import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { transactionsTopic, type TransactionEvent } from '@paymesh/shared/events';

export interface LedgerRow {
  id: string;
  user_id: string;
  amount_cents: number;
  description: string;
  is_paid: boolean;
}

export interface Ledger {
  rows: LedgerRow[];
  /** user_totals, the running total the cap is enforced against. */
  totals: Map<string, number>;
}

/** Everything payment-service committed: the campaign's database holds nothing else. */
export async function readLedger(databaseUrl: string): Promise<Ledger> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = await client.query<LedgerRow>('select id, user_id, amount_cents::int8::float8 as amount_cents, description, is_paid from transactions');
    const totals = await client.query<{ user_id: string; total_cents: number }>('select user_id, total_cents::float8 as total_cents from user_totals');
    return { rows: rows.rows, totals: new Map(totals.rows.map((r) => [r.user_id, r.total_cents])) };
  } finally {
    await client.end();
  }
}

export interface TopicContents {
  events: TransactionEvent[];
  /** Messages that are not a valid event: the producer validates, so there should be none. */
  malformed: number;
}

/** Every event on the transactions topic, read from the start to the end it has now. */
export async function readTopic(brokers: string[]): Promise<TopicContents> {
  const kafka = new Kafka({ clientId: 'chaos-checker', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(transactionsTopic.name);
  await admin.disconnect();
  const remaining = new Map(ends.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, Number(p.high)]));
  const events: TransactionEvent[] = [];
  let malformed = 0;
  if (remaining.size === 0) return { events, malformed };
  const consumer = kafka.consumer({ groupId: `chaos-checker-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: transactionsTopic.name, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    setTimeout(() => reject(new Error(`the topic was not read to its end within 60 s; ${remaining.size} partitions left`)), 60_000).unref();
    consumer
      .run({
        // eslint-disable-next-line @typescript-eslint/require-await -- kafkajs wants a promise; reading needs no I/O
        eachMessage: async ({ partition, message }) => {
          const parsed = transactionsTopic.schema.safeParse(JSON.parse(message.value?.toString('utf8') ?? 'null'));
          if (parsed.success) events.push(parsed.data);
          else malformed++;
          if (Number(message.offset) + 1 >= (remaining.get(partition) ?? 0)) remaining.delete(partition);
          if (remaining.size === 0) resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return { events, malformed };
}
