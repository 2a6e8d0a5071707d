import { Partitioners, type KafkaMessage } from 'kafkajs';
import { kafkaClient, type KafkaConnection } from './connection.js';

export interface DeadLetterSink {
  send(message: KafkaMessage, reason: string, origin: { topic: string; partition: number; offset: string }): Promise<void>;
  disconnect(): Promise<void>;
}

/** Copies rejected messages, byte for byte, to the dead-letter topic with why and where from in headers. */
export async function createPublisherForDeadLetters(connection: KafkaConnection, topic: string): Promise<DeadLetterSink> {
  const producer = kafkaClient(connection).producer({
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  return {
    async send(message, reason, origin) {
      await producer.send({
        topic,
        acks: -1,
        messages: [
          {
            key: message.key,
            value: message.value,
            headers: {
              dlq_reason: reason,
              dlq_source_topic: origin.topic,
              dlq_source_partition: String(origin.partition),
              dlq_source_offset: origin.offset,
            },
          },
        ],
      });
    },
    disconnect: () => producer.disconnect(),
  };
}
