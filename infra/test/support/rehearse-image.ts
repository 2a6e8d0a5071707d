import { exec } from 'node:child_process';
import { cp, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Instruction } from 'dockerfile-ast';
import { repoRoot } from '../../src/paths.js';
import { argumentsOf, execForm, flagOf, substitute, type Stage } from './image-recipe.js';

const sh = promisify(exec);

/** What a container of the image would be: its folder on disk, its environment, what it runs. */
export interface RehearsedImage {
  /** The container's WORKDIR, as a folder on this machine. */
  workdir: string;
  env: Record<string, string>;
  cmd: string[];
  /** Read when checked, so a shell-form HEALTHCHECK fails its own test, not the whole rehearsal. */
  healthcheck?: Instruction;
}

/** The build context is the repository; the image's `/app` is `root`. */
const APP = '/app';
function onHost(containerPath: string, root: string): string {
  if (containerPath !== APP && !containerPath.startsWith(`${APP}/`)) throw new Error(`${containerPath} is outside ${APP}`);
  return path.join(root, path.relative(APP, containerPath));
}

// The environment of a RUN step: ours without npm's own variables, which would point a nested npm
// at this repository instead of the folder it runs in.
const runEnv = (vars: Record<string, string>) => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_'))),
  ...vars,
  // Installs come from the local npm cache when it has the package, as the image's cache mount does.
  npm_config_prefer_offline: 'true',
});

async function run(command: string, cwd: string, vars: Record<string, string>) {
  await sh(command, { cwd, env: runEnv(vars), maxBuffer: 16 * 1024 * 1024 });
}

/**
 * The build stage, on this repository: its dependency install is this checkout's own (npm ci has
 * run here already), and every other RUN step runs as written, with the build arguments set.
 */
export async function runBuildStage(stage: Stage | undefined, buildArgs: Record<string, string>): Promise<void> {
  for (const instruction of stage?.instructions ?? []) {
    if (instruction.getKeyword() !== 'RUN' || /\bnpm ci\b/.test(argumentsOf(instruction))) continue;
    await run(argumentsOf(instruction), repoRoot, buildArgs);
  }
}

/**
 * The runtime stage, laid out in `root`: each ARG, ENV, WORKDIR, COPY and RUN as Docker would do
 * them (COPY --from a stage reads that stage's files: this repository for the build stage, the
 * replayed COPYs for any other), and the CMD and HEALTHCHECK it ends with.
 */
export async function layOutRuntimeStage(stages: Stage[], buildArgs: Record<string, string>, root: string): Promise<RehearsedImage> {
  const runtime = stages.at(-1)!;
  const vars: Record<string, string> = {};
  const env: Record<string, string> = {};
  let workdir = APP;
  let cmd: string[] = [];
  let healthcheck: Instruction | undefined;
  for (const instruction of runtime.instructions) {
    const text = argumentsOf(instruction);
    switch (instruction.getKeyword()) {
      case 'ARG': {
        const [name = '', fallback = ''] = text.split('=');
        vars[name] = buildArgs[name] ?? fallback;
        break;
      }
      case 'ENV':
        for (const pair of instruction.getArguments().map((a) => a.getValue())) {
          const [name = '', ...value] = pair.split('=');
          env[name] = vars[name] = substitute(value.join('='), vars);
        }
        break;
      case 'WORKDIR':
        workdir = path.posix.resolve(workdir, substitute(text, vars));
        break;
      case 'COPY':
        await replayCopy(instruction.getArguments().map((a) => substitute(a.getValue(), vars)), flagOf(instruction, 'from'), stages, workdir, root);
        break;
      case 'RUN':
        await mkdir(onHost(workdir, root), { recursive: true });
        await run(text, onHost(workdir, root), vars);
        break;
      case 'CMD':
        cmd = execForm(instruction);
        break;
      case 'HEALTHCHECK':
        healthcheck = instruction;
        break;
    }
  }
  return { workdir: onHost(workdir, root), env, cmd, healthcheck };
}

async function replayCopy(args: string[], from: string | undefined, stages: Stage[], workdir: string, root: string) {
  const destination = onHost(path.posix.resolve(workdir, args.at(-1)!), root);
  const sources = args.slice(0, -1);
  const fromStage = from ? stages.find((stage) => stage.name === from) : undefined;
  if (from && !fromStage) throw new Error(`COPY --from=${from}: no such stage`);
  if (fromStage && fromStage.name !== 'build') {
    // A stage that only gathers files from the context (into its /app, copied whole to ours):
    // replay its own COPYs instead.
    for (const copy of fromStage.instructions.filter((i) => i.getKeyword() === 'COPY')) {
      await replayCopy(copy.getArguments().map((a) => a.getValue()), undefined, stages, APP, root);
    }
    return;
  }
  for (const source of sources) {
    // The build stage works in /app on a copy of the context, so its files are this repository's.
    const onDisk = fromStage ? path.join(repoRoot, path.posix.relative(APP, source)) : path.join(repoRoot, source);
    // As in Docker: a folder's contents go into the destination; a file goes into it when it ends with '/'.
    const intoFolder = !(await stat(onDisk)).isDirectory() && args.at(-1)!.endsWith('/');
    const target = intoFolder ? path.join(destination, path.basename(source)) : destination;
    await cp(onDisk, target, { recursive: true });
  }
}
