export { startBroker, type BrokerOptions, type RunningBroker } from './broker.js';
export { ensureKafkaJars, kafkaLibDir, kafkaVersion } from './jars.js';
