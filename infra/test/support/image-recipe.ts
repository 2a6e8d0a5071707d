import { readFileSync } from 'node:fs';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';

/** One `FROM … [AS name]` and the instructions under it, in order. */
export interface Stage {
  /** The base image, as written after FROM. */
  image: string;
  name?: string;
  instructions: Instruction[];
}

/** A Dockerfile's stages, parsed by the same library that editors use to understand Dockerfiles. */
export function readStages(dockerfile: string): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of DockerfileParser.parse(readFileSync(dockerfile, 'utf8')).getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const [image = '', as, name] = instruction.getArguments().map((a) => a.getValue());
      stages.push({ image, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

/** `${NAME}` and `$NAME` replaced as Docker does for ARG and ENV values; unknown names become empty. */
export const substitute = (text: string, vars: Record<string, string>) =>
  text.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, braced?: string, bare?: string) => vars[braced ?? bare ?? ''] ?? '');

/** The argument text of an instruction, without its flags (`RUN --mount=…`, `HEALTHCHECK --interval=…`). */
export const argumentsOf = (instruction: Instruction) => instruction.getArgumentsContent() ?? '';

/** The value of a flag such as `COPY --from=build`, if present. */
export function flagOf(instruction: Instruction, name: string): string | undefined {
  const flags = (instruction as Instruction & { getFlags?: () => { getName(): string; getValue(): string | null }[] }).getFlags?.() ?? [];
  return flags.find((flag) => flag.getName() === name)?.getValue() ?? undefined;
}

/**
 * The exec-form command of a CMD or `HEALTHCHECK CMD`. A shell-form command is refused: the image
 * would need a shell to run it, and the signal from `docker stop` would reach the shell, not node.
 */
export function execForm(instruction: Instruction): string[] {
  const text = argumentsOf(instruction).replace(/^CMD\s+/i, '');
  const parsed: unknown = JSON.parse(text.startsWith('[') ? text : 'null');
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === 'string')) {
    throw new Error(`${instruction.getKeyword()} is not in exec (JSON) form: ${text}`);
  }
  return parsed;
}
