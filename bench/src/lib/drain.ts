/**
 * Waits until a service has worked off what a load run left queued, by sending one more request
 * of the same kind and awaiting its answer. autocannon stops at its deadline, but logins it had
 * sent keep auth's hash pool busy for up to a second more (16-32 queued × ~0.1 s ÷ 2 threads);
 * the pool is first-in first-out, so this login's answer means the queue ahead of it is done.
 */
export async function drainQueue(url: string, body: string): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  await res.body?.cancel();
}
