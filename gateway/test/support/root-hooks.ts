import { stopSharedAuthService } from '../../../infra/src/testing/auth-service.js';

/** Stops what the suite shared once every file is done. */
export const mochaHooks = {
  async afterAll() {
    await stopSharedAuthService();
  },
};
