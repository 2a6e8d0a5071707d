export { startClusterProcess, type ClusterProcessOptions, type RunningClusterProcess } from './cluster-process.js';
export { postgresDataDir } from './data-dir.js';
