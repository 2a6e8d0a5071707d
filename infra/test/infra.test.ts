import { expect } from 'chai';
import pg from 'pg';
import { loadInfraConfig } from '../src/config.js';
import { ensureInfra } from '../src/infra.js';

describe('infrastructure start-up', () => {
  it('when the broker and database already run, a second start reuses them and starts nothing', async () => {
    // Arrange: the global fixture has already brought them up.
    // Act
    const infra = await ensureInfra(loadInfraConfig(), () => undefined);
    // Assert
    expect(infra.started).to.deep.equal({ kafka: false, postgres: false });
    await infra.stop();
  });

  it("gives each service a role that reaches its own database and not the other's", async () => {
    const infra = await ensureInfra(loadInfraConfig(), () => undefined);
    const own = new pg.Client({ connectionString: infra.databaseUrls.payment });
    await own.connect();
    const { rows } = await own.query<{ db: string }>('select current_database() as db');
    await own.end();
    expect(rows[0]!.db).to.equal('payment');

    const crossing = new pg.Client({ connectionString: infra.databaseUrls.payment.replace(/\/payment$/, '/auth') });
    const error = await crossing.connect().then(() => null, (err: Error) => err);
    await crossing.end().catch(() => undefined);
    expect(error?.message).to.match(/permission denied/);
  });
});
