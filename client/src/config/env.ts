import { z } from 'zod';

/**
 * The client's whole configuration, checked once at start-up: a wrong gateway URL should
 * fail here with its name, not later as a confusing network error on the first click.
 */
const envSchema = z.object({
  VITE_GATEWAY_URL: z.url().default('http://localhost:8080'),
});

function loadEnv() {
  const result = envSchema.safeParse(import.meta.env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid client configuration: ${problems}`);
  }
  return { gatewayUrl: result.data.VITE_GATEWAY_URL.replace(/\/+$/, '') };
}

export const env = loadEnv();
