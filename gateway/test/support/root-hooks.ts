import { stopRealAuthService } from './real-auth.js';

/** Stops what the suite shared once every file is done. */
export const mochaHooks = {
  async afterAll() {
    await stopRealAuthService();
  },
};
