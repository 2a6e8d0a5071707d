import { createRequire } from 'node:module';
import path from 'node:path';
import { Router } from 'express';
import { DOCS_HTML, DOCS_START_JS } from './docs-page.js';
import { servedJsonDocument } from './json-document.js';

export interface PublishedDocuments {
  /** The OpenAPI document of the public API. */
  openapi: object;
  /** The AsyncAPI document of the public Kafka topics. */
  asyncapi: object;
}

/** Long enough to spare repeated downloads, short enough that a new release is seen within minutes. */
const DOCUMENT_MAX_AGE_S = 300;
const ASSET_MAX_AGE_MS = 3_600_000;

/** Only the two files the page needs are served from swagger-ui-dist, not the whole folder (its demo page, source maps). */
const swaggerUiDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const SWAGGER_UI_ASSETS = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png'];

/**
 * The published contract: `GET /openapi.json`, `GET /asyncapi.json` and the `/docs` reference
 * page with its same-origin assets. Mounted behind the per-client limit, like every public route.
 */
export function docsRoutes(documents: PublishedDocuments): Router {
  const router = Router();
  router.get('/openapi.json', servedJsonDocument(documents.openapi, DOCUMENT_MAX_AGE_S));
  router.get('/asyncapi.json', servedJsonDocument(documents.asyncapi, DOCUMENT_MAX_AGE_S));
  router.get('/docs', (_req, res) => {
    res.set('Cache-Control', `public, max-age=${DOCUMENT_MAX_AGE_S}`).type('html').send(DOCS_HTML);
  });
  router.get('/docs/assets/docs-start.js', (_req, res) => {
    res.set('Cache-Control', `public, max-age=${ASSET_MAX_AGE_MS / 1000}`).type('text/javascript').send(DOCS_START_JS);
  });
  for (const file of SWAGGER_UI_ASSETS) {
    router.get(`/docs/assets/${file}`, (_req, res) => {
      res.sendFile(path.join(swaggerUiDir, file), { maxAge: ASSET_MAX_AGE_MS });
    });
  }
  return router;
}
