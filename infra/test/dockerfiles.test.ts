import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../src/paths.js';
import { argumentsOf, execForm, readStages, type Stage } from './support/image-recipe.js';

// What the Dockerfile promises that no Docker engine here can check by building it. The image
// rehearsal runs the service image; these hold for both images it builds, the client's included.

const readJson = <T>(file: string) => JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')) as T;
const workspaces = readJson<{ workspaces: string[] }>('package.json').workspaces;
const lastOf = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.getKeyword() === keyword).at(-1);
const copiesIn = (stage: Stage) => stage.instructions.filter((i) => i.getKeyword() === 'COPY').map(argumentsOf);

/** The workspaces a workspace's production code imports, from its package.json dependencies. */
function workspaceDependencies(workspace: string): string[] {
  const { dependencies = {} } = readJson<{ dependencies?: Record<string, string> }>(`${workspace}/package.json`);
  return Object.keys(dependencies).filter((name) => name.startsWith('@paymesh/')).map((name) => name.slice('@paymesh/'.length));
}

const stages = readStages(path.join(repoRoot, 'Dockerfile'));
const stage = (name: string) => stages.find((each) => each.name === name)!;
const IMAGES = [
  { name: 'the service image (default target)', runtime: stages.at(-1)!, build: stage('build'), workspaces: ['auth-service', 'payment-service', 'analytics-service', 'gateway'] },
  { name: 'the client image (target client)', runtime: stage('client'), build: stage('client-build'), workspaces: ['client'] },
];

describe('Dockerfile', () => {
  it('copies every workspace manifest before npm ci, which checks the whole lockfile against them', () => {
    const copied = stages.flatMap(copiesIn);
    for (const workspace of workspaces) expect(copied, workspace).to.include(`${workspace}/package.json ${workspace}/`);
  });

  it('builds on Node 24', () => {
    const nodeImages = stages.map((each) => each.image).filter((image) => image.startsWith('node:'));
    expect(nodeImages).to.not.be.empty;
    for (const image of nodeImages) expect(image).to.match(/^node:24[-.]/);
  });

  for (const image of IMAGES) {
    describe(image.name, () => {
      it('runs as a numeric user that is not root, so Kubernetes can enforce runAsNonRoot', () => {
        expect(argumentsOf(lastOf(image.runtime, 'USER')!)).to.match(/^[1-9]\d*:[1-9]\d*$/);
      });

      it('checks its health with an exec-form HEALTHCHECK, needing no shell', () => {
        const check = lastOf(image.runtime, 'HEALTHCHECK');
        expect(check, 'HEALTHCHECK').to.not.equal(undefined);
        expect(execForm(check!)).to.have.length.above(1);
      });

      it('copies into its build the source of every workspace the code it builds imports', () => {
        const copied = copiesIn(image.build);
        for (const workspace of image.workspaces) {
          for (const dependency of workspaceDependencies(workspace)) expect(copied, `${workspace} needs ${dependency}`).to.include(`${dependency}/ ${dependency}/`);
        }
      });
    });
  }
});

describe('Dockerfile of the Node services', () => {
  const runtime = stages.at(-1)!;

  it('starts compiled JavaScript with plain node: no TypeScript loader in the image', () => {
    const [command, ...args] = execForm(lastOf(runtime, 'CMD')!);
    expect(command).to.equal('node');
    expect(args.at(-1)).to.match(/^dist\/.+\.js$/);
    expect(args.join(' ')).to.not.match(/tsx|--import|--loader/);
  });

  it('installs production dependencies only in the image it ships', () => {
    const installs = runtime.instructions.filter((i) => i.getKeyword() === 'RUN').map(argumentsOf).filter((run) => /\bnpm ci\b/.test(run));
    expect(installs).to.have.length(1);
    expect(installs[0]).to.include('--omit=dev');
  });
});
