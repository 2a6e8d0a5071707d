import path from 'node:path';
import { loadInfraConfig, type InfraConfig } from './config.js';
import { ensureInfra, type Infra } from './infra.js';
import { dataDir } from './paths.js';
import { binPath, type SpawnServiceOptions } from './processes/spawn-service.js';
import type { RestartPolicy } from './processes/restart-policy.js';
import { superviseService, type SupervisedService } from './processes/supervise.js';
import { freePort } from './wait-for.js';

export interface MeshPorts {
  gateway: number;
  auth: number;
  payment: number;
  analytics: number;
  client: number;
}

export const DEFAULT_PORTS: MeshPorts = { gateway: 8080, auth: 8081, payment: 8082, analytics: 8083, client: 3000 };

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
}

export type MeshService = 'auth-service' | 'payment-service' | 'analytics-service' | 'gateway' | 'client';

export interface Mesh {
  infra: Infra;
  urls: { gateway: string; auth: string; payment: string; analytics: string; client?: string };
  /** Each running part, restarted by its supervisor when it exits unexpectedly. */
  services: Partial<Record<MeshService, SupervisedService>>;
  /** Settles with the reason once a service crashed too often to be restarted; until then, never. */
  failed: Promise<Error>;
  stop(): Promise<void>;
}

async function pickPorts(option: MeshOptions['ports']): Promise<MeshPorts> {
  if (option && option !== 'free') return option;
  if (!option) return DEFAULT_PORTS;
  const [gateway, auth, payment, analytics, client] = await Promise.all(Array.from({ length: 5 }, () => freePort()));
  return { gateway: gateway!, auth: auth!, payment: payment!, analytics: analytics!, client: client! };
}

/**
 * The whole mesh: broker and database (found or started), then the three services, then
 * the gateway in front of them, then the client. Each part is a real process under a
 * supervisor that restarts it when it exits unexpectedly; stop() ends them in reverse order
 * (no restarts then) and stops the infrastructure only if this call started it.
 */
export async function startMesh(options: MeshOptions = {}): Promise<Mesh> {
  const log = options.log ?? (() => undefined);
  const ports = await pickPorts(options.ports);
  const logDir = options.logDir ?? path.join(dataDir, 'logs');
  const infra = await ensureInfra(options.infraConfig ?? loadInfraConfig(), log);
  const started: SupervisedService[] = [];
  const services: Mesh['services'] = {};
  let giveUp: (err: Error) => void = () => undefined;
  const failed = new Promise<Error>((resolve) => {
    giveUp = resolve;
  });
  // Services bind 127.0.0.1; naming it avoids a first try on ::1 where localhost resolves to both.
  const url = (port: number) => `http://127.0.0.1:${port}`;
  const common = { KAFKA_BROKERS: infra.brokers.join(','), AUTH_JWKS_URL: `${url(ports.auth)}/.well-known/jwks.json`, ...options.env };

  const launch = async (name: MeshService, port: number, env: Record<string, string>, extra: Partial<SpawnServiceOptions> = {}) => {
    const begun = Date.now();
    log(`starting ${name} on :${port}…`);
    const service = await superviseService(
      {
        name,
        port,
        env: { ...common, ...env, ...options.serviceEnv?.[name] },
        logFile: path.join(logDir, `${name}.log`),
        sharedSession: options.sharedSession,
        ...extra,
      },
      { log, onGiveUp: giveUp, ...(options.restartPolicy ? { policy: options.restartPolicy } : {}) },
    );
    started.push(service);
    services[name] = service;
    log(`${name} ready (${((Date.now() - begun) / 1000).toFixed(1)} s)`);
    return service;
  };

  const stop = async () => {
    for (const service of started.reverse()) await service.stop();
    await infra.stop();
  };

  try {
    await Promise.all([
      launch('auth-service', ports.auth, { AUTH_DATABASE_URL: infra.databaseUrls.auth }),
      launch('payment-service', ports.payment, { PAYMENT_DATABASE_URL: infra.databaseUrls.payment }),
      launch('analytics-service', ports.analytics, { PAYMENT_DATABASE_URL: infra.databaseUrls.payment }),
    ]);
    const clientOrigin = `http://localhost:${ports.client}`;
    await launch('gateway', ports.gateway, {
      AUTH_SERVICE_URL: url(ports.auth),
      PAYMENT_SERVICE_URL: url(ports.payment),
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
      analytics: url(ports.analytics),
      ...(options.withClient ? { client: `http://localhost:${ports.client}` } : {}),
    },
    services,
    failed,
    stop,
  };
}
