// The local stack other workspaces start from their tests, benchmarks and the fault campaign:
// configuration, the broker and database (`ensureInfra`), the whole mesh, and where data lives.
export { loadInfraConfig, type InfraConfig } from '../config.js';
export { ensureInfra, type Infra } from '../infra.js';
export { startMesh, DEFAULT_PORTS, type Mesh, type MeshOptions, type MeshPorts, type MeshService } from '../mesh.js';
export { cacheDir, dataDir, repoRoot } from '../paths.js';
export { EDGE_LIMITS_OFF } from '../edge-limits.js';
