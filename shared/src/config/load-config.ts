import type { z } from 'zod';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses a service's environment once, at start-up. Every bad variable is listed in one
 * error, so an operator fixes them all in one go instead of one restart per variable.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const variable = issue.path.join('.') || '(environment)';
    const value = typeof issue.path[0] === 'string' ? env[issue.path[0]] : undefined;
    return `  ${variable}=${value === undefined ? '(unset)' : JSON.stringify(value)}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid configuration, ${lines.length} variable(s) to fix:\n${lines.join('\n')}`);
}
