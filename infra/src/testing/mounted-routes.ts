/** The parts of an Express 5 router stack that say what is mounted where. */
interface Layer {
  rawPath?: unknown;
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

const joined = (prefix: string, path: string) => (path === '/' ? prefix || '/' : `${prefix}${path}`);

/**
 * Every route an Express app answers, as "METHOD /path", read from its router stack: routes
 * declared with app.get/router.post…, including those of routers mounted under a prefix.
 * Middleware that answers a whole prefix (a proxy) is not a route and is not listed.
 */
export function mountedRoutes(app: object): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on && method !== '_all') found.push(`${method.toUpperCase()} ${joined(prefix, layer.route.path)}`);
        }
      } else if (layer.handle?.stack) {
        const path = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
        walk(layer.handle.stack, prefix + path);
      }
    }
  };
  // Express's own types leave the stack's layers opaque; these fields are router 2's.
  walk((app as { router: { stack: Layer[] } }).router.stack, '');
  return [...new Set(found)].sort();
}
