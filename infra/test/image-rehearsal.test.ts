import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { createLogger } from '@paymesh/shared/logger';
import { ensureTopics } from '@paymesh/shared/kafka';
import { dataDir, repoRoot } from '../src/paths.js';
import { spawnService, type ServiceProcess } from '../src/processes/spawn-service.js';
import { freePort } from '../src/wait-for.js';
import { execForm, readStages } from './support/image-recipe.js';
import { layOutRuntimeStage, runBuildStage, type RehearsedImage } from './support/rehearse-image.js';
import { call } from './support/http.js';

const SERVICES = ['auth-service', 'payment-service', 'analytics-service', 'gateway'] as const;
type Service = (typeof SERVICES)[number];

// The build arguments docker compose gives each image, so the rehearsal builds what compose builds.
const compose = parse(readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, { build?: { args?: Record<string, string> } }>;
};
const composeArgs = (service: Service) => compose.services[service]?.build?.args ?? {};

// Lets every step finish before reporting the first failure, so nothing is still installing or
// starting when after() cleans up.
async function settleAll(steps: Promise<unknown>[]): Promise<void> {
  for (const result of await Promise.allSettled(steps)) if (result.status === 'rejected') throw result.reason;
}

// The image's node is the one this suite runs on; everything else comes from the image's folder.
const program = (command: string) => (command === 'node' ? process.execPath : command);

describe('the service images, rehearsed without Docker: built as the Dockerfile builds them, run from production dependencies only', function () {
  this.timeout(300_000);
  const stages = readStages(path.join(repoRoot, 'Dockerfile'));
  const images = new Map<Service, RehearsedImage>();
  const running = new Map<Service, ServiceProcess>();
  const ports = {} as Record<Service, number>;
  const url = (service: Service) => `http://127.0.0.1:${ports[service]}`;
  // A topic of its own, so the rehearsed analytics reads nothing another test wrote.
  const topic = `image-rehearsal-${randomUUID()}`;
  let root = '';

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'paymesh-images-'));
    for (const service of SERVICES) ports[service] = await freePort();
    const brokers = process.env.KAFKA_BROKERS!;
    await ensureTopics({ brokers: brokers.split(','), clientId: 'image-rehearsal', logger: createLogger('image-rehearsal', 'warn') }, [{ name: topic, partitions: 3 }]);

    // Each image gets a fresh folder of its own, as each image has its own layers.
    await settleAll(
      SERVICES.map(async (service) => {
        const buildArgs = { ...composeArgs(service), SERVICE: service, PORT: String(ports[service]) };
        await runBuildStage(stages.find((stage) => stage.name === 'build'), buildArgs);
        images.set(service, await layOutRuntimeStage(stages, buildArgs, path.join(root, service)));
      }),
    );

    const common = { HOST: '127.0.0.1', LOG_LEVEL: 'warn', KAFKA_BROKERS: brokers, AUTH_JWKS_URL: `${url('auth-service')}/.well-known/jwks.json`, TRANSACTIONS_TOPIC: topic };
    const start = async (service: Service, env: Record<string, string>) => {
      const image = images.get(service)!;
      const [command = '', ...args] = image.cmd;
      running.set(service, await spawnService({
        name: service,
        cwd: image.workdir,
        command: program(command),
        args,
        // Only what the image sets, as in a container: nothing leaks in from this test process.
        baseEnv: { PATH: process.env.PATH },
        env: { ...image.env, ...common, ...env },
        port: ports[service],
        readyPath: '/health',
        logFile: path.join(dataDir, 'logs', `image-rehearsal-${service}.log`),
      }));
    };
    await settleAll([
      start('auth-service', { AUTH_DATABASE_URL: process.env.AUTH_DATABASE_URL!, AUTH_BCRYPT_COST: '4' }),
      start('payment-service', { PAYMENT_DATABASE_URL: process.env.PAYMENT_DATABASE_URL! }),
      start('analytics-service', {}),
    ]);
    await start('gateway', { AUTH_SERVICE_URL: url('auth-service'), PAYMENT_SERVICE_URL: url('payment-service'), ANALYTICS_SERVICE_URL: url('analytics-service') });
  });

  after(async () => {
    await Promise.all([...running.values()].map((service) => service.stop()));
    if (root) await rm(root, { recursive: true, force: true });
  });

  for (const service of SERVICES) {
    it(`${service}: its image holds no development tool (tsx, esbuild, typescript)`, () => {
      const modules = path.join(root, service, 'node_modules');
      expect(existsSync(path.join(modules, 'express')), 'a production dependency is installed').to.equal(true);
      for (const tool of ['tsx', 'esbuild', 'typescript']) expect(existsSync(path.join(modules, tool)), tool).to.equal(false);
    });

    it(`${service}: started by the image's CMD, answers GET /health with 200`, async () => {
      const res = await call<{ status: string }>(`${url(service)}/health`);
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
    });

    it(`${service}: passes the image's HEALTHCHECK`, () => {
      const image = images.get(service)!;
      expect(image.healthcheck, 'HEALTHCHECK').to.not.equal(undefined);
      const [command = '', ...args] = execForm(image.healthcheck!);
      const check = spawnSync(program(command), args, { cwd: image.workdir, env: { PATH: process.env.PATH, ...image.env }, encoding: 'utf8', timeout: 10_000 });
      expect(check.status, check.stderr).to.equal(0);
    });
  }

  it('registers a user through the rehearsed gateway: the bundled bcrypt worker and the migrations load from dist', async () => {
    const res = await call<{ username: string; token: string }>(`${url('gateway')}/auth/register`, {
      body: { username: `img_${randomUUID().slice(0, 8)}`, password: 'correct horse battery' },
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body.token).to.be.a('string');
  });
});
