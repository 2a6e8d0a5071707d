import { stopSharedAuthService } from '@paymesh/infra/testing';

/** Stops what the suite shared once every file is done. */
export const mochaHooks = {
  async afterAll() {
    await stopSharedAuthService();
  },
};
