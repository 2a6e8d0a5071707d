import { Partitioners, type Producer } from 'kafkajs';
import { kafkaClient, type KafkaConnection } from './connection.js';

/**
 * A connected producer that keeps order and never writes a copy: idempotence stops a retried
 * send from writing a second one, and one request in flight keeps a retry from overtaking.
 * Topics are never created by a send: they are made on purpose, with their settings.
 */
export async function connectOrderedProducer(connection: KafkaConnection): Promise<Producer> {
  const producer = kafkaClient(connection).producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  return producer;
}
