import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../src/paths.js';
import { DEFAULT_PORTS } from '../src/mesh.js';

// No Docker engine runs here, so the deploy files are checked for what can go stale silently:
// they parse, and everything they name exists.

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; args?: Record<string, string> };
  ports?: string[];
  expose?: string[];
  environment?: Record<string, unknown>;
  depends_on?: string[] | Record<string, unknown>;
}

const readYaml = (file: string) => parse(readFileSync(path.join(repoRoot, file), 'utf8')) as Record<string, unknown>;

describe('docker-compose.yml', () => {
  const compose = readYaml('docker-compose.yml') as { services: Record<string, ComposeService> };
  const services = compose.services;

  it('runs Kafka in KRaft mode, a PostgreSQL per stateful service, the four services and the client', () => {
    expect(services).to.include.keys('kafka', 'auth-db', 'payment-db', 'auth-service', 'payment-service', 'analytics-service', 'gateway', 'client');
    expect(services.kafka!.image).to.match(/^apache\/kafka:3\.9/);
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

  it('publishes only the gateway and the client, on the same ports npm start uses', () => {
    const published = Object.entries(services).filter(([, s]) => s.ports).map(([name, s]) => [name, s.ports]);
    expect(Object.fromEntries(published)).to.deep.equal({
      gateway: [`${DEFAULT_PORTS.gateway}:${DEFAULT_PORTS.gateway}`],
      client: [`${DEFAULT_PORTS.client}:${DEFAULT_PORTS.client}`],
    });
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
    jobs: Record<string, { strategy?: { matrix?: { node?: number[] } }; steps: { run?: string }[] }>;
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
});
