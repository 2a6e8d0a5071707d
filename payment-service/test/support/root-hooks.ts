import { stopSharedAuthService } from '@paymesh/infra/testing';

/** Mocha root hooks: whatever the run shared is stopped once, after the last test. */
export const mochaHooks = {
  async afterAll(this: unknown) {
    await stopSharedAuthService();
  },
};
