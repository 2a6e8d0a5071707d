import { startAuthService, type RunningAuthService } from '../../../infra/src/testing/auth-service.js';

let running: Promise<RunningAuthService> | undefined;

/** One real auth-service for the whole gateway suite: spawning it costs seconds, so files share it. */
export function realAuthService(): Promise<RunningAuthService> {
  running ??= startAuthService();
  return running;
}

export async function stopRealAuthService(): Promise<void> {
  const service = running;
  running = undefined;
  if (service) await (await service).stop();
}
