import { stopSharedAuthService } from '../../../infra/src/testing/auth-service.js';

/** Mocha root hooks: whatever the run shared is stopped once, after the last test. */
export const mochaHooks = {
  async afterAll(this: unknown) {
    await stopSharedAuthService();
  },
};
