import { expect } from 'chai';
import { createConsumerProgress } from '../src/consumer/consumer.progress.js';

function setup(positions: Record<number, number> = {}) {
  let clock = 1_000_000;
  const progress = createConsumerProgress({
    position: (p) => positions[p],
    stallTimeoutMs: 30_000,
    brokerSilenceMs: 15_000,
    now: () => clock,
  });
  return { progress, positions, advance: (ms: number) => (clock += ms) };
}

const ranges = (...highs: number[]) => new Map(highs.map((high, partition) => [partition, { low: 0, high }]));

describe('consumer progress', () => {
  it('is caught up only once every partition reached its end offset as of start, and stays so', () => {
    const { progress, positions } = setup();
    progress.startedFrom(ranges(3, 0));
    progress.statusChanged('running');
    expect(progress.view()).to.include({ caught_up_to_start: false, lag: 3 });

    positions[0] = 3;
    expect(progress.view()).to.include({ caught_up_to_start: true, lag: 0 });

    progress.endsSeen(ranges(5, 0));
    expect(progress.view()).to.include({ caught_up_to_start: true, lag: 2 });
  });

  it('when lag stays above zero with no batch past the stall timeout, reports the consumer as stalled', () => {
    const { progress, advance } = setup({ 0: 1 });
    progress.startedFrom(ranges(1));
    progress.statusChanged('running');
    progress.endsSeen(ranges(4));

    advance(29_000);
    expect(progress.view().stalled).to.equal(false);
    advance(2_000);
    expect(progress.view()).to.include({ stalled: true, lag: 3 });
  });

  it('when idle with nothing to read, is never stalled', () => {
    const { progress, advance } = setup({ 0: 4 });
    progress.startedFrom(ranges(4));
    progress.statusChanged('running');

    advance(60_000);
    progress.endsSeen(ranges(4));

    expect(progress.view()).to.include({ stalled: false, lag: 0, broker_reachable: true });
  });

  it('when the broker has not answered for a while, says so', () => {
    const { progress, advance } = setup();
    progress.startedFrom(ranges(0));

    advance(16_000);

    expect(progress.view().broker_reachable).to.equal(false);
  });

  it('flags a log that no longer starts at offset 0', () => {
    const { progress } = setup();

    progress.startedFrom(new Map([[0, { low: 10, high: 12 }]]));

    expect(progress.view()).to.include({ log_truncated: true, lag: 2 });
  });
});
