// What the fault campaign imports to prove the fold right against the payment database.
export { reconcile, type ReconcileDeps, type ReconcileReport } from './reconcile.js';
