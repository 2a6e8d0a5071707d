import { expect } from 'chai';
import { buildApp as buildAnalyticsApp } from '@paymesh/analytics-service/app';
import { buildApp as buildAuthApp } from '@paymesh/auth-service/app';
import { buildOpenApiDocument } from '@paymesh/contract/openapi';
import { assembleGateway } from '@paymesh/gateway/assemble';
import { loadGatewayConfig } from '@paymesh/gateway/config';
import { buildApp as buildPaymentApp } from '@paymesh/payment-service/app';
import { createLogger } from '@paymesh/shared/logger';
import { createMetricsRegistry } from '@paymesh/shared/metrics';
import { mountedRoutes } from '../src/testing/mounted-routes.js';

// Only the route table is read: the apps are built, never started, so their collaborators are never called.
const unused = {} as never;
const logger = createLogger('published-routes', 'silent');
const registry = () => createMetricsRegistry();

/** Each service's routes as the gateway publishes them: it mounts each service under its own prefix. */
const PREFIXES = { auth: '/auth', payment: '/payment', analytics: '/analytics' };

/**
 * Routes that are mounted but not public API, each for a reason: probes and metrics are for the
 * platform (the gateway refuses `/<service>/metrics`), the outbox summary feeds `/ops`, and the
 * viewer's files are part of `/docs`.
 */
const NOT_PUBLIC = [/ \/(auth|payment|analytics)\/(health|ready|metrics)$/, /^GET \/metrics$/, /^GET \/payment\/ops\/outbox$/, /^GET \/docs\/assets\//];

function serviceRoutes(): string[] {
  const auth = buildAuthApp({
    logger, users: unused, keyring: unused, verifier: unused, readiness: {}, registry: registry(),
    limits: { windowMs: 60_000, failedLoginsPerClient: 1, failedLoginsPerUsernameAndClient: 1, registrationsPerClient: 1 },
  });
  const payment = buildPaymentApp({ logger, verifier: unused, transactions: unused, readiness: {}, registry: registry(), metrics: unused, outbox: unused });
  const analytics = buildAnalyticsApp({ logger, fold: unused, progress: unused, snapshot: unused, stream: unused, verifier: unused, streamIntervalMs: 250, registry: registry() });
  const published = (prefix: string, routes: string[]) => routes.map((route) => route.replace(' /', ` ${prefix}/`));
  return [
    ...published(PREFIXES.auth, mountedRoutes(auth)),
    ...published(PREFIXES.payment, mountedRoutes(payment)),
    ...published(PREFIXES.analytics, mountedRoutes(analytics)),
  ];
}

function gatewayRoutes(): { routes: string[]; close(): void } {
  const { app, close } = assembleGateway(loadGatewayConfig({}), logger, unused);
  return { routes: mountedRoutes(app), close };
}

function documentedRoutes(): string[] {
  const { paths } = buildOpenApiDocument();
  return Object.entries(paths ?? {}).flatMap(([path, item]) =>
    ['get', 'post', 'put', 'patch', 'delete'].filter((method) => method in (item ?? {})).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

describe('the published OpenAPI document against the routes actually mounted', () => {
  let gateway: { routes: string[]; close(): void };
  before(() => {
    gateway = gatewayRoutes();
  });
  after(() => {
    gateway.close();
  });

  it('documents every public route that a service or the gateway mounts', () => {
    // Arrange
    const documented = new Set(documentedRoutes());

    // Act
    const mounted = [...serviceRoutes(), ...gateway.routes].filter((route) => !NOT_PUBLIC.some((rule) => rule.test(route)));

    // Assert
    expect([...new Set(mounted)].filter((route) => !documented.has(route)).sort()).to.deep.equal([]);
  });

  it('documents no route that nothing mounts', () => {
    // Arrange
    const mounted = new Set([...serviceRoutes(), ...gateway.routes]);

    // Act
    const documented = documentedRoutes();

    // Assert
    expect(documented.filter((route) => !mounted.has(route))).to.deep.equal([]);
  });
});
