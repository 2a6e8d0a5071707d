import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { topicOffsetRanges } from '@paymesh/shared/kafka';
import { createSnapshotStore, type SnapshotStore } from '../src/snapshots/snapshot.store.js';
import { connection, deleteCreatedTopics, uniqueTopics } from './support/kafka.js';

/** Larger than two of the store's chunks, so every snapshot is written as several records. */
const snapshotBytes = () => randomBytes(1_200_000);

describe('snapshot store: finding the newest snapshot', () => {
  let snapshotTopic: string;
  let sourceTopic: string;
  const opened: SnapshotStore[] = [];
  const storeFor = (source: string) => {
    const store = createSnapshotStore({ connection: connection(), topic: snapshotTopic, sourceTopic: source, groupPrefix: 'analytics-test-snapshot-store' });
    opened.push(store);
    return store;
  };

  beforeEach(async () => {
    ({ topic: sourceTopic } = await uniqueTopics(1));
    snapshotTopic = `${sourceTopic}.analytics-snapshots`;
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  after(async () => {
    await deleteCreatedTopics();
  });

  it('when the topic still holds many superseded snapshots, loads the newest and reads only the records at its end', async () => {
    const writer = storeFor(sourceTopic);
    const written: Buffer[] = [];
    for (let i = 0; i < 6; i++) {
      written.push(snapshotBytes());
      await writer.save(written.at(-1)!);
    }
    const records = (await topicOffsetRanges(connection(), snapshotTopic)).get(0)!.high;

    const loaded = await storeFor(sourceTopic).load();

    expect(loaded, 'the newest snapshot').to.have.property('bytes').that.deep.equals(written.at(-1));
    expect(loaded.recordsRead, `records read of the ${records} in the topic`).to.be.below(records / 2);
  });

  it('when another topic\'s snapshots were written after this one\'s, and between its chunks, still loads this topic\'s newest whole', async () => {
    const mine = storeFor(sourceTopic);
    const other = storeFor(`${sourceTopic}-other`);
    const older = snapshotBytes();
    const newest = snapshotBytes();
    await mine.save(older);
    const otherWrites = async () => {
      for (let i = 0; i < 5; i++) await other.save(snapshotBytes());
    };

    await Promise.all([mine.save(newest), otherWrites()]);
    const loaded = await storeFor(sourceTopic).load();

    expect(loaded, 'this topic\'s newest snapshot').to.have.property('bytes').that.deep.equals(newest);
  });

  it('when the topic holds no snapshot of this source topic, says so', async () => {
    await storeFor(`${sourceTopic}-other`).save(snapshotBytes());

    const loaded = await storeFor(sourceTopic).load();

    expect(loaded).to.deep.include({ missing: 'no snapshot written yet' });
  });
});
