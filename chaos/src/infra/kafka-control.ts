import path from 'node:path';
import type { InfraConfig } from '@paymesh/infra/stack';
import { startBroker, type RunningBroker } from '@paymesh/infra/kafka';
import { isPortOpen, waitFor } from '@paymesh/infra/testing';
import { pidsWith } from './process-lookup.js';

export interface KafkaControl {
  /** SIGKILL to the broker's JVM: no clean shutdown, no flushed log segments. */
  kill(): Promise<void>;
  /** Starts the broker again on the same data; resolves once it accepts connections. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export function createKafkaControl(config: InfraConfig, log: (line: string) => void): KafkaControl {
  // The broker's JVM names its config file on its command line; that path is ours alone.
  const marker = path.join(config.KAFKA_DATA_DIR, 'server.properties');
  let restarted: RunningBroker | undefined;
  return {
    async kill() {
      const pids = pidsWith(marker);
      if (pids.length !== 1) throw new Error(`expected one broker process using ${marker}, found ${pids.length}`);
      process.kill(pids[0]!, 'SIGKILL');
      await waitFor('the killed broker to stop listening', async () => !(await isPortOpen(config.KAFKA_PORT)), 10_000, 100);
    },
    async restart() {
      await restarted?.stop();
      restarted = await startBroker({
        port: config.KAFKA_PORT,
        controllerPort: config.KAFKA_CONTROLLER_PORT,
        dataDir: config.KAFKA_DATA_DIR,
        heap: config.KAFKA_HEAP,
        log,
      });
    },
    async stop() {
      await restarted?.stop();
    },
  };
}
