import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { cacheVerifiedTokens, type TokenVerifier } from '../src/auth/index.js';
import { AppError, errors } from '../src/errors/index.js';

const tokenExpiringAt = (expSeconds: number, tag = randomUUID()) =>
  `h.${Buffer.from(JSON.stringify({ exp: expSeconds, jti: tag })).toString('base64url')}.s`;

/** A verifier that accepts tokens starting with "h." and counts how often it is asked. */
function countingVerifier() {
  const calls: string[] = [];
  const verifier: TokenVerifier = {
    verify(token) {
      calls.push(token);
      return token.startsWith('h.') ? Promise.resolve({ userId: 'u1', username: 'alice' }) : Promise.reject(new AppError(errors.UNAUTHORIZED));
    },
  };
  return { verifier, calls };
}

describe('verified token cache (unit)', () => {
  let clock = 1_000_000_000_000;
  const now = () => clock;
  const inAnHour = () => Math.floor(clock / 1000) + 3600;

  it('checks a token once, then answers repeats from memory', async () => {
    const { verifier, calls } = countingVerifier();
    const cached = cacheVerifiedTokens(verifier, { maxEntries: 10, ttlMs: 60_000, now });
    const token = tokenExpiringAt(inAnHour());

    const users = [await cached.verify(token), await cached.verify(token), await cached.verify(token)];

    expect(calls).to.have.length(1);
    expect(users.every((user) => user.userId === 'u1')).to.equal(true);
  });

  it('never remembers a refused token', async () => {
    const { verifier, calls } = countingVerifier();
    const cached = cacheVerifiedTokens(verifier, { maxEntries: 10, ttlMs: 60_000, now });

    for (let i = 0; i < 2; i++) await cached.verify('forged').then(() => expect.fail('accepted'), () => undefined);

    expect(calls).to.have.length(2);
  });

  it('checks again once the token expires, even inside the ttl', async () => {
    const { verifier, calls } = countingVerifier();
    const cached = cacheVerifiedTokens(verifier, { maxEntries: 10, ttlMs: 60_000, now });
    const token = tokenExpiringAt(Math.floor(clock / 1000) + 5);
    await cached.verify(token);

    clock += 6_000;
    await cached.verify(token);

    expect(calls).to.have.length(2);
  });

  it('checks again after the ttl, so a withdrawn key stops working', async () => {
    const { verifier, calls } = countingVerifier();
    const cached = cacheVerifiedTokens(verifier, { maxEntries: 10, ttlMs: 60_000, now });
    const token = tokenExpiringAt(inAnHour());
    await cached.verify(token);

    clock += 61_000;
    await cached.verify(token);

    expect(calls).to.have.length(2);
  });

  it('keeps at most maxEntries tokens, dropping the oldest', async () => {
    const { verifier, calls } = countingVerifier();
    const cached = cacheVerifiedTokens(verifier, { maxEntries: 2, ttlMs: 60_000, now });
    const [first, second, third] = [tokenExpiringAt(inAnHour()), tokenExpiringAt(inAnHour()), tokenExpiringAt(inAnHour())];
    for (const token of [first, second, third]) await cached.verify(token);

    await cached.verify(third);
    await cached.verify(first);

    expect(calls).to.deep.equal([first, second, third, first]);
  });
});
