export { type KafkaConnection } from './connection.js';
export { ensureTopics, pingKafka, topicEndOffsets, topicOffsetRanges, type TopicSpec, type PartitionRange } from './admin.js';
export { createPublisher, type Publisher } from './publisher.js';
export { replayTopic, type ReplayOptions, type ReplayingConsumer, type StreamStatus } from './batch-consumer.js';
export { createRecordWriter, readTopicRanges, readTopicToEnd, type KeyedRecord, type OffsetSpan, type RecordWriter, type ReadToEndOptions } from './records.js';
