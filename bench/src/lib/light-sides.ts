import { pidsOf } from './cpu-time.js';
import type { BenchMesh } from './bench-mesh.js';
import { startReferenceProxy } from './reference-proxy.js';

/** The light endpoint B1 and B2 hit on every side: auth-service's liveness answer, which touches nothing. */
export const LIGHT_PATH = '/health';
export const LIGHT_CONNECTIONS = 16;

export type LightSide = 'gateway' | 'direct' | 'bare' | 'framework';

const LABELS: Record<LightSide, string> = { gateway: 'gateway', direct: 'direct', bare: 'bare proxy', framework: 'framework proxy' };

export interface LightSides {
  urls: Record<LightSide, string>;
  /** The process behind each side, for CPU readings (auth-service serves them all in the end). */
  pids: Record<string, number | undefined>;
  /** One entry per side, made by `make(label, url)`: what interleavedSides takes. */
  each<T>(make: (label: string, url: string) => () => Promise<T>): Record<LightSide, () => Promise<T>>;
  stop(): Promise<void>;
}

/**
 * The four sides B1 and B2 compare on the light endpoint: through the gateway, straight at
 * auth-service, and through the two reference proxies (bare node:http; Express +
 * http-proxy-middleware alone), each started here in front of auth-service.
 */
export async function startLightSides(mesh: BenchMesh): Promise<LightSides> {
  const bare = await startReferenceProxy('bare-proxy', mesh.urls.auth);
  const framework = await startReferenceProxy('framework-proxy', mesh.urls.auth);
  const urls: Record<LightSide, string> = {
    gateway: `${mesh.urls.gateway}/auth${LIGHT_PATH}`,
    direct: `${mesh.urls.auth}${LIGHT_PATH}`,
    bare: `${bare.url}${LIGHT_PATH}`,
    framework: `${framework.url}${LIGHT_PATH}`,
  };
  const sides = Object.keys(urls) as LightSide[];
  return {
    urls,
    pids: pidsOf({ gateway: mesh.urls.gateway, auth: mesh.urls.auth, 'bare proxy': bare.url, 'framework proxy': framework.url }),
    each: (make) => Object.fromEntries(sides.map((side) => [side, make(LABELS[side], urls[side])])) as Record<LightSide, ReturnType<typeof make>>,
    async stop() {
      await bare.stop();
      await framework.stop();
    },
  };
}
