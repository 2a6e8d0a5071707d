import { kafkaMetadataFilter, startTcpProxy, type TcpProxy } from '@paymesh/infra/net';

export type KafkaProxy = TcpProxy;

/**
 * A TCP proxy in front of the shared broker that the test can cut and restore, so one service
 * loses Kafka while every other engineer's tests keep theirs. Kafka clients connect to the
 * addresses the broker advertises, so the proxy rewrites them to itself in Metadata responses;
 * otherwise the client would bootstrap through us and then bypass us. The same proxy serves
 * the fault campaign (`npm run chaos`).
 */
export function startKafkaProxy(target: { host: string; port: number }): Promise<KafkaProxy> {
  return startTcpProxy({ target, filter: kafkaMetadataFilter });
}
