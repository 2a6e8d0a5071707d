import { expect } from 'chai';
import bcrypt from 'bcryptjs';
import { buildCredentials, queryAuthDb, uniqueUsername, waitFor } from './support/factories.js';
import { startAuth } from './support/auth-test-service.js';
import { call } from './support/http.js';

const nfc = (text: string) => text.normalize('NFC');
const nfd = (text: string) => text.normalize('NFD');

// Passwords whose NFC and NFD forms differ: a precomposed accent, Hangul syllables, and a
// singleton (the Angstrom sign, whose NFC form is the letter Å).
const PASSWORDS = ['café-crème-brûlée', '한국어비밀번호입니다', 'Ångström-\u212B-unit'];

describe('password Unicode normalisation (NFC)', () => {
  let auth: Awaited<ReturnType<typeof startAuth>>;
  before(async () => {
    auth = await startAuth();
  });
  after(async () => {
    await auth.stop();
  });

  const register = (username: string, password: string) => call(`${auth.url}/register`, { body: { username, password } });
  const login = (username: string, password: string) => call(`${auth.url}/login`, { body: { username, password } });

  for (const password of PASSWORDS) {
    it(`"${password}" registered in NFC logs in typed in NFD, and registered in NFD logs in typed in NFC`, async () => {
      const first = uniqueUsername();
      const second = uniqueUsername();
      await register(first, nfc(password));
      await register(second, nfd(password));

      const nfdLogin = await login(first, nfd(password));
      const nfcLogin = await login(second, nfc(password));

      expect(nfd(password)).to.not.equal(nfc(password));
      expect(nfdLogin.status).to.equal(200);
      expect(nfcLogin.status).to.equal(200);
    });
  }

  it('compatibility forms stay distinct: "ﬁ" (a ligature) is not "fi"', async () => {
    const { username } = buildCredentials();
    await register(username, 'proﬁle-secret');

    expect((await login(username, 'profile-secret')).status).to.equal(401);
    expect((await login(username, 'proﬁle-secret')).status).to.equal(200);
  });

  describe('a user whose hash was made from the password as typed, before normalisation', () => {
    // Arranged in the database: no API today stores a non-normalised hash.
    const oldUser = async (typed: string) => {
      const username = uniqueUsername('old');
      await queryAuthDb('insert into users (username, password_hash) values ($1, $2)', [username, bcrypt.hashSync(typed, 4)]);
      return username;
    };
    const hashOf = async (username: string) =>
      (await queryAuthDb<{ password_hash: string }>('select password_hash from users where username = $1', [username]))[0]!.password_hash;

    for (const password of PASSWORDS) {
      it(`with "${password}" typed in NFD, logs in with exactly what was typed, and is then rehashed so NFC works too`, async () => {
        const username = await oldUser(nfd(password));
        const before = await hashOf(username);

        const typedAsBefore = await login(username, nfd(password));
        await waitFor('the hash to be redone from the normal form', async () => (await hashOf(username)) !== before, 5000);
        const inNfc = await login(username, nfc(password));
        const stillAsTyped = await login(username, nfd(password));

        expect(typedAsBefore.status).to.equal(200);
        expect(inNfc.status).to.equal(200);
        expect(stillAsTyped.status).to.equal(200);
      });
    }

    it('with a wrong password, answers 401 whichever form it is typed in, and keeps the old hash', async () => {
      const username = await oldUser(nfd('café-au-lait'));
      const before = await hashOf(username);

      const wrong = [await login(username, nfd('café-au-laid')), await login(username, nfc('café-au-laid'))];

      expect(wrong.map((r) => r.status)).to.deep.equal([401, 401]);
      expect(await hashOf(username)).to.equal(before);
    });

    it('when the password as typed was within the limits but its normal form is shorter, still logs in', async () => {
      // "é" in NFD is 3 bytes, in NFC 2: nine bytes as typed, six once normalised.
      const typed = nfd('ééé');
      const username = await oldUser(typed);

      const res = await login(username, typed);

      expect(Buffer.byteLength(nfc(typed))).to.be.below(8);
      expect(res.status).to.equal(200);
    });
  });

  describe('register limits (8 to 72 bytes) apply to the normal form', () => {
    for (const [what, password, status] of [
      ['75 bytes typed in NFD, 50 in NFC', nfd('é'.repeat(25)), 201],
      ['72 bytes in NFC', 'é'.repeat(36), 201],
      ['74 bytes in NFC', 'é'.repeat(37), 400],
      // U+0958 is excluded from composition: 3 bytes typed, 6 once normalised.
      ['72 bytes typed that normalise to 144', '\u0958'.repeat(24), 400],
      ['9 bytes typed in NFD, 6 in NFC', nfd('ééé'), 400],
      ['8 bytes in NFC', 'éééé', 201],
    ] as const) {
      it(`a password of ${what} answers ${status}`, async () => {
        const res = await register(uniqueUsername(), password);

        expect(res.status).to.equal(status);
        if (status === 400) expect(res.body).to.include({ code: 'VALIDATION_FAILED' });
      });
    }
  });
});
