import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../src/paths.js';
import { argumentsOf, execForm, readStages, type Stage } from './support/image-recipe.js';

// What a Dockerfile promises that no Docker engine here can check by building it. The image
// rehearsal runs the service image; these hold for both images, the client's included.

const workspaces = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;
const lastOf = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.getKeyword() === keyword).at(-1);

for (const file of ['Dockerfile', 'client/Dockerfile']) {
  describe(file, () => {
    const stages = readStages(path.join(repoRoot, file));
    const runtime = stages.at(-1)!;

    it('runs as a numeric user that is not root, so Kubernetes can enforce runAsNonRoot', () => {
      expect(argumentsOf(lastOf(runtime, 'USER')!)).to.match(/^[1-9]\d*:[1-9]\d*$/);
    });

    it('checks its health with an exec-form HEALTHCHECK, needing no shell', () => {
      const check = lastOf(runtime, 'HEALTHCHECK');
      expect(check, 'HEALTHCHECK').to.not.equal(undefined);
      expect(execForm(check!)).to.have.length.above(1);
    });

    it('copies every workspace manifest before npm ci, which checks the whole lockfile against them', () => {
      const copied = stages.flatMap((stage) => stage.instructions.filter((i) => i.getKeyword() === 'COPY').map(argumentsOf));
      for (const workspace of workspaces) expect(copied, workspace).to.include(`${workspace}/package.json ${workspace}/`);
    });

    it('builds on Node 24', () => {
      const nodeImages = stages.map((stage) => stage.image).filter((image) => image.startsWith('node:'));
      expect(nodeImages).to.not.be.empty;
      for (const image of nodeImages) expect(image).to.match(/^node:24[-.]/);
    });
  });
}

describe('Dockerfile of the Node services', () => {
  const runtime = readStages(path.join(repoRoot, 'Dockerfile')).at(-1)!;

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
