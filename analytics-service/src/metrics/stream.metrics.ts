import { Gauge, type Registry } from '@paymesh/shared/metrics';

/**
 * Live stats streams open on this instance. Behind a gateway that shares one upstream stream
 * among its viewers this is the number of gateway processes with viewers, not of viewers: a
 * figure well above that means clients reach analytics around the gateway.
 */
export function measureOpenStreams(registry: Registry, open: () => number): void {
  new Gauge({
    name: 'analytics_open_streams',
    help: 'GET /stats/stream connections open now, all clients together',
    registers: [registry],
    collect() {
      this.set(open());
    },
  });
}
