import type { RunningService } from '@paymesh/shared/http';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream.js';
import { startGateway } from './gateway.js';
import { startTestIssuer, type TestIssuer } from './test-issuer.js';

export interface FakeMesh {
  auth: FakeUpstream;
  payment: FakeUpstream;
  analytics: FakeUpstream;
  /** Signs tokens the gateway accepts; its JWKS is the gateway's AUTH_JWKS_URL. */
  issuer: TestIssuer;
  gateway: RunningService;
}

/**
 * Registers hooks (call it inside a describe): the real gateway in front of three fake upstreams
 * and a token issuer, started once for the describe and stopped after it.
 */
export function useFakeMesh(env: Record<string, string> = {}): FakeMesh {
  const mesh = {} as FakeMesh;
  before(async () => {
    [mesh.auth, mesh.payment, mesh.analytics, mesh.issuer] = await Promise.all([startFakeUpstream(), startFakeUpstream(), startFakeUpstream(), startTestIssuer()]);
    mesh.gateway = await startGateway({
      AUTH_SERVICE_URL: mesh.auth.url,
      PAYMENT_SERVICE_URL: mesh.payment.url,
      ANALYTICS_SERVICE_URL: mesh.analytics.url,
      AUTH_JWKS_URL: mesh.issuer.jwksUrl,
      ...env,
    });
  });
  after(async () => {
    await mesh.gateway.stop();
    await Promise.all([mesh.auth.stop(), mesh.payment.stop(), mesh.analytics.stop(), mesh.issuer.stop()]);
  });
  return mesh;
}
