import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../src/paths.js';
import { DEFAULT_PORTS } from '../src/mesh.js';
import { readStages } from './support/image-recipe.js';

// No Docker engine runs here, so the deploy files are checked for what can go stale silently:
// they parse, and everything they name exists.

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; args?: Record<string, string> };
  ports?: string[];
  expose?: string[];
  environment?: Record<string, unknown>;
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test: string[] };
  restart?: string;
  deploy?: { resources?: { limits?: { cpus?: string; memory?: string } } };
}

const readYaml = (file: string) => parse(readFileSync(path.join(repoRoot, file), 'utf8')) as Record<string, unknown>;

describe('docker-compose.yml', () => {
  const compose = readYaml('docker-compose.yml') as { services: Record<string, ComposeService> };
  const services = compose.services;

  it('runs Kafka in KRaft mode, a PostgreSQL per stateful service, the four services and the client', () => {
    expect(services).to.include.keys('kafka', 'auth-db', 'payment-db', 'auth-service', 'payment-service', 'analytics-service', 'gateway', 'client');
    expect(services.kafka!.image).to.match(/^apache\/kafka:4\./);
    expect(services.kafka!.environment).to.include({ KAFKA_PROCESS_ROLES: 'broker,controller' });
  });

  it('builds every image from a context and Dockerfile that exist', () => {
    const built = Object.entries(services).filter(([, s]) => s.build);
    expect(built.map(([name]) => name)).to.have.members(['auth-service', 'payment-service', 'analytics-service', 'gateway', 'client']);
    for (const [name, service] of built) {
      const context = path.join(repoRoot, service.build!.context);
      expect(existsSync(context), `${name} context`).to.equal(true);
      expect(existsSync(path.join(context, service.build!.dockerfile)), `${name} Dockerfile`).to.equal(true);
    }
  });

  it('builds each Node service from the shared Dockerfile, naming a workspace that has a composition root', () => {
    for (const name of ['auth-service', 'payment-service', 'analytics-service', 'gateway']) {
      const args = services[name]!.build!.args ?? {};
      expect(args.SERVICE, name).to.equal(name);
      expect(existsSync(path.join(repoRoot, name, 'src', 'main.ts')), `${name}/src/main.ts`).to.equal(true);
      expect(Number(args.PORT), `${name} PORT arg`).to.equal(Number(services[name]!.environment!.PORT));
    }
  });

  it('publishes only the gateway and the client, on 127.0.0.1 unless PAYMESH_BIND_ADDRESS says otherwise', () => {
    const published = Object.entries(services).filter(([, s]) => s.ports).map(([name, s]) => [name, s.ports]);
    expect(Object.fromEntries(published)).to.deep.equal({
      gateway: [`\${PAYMESH_BIND_ADDRESS:-127.0.0.1}:${DEFAULT_PORTS.gateway}:${DEFAULT_PORTS.gateway}`],
      client: [`\${PAYMESH_BIND_ADDRESS:-127.0.0.1}:${DEFAULT_PORTS.client}:8080`],
    });
  });

  it('makes every dependency wait for health, or for a one-shot job to finish', () => {
    for (const [name, service] of Object.entries(services)) {
      expect(service.depends_on ?? {}, `${name}: depends_on names conditions`).to.not.be.an('array');
      for (const [dep, { condition }] of Object.entries(service.depends_on ?? {})) {
        const job = services[dep]?.restart === 'no';
        expect(condition, `${name} -> ${dep}`).to.equal(job ? 'service_completed_successfully' : 'service_healthy');
      }
    }
  });

  it('gives every long-running service a health check, its own or its image\'s', () => {
    for (const [name, service] of Object.entries(services).filter(([, s]) => s.restart !== 'no')) {
      const dockerfile = service.build ? path.join(repoRoot, service.build.context, service.build.dockerfile) : undefined;
      const imageCheck = dockerfile ? readStages(dockerfile).at(-1)!.instructions.some((i) => i.getKeyword() === 'HEALTHCHECK') : false;
      expect(Boolean(service.healthcheck) || imageCheck, name).to.equal(true);
    }
  });

  it('limits the CPU and memory of every service', () => {
    for (const [name, service] of Object.entries(services)) {
      expect(service.deploy?.resources?.limits, name).to.have.all.keys('cpus', 'memory');
    }
  });

  it('points every service at dependencies that are defined in the file', () => {
    for (const [name, service] of Object.entries(services)) {
      const deps = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
      for (const dep of deps) expect(services, `${name} depends on ${dep}`).to.have.property(dep);
    }
  });

  it('gives each service its own default port', () => {
    const expected = { 'auth-service': DEFAULT_PORTS.auth, 'payment-service': DEFAULT_PORTS.payment, 'analytics-service': DEFAULT_PORTS.analytics, gateway: DEFAULT_PORTS.gateway };
    for (const [name, port] of Object.entries(expected)) {
      expect(Number(services[name]!.environment!.PORT), name).to.equal(port);
    }
  });
});

describe('.github/workflows/ci.yml', () => {
  const workflow = readYaml('.github/workflows/ci.yml') as {
    jobs: Record<string, { strategy?: { matrix?: { node?: number[] } }; steps: { run?: string; if?: string }[] }>;
  };

  it('tests on the supported LTS lines, Node 22 and 24', () => {
    expect(workflow.jobs.test!.strategy!.matrix!.node).to.deep.equal([22, 24]);
  });

  it('installs from the lockfile, then lints, typechecks and runs the README test command', () => {
    const runs = workflow.jobs.test!.steps.map((s) => s.run);
    const positions = ['npm ci', 'npm run lint', 'npm run typecheck', 'npm test'].map((command) => runs.indexOf(command));
    expect(positions, 'each command present').to.not.include(-1);
    expect(positions, 'in this order').to.deep.equal([...positions].sort((a, b) => a - b));
  });

  it('starts the images with docker compose, walks the API through the gateway, and always tears down', () => {
    const steps = workflow.jobs.images!.steps;
    const at = (pattern: RegExp) => steps.findIndex((step) => pattern.test(step.run ?? ''));
    const [up, smoke, down] = [/docker compose up .*--wait/, /infra\/compose-smoke\.sh/, /docker compose down --volumes/].map(at);
    expect([up, smoke, down], 'up, smoke, down present').to.not.include(-1);
    expect(up).to.be.below(smoke!);
    expect(smoke).to.be.below(down!);
    expect(steps[down!]!.if).to.equal('always()');
    expect(existsSync(path.join(repoRoot, 'infra', 'compose-smoke.sh'))).to.equal(true);
  });
});
