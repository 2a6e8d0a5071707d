import path from 'node:path';
import { loadInfraConfig, type InfraConfig } from './config.js';
import { ensureInfra, type Infra } from './infra.js';
import { dataDir } from './paths.js';
import { binPath, type SpawnServiceOptions } from './processes/spawn-service.js';
import type { RestartPolicy } from './processes/restart-policy.js';
import { superviseService, type SupervisedService } from './processes/supervise.js';
import { pickPorts, type MeshPorts } from './mesh-ports.js';

export { DEFAULT_PORTS, type MeshPorts } from './mesh-ports.js';

export interface MeshOptions {
  /** Fixed ports (npm start) or free ones picked at random (tests, so they coexist with npm start). */
  ports?: MeshPorts | 'free';
  /** Serve the client too (the Vite dev server). */
  withClient?: boolean;
  infraConfig?: InfraConfig;
  log?: (line: string) => void;
  /** Extra environment for every service, e.g. a low bcrypt cost in tests. */
  env?: Record<string, string>;
  logDir?: string;
  /** Every process in this one's session, not each in its own: only to measure the difference (bench B8). */
  sharedSession?: boolean;
  /** Environment for one service only, applied last (e.g. payment-service reaching its database through a proxy). */
  serviceEnv?: Partial<Record<MeshService, Record<string, string>>>;
  /** When to restart a service that exits unexpectedly, and when to give up on it. */
  restartPolicy?: RestartPolicy;
  /** payment-service instances behind the gateway (default 1), each supervised on its own port. */
  paymentInstances?: number;
}

export type MeshService = 'auth-service' | 'payment-service' | 'analytics-service' | 'gateway' | 'client';

export interface Mesh {
  infra: Infra;
  /** `payment` is the first payment-service instance; `payments` lists every one. */
  urls: { gateway: string; auth: string; payment: string; payments: string[]; analytics: string; client?: string };
  /** Each running part, restarted by its supervisor when it exits unexpectedly ('payment-service' is the first instance). */
  services: Partial<Record<MeshService, SupervisedService>>;
  /** Every payment-service instance, in port order. */
  paymentInstances: SupervisedService[];
  /** Settles with the reason once a service crashed too often to be restarted; until then, never. */
  failed: Promise<Error>;
  stop(): Promise<void>;
}

/**
 * The whole mesh: broker and database (found or started), then the three services, then
 * the gateway in front of them, then the client. Each part is a real process under a
 * supervisor that restarts it when it exits unexpectedly; stop() ends them in reverse order
 * (no restarts then) and stops the infrastructure only if this call started it.
 */
export async function startMesh(options: MeshOptions = {}): Promise<Mesh> {
  const log = options.log ?? (() => undefined);
  const ports = await pickPorts(options.ports, options.paymentInstances ?? 1);
  const logDir = options.logDir ?? path.join(dataDir, 'logs');
  const infra = await ensureInfra(options.infraConfig ?? loadInfraConfig(), log);
  const started: SupervisedService[] = [];
  const services: Mesh['services'] = {};
  const paymentInstances: SupervisedService[] = [];
  let giveUp: (err: Error) => void = () => undefined;
  const failed = new Promise<Error>((resolve) => {
    giveUp = resolve;
  });
  // Services bind 127.0.0.1; naming it avoids a first try on ::1 where localhost resolves to both.
  const url = (port: number) => `http://127.0.0.1:${port}`;
  const common = { KAFKA_BROKERS: infra.brokers.join(','), AUTH_JWKS_URL: `${url(ports.auth)}/.well-known/jwks.json`, ...options.env };

  // A second instance of a service is told apart by a number in its log file and log lines.
  const launch = async (name: MeshService, port: number, env: Record<string, string>, extra: Partial<SpawnServiceOptions> = {}, instance = 1) => {
    const begun = Date.now();
    const label = instance > 1 ? `${name}-${instance}` : name;
    log(`starting ${label} on :${port}…`);
    const service = await superviseService(
      {
        name,
        port,
        env: { ...common, ...env, ...options.serviceEnv?.[name] },
        logFile: path.join(logDir, `${label}.log`),
        sharedSession: options.sharedSession,
        ...extra,
      },
      { log, onGiveUp: giveUp, label, ...(options.restartPolicy ? { policy: options.restartPolicy } : {}) },
    );
    started.push(service);
    if (instance === 1) services[name] = service;
    log(`${label} ready (${((Date.now() - begun) / 1000).toFixed(1)} s)`);
    return service;
  };

  const stop = async () => {
    for (const service of started.reverse()) await service.stop();
    await infra.stop();
  };

  try {
    await Promise.all([
      launch('auth-service', ports.auth, { AUTH_DATABASE_URL: infra.databaseUrls.auth }),
      // Instances share one database: the cap, idempotency keys and the outbox relay's lock live
      // there, so they hold across instances (see payment-service's README).
      ...ports.payments.map(async (port, i) => {
        paymentInstances[i] = await launch('payment-service', port, { PAYMENT_DATABASE_URL: infra.databaseUrls.payment }, {}, i + 1);
      }),
      launch('analytics-service', ports.analytics, { PAYMENT_DATABASE_URL: infra.databaseUrls.payment }),
    ]);
    const clientOrigin = `http://localhost:${ports.client}`;
    await launch('gateway', ports.gateway, {
      AUTH_SERVICE_URL: url(ports.auth),
      PAYMENT_SERVICE_URL: url(ports.payment),
      PAYMENT_SERVICE_URLS: ports.payments.map(url).join(','),
      ANALYTICS_SERVICE_URL: url(ports.analytics),
      CORS_ORIGINS: `${clientOrigin},http://127.0.0.1:${ports.client}`,
    });
    if (options.withClient) {
      await launch('client', ports.client, { VITE_GATEWAY_URL: `http://localhost:${ports.gateway}` }, {
        command: binPath('vite', 'client'),
        args: ['--port', String(ports.client), '--strictPort', '--host', '127.0.0.1'],
        readyPath: '/',
      });
    }
  } catch (err) {
    await stop();
    throw err;
  }

  return {
    infra,
    urls: {
      gateway: url(ports.gateway),
      auth: url(ports.auth),
      payment: url(ports.payment),
      payments: ports.payments.map(url),
      analytics: url(ports.analytics),
      ...(options.withClient ? { client: `http://localhost:${ports.client}` } : {}),
    },
    services,
    paymentInstances,
    failed,
    stop,
  };
}
