import { pidsOf } from '../lib/cpu-time.js';
import { interleaved } from '../lib/interleave.js';
import { measureAudience, type AudienceRound } from '../lib/audience-round.js';
import type { BenchRow } from '../lib/row.js';
import { fmt, median, percentile } from '../lib/stats.js';
import { registerUsers } from '../lib/users.js';

const VIEWERS = 2000;
const RATE = 40;

const ms = (values: number[]) => `p50 ${fmt(percentile(values, 50))} ms, p99 ${fmt(percentile(values, 99))} ms`;
const cores = (r: AudienceRound) =>
  Object.entries(r.cpu)
    .filter(([, share]) => Number.isFinite(share))
    .map(([name, share]) => `${name} ${Math.round(share * 100)} %`)
    .join(' · ');

export const b11DashboardAudience: BenchRow = {
  id: 'B11',
  title: `${VIEWERS.toLocaleString('en-US')} live dashboard viewers through the gateway against 1: each update's delay to each viewer (p99), upstream streams, gateway RSS`,
  target: 'p99 ≤ 1 s, no update missed; upstream streams ≤ 1 per gateway process',
  needs: ['gateway', 'auth-service', 'payment-service', 'analytics-service'],
  method:
    `Rounds alternate 1 viewer and ${VIEWERS.toLocaleString('en-US')} viewers of GET /analytics/stats/stream through the gateway (its default ` +
    '250 ms interval). The first viewer is in the bench process; the others are in a process of their own ' +
    '(bench/src/lib/sse-viewer-worker.ts: node:http and a line split, no JSON parsing), each group of the gateway\'s ' +
    'per-client cap (STREAM_MAX_PER_CLIENT) connecting from its own loopback address, as separate clients would. While ' +
    `viewers watch, transactions are created through the gateway at a steady ${RATE}/s. Every update the first viewer sees is ` +
    'looked up by its data in every other viewer: delay = arrival − the update\'s own last_event_time (the newest ' +
    'transaction it counts; so it includes the relay, Kafka, the fold and the 250 ms coalescing), and arrival − the first ' +
    'viewer\'s arrival. Upstream streams are what analytics says it holds open (its analytics_open_streams gauge, ' +
    'scraped every 500 ms; the bench opens no stream of its own to analytics), at most over the round; beside them, the ' +
    'established TCP connections the gateway process holds to analytics\' port (/proc/net/tcp), which also counts its ' +
    'keep-alive sockets for /ready checks and proxied requests. Gateway RSS from /proc/<pid>/status.',
  async run(ctx) {
    const mesh = await ctx.mesh();
    const viewers = ctx.quick ? 50 : VIEWERS;
    const users = await registerUsers(mesh.urls.auth, ctx.quick ? 2 : 10, 'b11');
    const pids = pidsOf({ gateway: mesh.urls.gateway, analytics: mesh.urls.analytics });
    if (pids.gateway === undefined) throw new Error('no process is listening on the gateway\'s port');
    const setup = {
      mesh,
      users,
      gatewayPid: pids.gateway,
      analyticsPid: pids.analytics,
      perAddress: Number(mesh.env.STREAM_MAX_PER_CLIENT),
      durationSec: ctx.seconds(20, 4),
      ratePerSec: RATE,
    };
    const { a: alone, b: crowded } = await interleaved(ctx.rounds(2), () => measureAudience(setup, 1), () => measureAudience(setup, viewers));
    const all = (rounds: AudienceRound[], key: 'sinceEvent' | 'behindFirst') => rounds.flatMap((r) => r[key]);
    const p99s = crowded.map((r) => percentile(r.sinceEvent, 99));
    // One gateway process in the bench mesh, so every stream analytics holds is that gateway's.
    const upstreamStreams = Math.max(...crowded.map((r) => r.streamsDuring));
    const missed = crowded.reduce((n, r) => n + r.missed, 0);
    const rssAlone = median(alone.map((r) => r.gatewayRssMb));
    const rssCrowded = median(crowded.map((r) => r.gatewayRssMb));
    const refused = crowded.flatMap((r) => Object.entries(r.refused)).map(([why, n]) => `${n} × ${why}`);
    return {
      figures: [
        `${viewers.toLocaleString('en-US')} viewers: event → each viewer ${ms(all(crowded, 'sinceEvent'))}; behind the first viewer ${ms(all(crowded, 'behindFirst'))}, max ${fmt(all(crowded, 'behindFirst').reduce((a, b) => Math.max(a, b), 0))} ms`,
        `1 viewer: event → viewer ${ms(all(alone, 'sinceEvent'))}`,
        `updates per round: ${crowded.map((r) => r.updates).join(' · ')} (× ${crowded.map((r) => r.viewers).join(' · ')} viewers); missed: ${missed}`,
        `gateway RSS: ${fmt(rssAlone)} MB with 1 viewer, ${fmt(rssCrowded)} MB with ${viewers.toLocaleString('en-US')} (${fmt(((rssCrowded - rssAlone) * 1024) / viewers)} KB per viewer)`,
        `streams open on analytics: ${crowded.map((r) => r.streamsDuring).join(' · ')} per ${viewers}-viewer round, ${alone.map((r) => r.streamsDuring).join(' · ')} per 1-viewer round`,
        `gateway → analytics TCP connections, streams and the rest: ${crowded.map((r) => `${r.upstreamDuring} during (${r.upstreamBefore} before any viewer)`).join(' · ')}`,
      ],
      checks: [
        // Over every (viewer, update) pair of every round: a median of two rounds' p99s would be the better round's.
        { label: `p99, ${viewers} viewers`, value: percentile(all(crowded, 'sinceEvent'), 99), unit: 'ms', op: '<=', limit: 1000 },
        { label: 'updates missed', value: missed, unit: '', op: '<=', limit: 0 },
        { label: 'upstream streams per gateway', value: upstreamStreams, unit: '', op: '<=', limit: 1 },
      ],
      notes: [
        `p99 per ${viewers}-viewer round: ${p99s.map((v) => fmt(v)).join(' · ')} ms; per 1-viewer round: ${alone.map((r) => fmt(percentile(r.sinceEvent, 99))).join(' · ')} ms`,
        `CPU while transactions flowed, share of one core (last round): ${viewers} viewers: ${cores(crowded.at(-1)!)}; 1 viewer: ${cores(alone.at(-1)!)}`,
        ...(refused.length > 0 ? [`viewers refused: ${refused.join(', ')}`] : []),
      ],
    };
  },
};
