export { type KafkaConnection } from './connection.js';
export { ensureTopics, pingKafka, topicEndOffsets, type TopicSpec } from './admin.js';
export { createPublisher, type Publisher } from './publisher.js';
export { consume, RetriableError, type ConsumeOptions, type MessageMeta, type RunningConsumer } from './consumer.js';
