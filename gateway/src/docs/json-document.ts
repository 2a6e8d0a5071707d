import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';

/**
 * Serves a document that is fixed for the life of the process: serialised once, with a strong
 * ETag of its bytes, so a docs viewer or a client generator revalidates with a 304 and no body.
 */
export function servedJsonDocument(document: object, maxAgeS: number): RequestHandler {
  const body = Buffer.from(JSON.stringify(document));
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return (req, res) => {
    res.set({ ETag: etag, 'Cache-Control': `public, max-age=${maxAgeS}` });
    const candidates = (req.get('if-none-match') ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    if (candidates.includes(etag) || candidates.includes('*')) return void res.status(304).end();
    res.type('application/json').send(body);
  };
}
