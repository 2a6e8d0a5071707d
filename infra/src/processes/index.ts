export { spawnService, binPath, type ServiceProcess, type SpawnServiceOptions } from './spawn-service.js';
export { superviseService, type SupervisedService, type SupervisionOptions } from './supervise.js';
