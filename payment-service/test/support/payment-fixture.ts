import type pg from 'pg';
import { paymentApi, type PaymentApi } from './api.js';
import { newUser } from './auth.js';
import { connectPaymentDb } from './database.js';
import { startPaymentService, type TestPaymentService } from './payment-service.js';

export interface PaymentFixture {
  service: TestPaymentService;
  db: pg.Client;
  /** A new user for every test, so no test sees another's rows. */
  user: Awaited<ReturnType<typeof newUser>>;
  api: PaymentApi;
  /** How many transactions the current user has in the database. */
  rowsOfUser(): Promise<number>;
}

/**
 * Registers the hooks most component tests share: one payment-service and a database client for
 * the suite, a fresh user and API client for each test. Call it inside a describe.
 */
export function usePaymentService(env: Record<string, string> = {}): PaymentFixture {
  const fixture = {
    async rowsOfUser() {
      const result = await fixture.db.query<{ n: string }>('select count(*) as n from transactions where user_id = $1', [fixture.user.id]);
      return Number(result.rows[0]!.n);
    },
  } as PaymentFixture;
  before(async () => {
    fixture.service = await startPaymentService(env);
    fixture.db = await connectPaymentDb();
  });
  after(async () => {
    await fixture.service.stop();
    await fixture.db.end();
  });
  beforeEach(async () => {
    fixture.user = await newUser();
    fixture.api = paymentApi(fixture.service.url, fixture.user.token);
  });
  return fixture;
}
