import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
  dbCredentials: { url: process.env.AUTH_DATABASE_URL ?? 'postgres://auth:auth@localhost:5432/auth' },
});
