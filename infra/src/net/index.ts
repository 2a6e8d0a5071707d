export { startTcpProxy, type ConnectionFilter, type TcpProxy, type TcpProxyOptions } from './tcp-proxy.js';
export { kafkaMetadataFilter } from './kafka-frames.js';
