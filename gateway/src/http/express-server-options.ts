import { IncomingMessage, ServerResponse, type ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import type { Express } from 'express';

type Construct<T> = (this: T, ...args: never[]) => void;

/**
 * Express swaps the prototype of every request and response to its own (`setPrototypeOf` in
 * `app.handle`), which sends V8 down slow paths for the rest of the request: about 100 µs of
 * CPU per proxied request on this machine, a third of the gateway's cost. Having Node build
 * them with Express's prototypes from the start turns that swap into a no-op.
 */
export function expressServerOptions(app: Express): ServerOptions {
  function ExpressRequest(this: IncomingMessage, socket: Socket) {
    (IncomingMessage as unknown as Construct<IncomingMessage>).call(this, socket as never);
  }
  ExpressRequest.prototype = app.request;

  function ExpressResponse(this: ServerResponse, req: IncomingMessage, options: unknown) {
    (ServerResponse as unknown as Construct<ServerResponse>).call(this, req as never, options as never);
  }
  ExpressResponse.prototype = app.response;

  return {
    IncomingMessage: ExpressRequest as unknown as typeof IncomingMessage,
    ServerResponse: ExpressResponse as unknown as typeof ServerResponse,
  };
}
