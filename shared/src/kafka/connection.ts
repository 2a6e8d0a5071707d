import { Kafka, logLevel as KafkaLogLevel, type logCreator } from 'kafkajs';
import type { Logger } from '../logger/index.js';
import { stopIdleRequestQueueSpin } from './idle-request-queue.js';

/** How to reach the brokers. kafkajs stays behind this folder so the client can be swapped. */
export interface KafkaConnection {
  brokers: string[];
  clientId: string;
  logger: Logger;
}

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [KafkaLogLevel.ERROR]: 'error',
  [KafkaLogLevel.WARN]: 'warn',
  [KafkaLogLevel.INFO]: 'info',
  [KafkaLogLevel.DEBUG]: 'debug',
};

/** Routes kafkajs's own logs into our JSON logger, namespaced, instead of its console output. */
function pinoLogCreator(logger: Logger): logCreator {
  return () => ({ namespace, level, log }) => {
    const { message, timestamp: _timestamp, logger: _name, ...extra } = log;
    logger[LEVELS[level] ?? 'info']({ kafka: namespace, ...extra }, message);
  };
}

export function kafkaClient({ brokers, clientId, logger }: KafkaConnection): Kafka {
  stopIdleRequestQueueSpin();
  return new Kafka({
    clientId,
    brokers,
    logLevel: KafkaLogLevel.WARN,
    logCreator: pinoLogCreator(logger.child({ component: 'kafkajs' })),
    connectionTimeout: 3000,
    // Keep reconnecting for as long as the broker is away: services outlive broker restarts.
    retry: { initialRetryTime: 300, retries: 10, maxRetryTime: 5000 },
  });
}
