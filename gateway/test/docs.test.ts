import { expect } from 'chai';
import type { RunningService as RunningGateway } from '@paymesh/shared/http';
import { startGateway } from './support/gateway.js';
import { call } from './support/http.js';
import { rawHttp, rawRequest } from './support/raw-http.js';

/** The script and stylesheet URLs a page loads, resolved against the page's own URL. */
function assetsOf(html: string, pageUrl: string): string[] {
  const refs = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  return refs.map((ref) => new URL(ref, pageUrl).href);
}

describe('the published contract: /openapi.json, /asyncapi.json and /docs', () => {
  let gateway: RunningGateway;

  before(async () => {
    gateway = await startGateway();
  });
  after(async () => {
    await gateway.stop();
  });

  it('serves the OpenAPI document as cacheable JSON with an ETag, and a 304 for that ETag', async () => {
    // Act
    const first = await call(`${gateway.url}/openapi.json`);
    const again = await fetch(`${gateway.url}/openapi.json`, { headers: { 'if-none-match': first.headers.get('etag')! } });

    // Assert
    expect(first.status).to.equal(200);
    expect(first.headers.get('content-type')).to.match(/^application\/json/);
    expect(first.headers.get('cache-control')).to.match(/^public, max-age=\d+$/);
    expect(first.body).to.include({ openapi: '3.1.0' });
    expect(again.status).to.equal(304);
    expect(await again.text()).to.equal('');
  });

  it('serves the AsyncAPI document of the Kafka topics', async () => {
    // Act
    const res = await call<{ asyncapi: string; channels: Record<string, { address: string }> }>(`${gateway.url}/asyncapi.json`);

    // Assert
    expect(res.status).to.equal(200);
    expect(res.headers.get('etag')).to.match(/^"[\w-]+"$/);
    expect(res.body.asyncapi).to.equal('3.0.0');
    expect(Object.values(res.body.channels).map((c) => c.address)).to.include('transactions');
  });

  it('serves /docs as HTML with no inline script under a CSP that allows only same-origin scripts, and every asset it loads', async () => {
    // Act
    const page = await fetch(`${gateway.url}/docs`);
    const html = await page.text();
    const assets = await Promise.all(
      assetsOf(html, page.url).map(async (url) => {
        const res = await fetch(url);
        await res.arrayBuffer();
        return { url, res };
      }),
    );

    // Assert
    expect(page.status).to.equal(200);
    expect(page.headers.get('content-type')).to.match(/^text\/html/);
    expect(page.headers.get('content-security-policy')).to.include("script-src 'self'");
    expect(html.match(/<script\b[^>]*>/g)?.every((tag) => /\bsrc="/.test(tag))).to.equal(true);
    expect(assets.map(({ url }) => new URL(url).origin)).to.deep.equal(assets.map(() => gateway.url));
    const types = assets.map(({ url, res }) => `${new URL(url).pathname} ${res.status} ${res.headers.get('content-type')?.split(';')[0]}`);
    expect(types).to.deep.equal([
      '/docs/assets/favicon-32x32.png 200 image/png',
      '/docs/assets/swagger-ui.css 200 text/css',
      '/docs/assets/swagger-ui-bundle.js 200 text/javascript',
      '/docs/assets/docs-start.js 200 text/javascript',
    ]);
  });

  it('serves only the viewer files the page needs, not the rest of the viewer package', async () => {
    // Act
    const res = await call(`${gateway.url}/docs/assets/index.html`);

    // Assert
    expect(res.status).to.equal(404);
    expect(res.body).to.include({ code: 'NOT_FOUND' });
  });

  it('refuses a non-canonical spelling of the document path with 400', async () => {
    // Act
    const res = await rawRequest(gateway.url, rawHttp('GET', '/docs/../openapi.json'));

    // Assert
    expect(res.status).to.equal(400);
    expect(res.body).to.include({ code: 'NON_CANONICAL_PATH' });
  });

  it('counts the documents against the per-client limit like every public route', async () => {
    // Arrange
    const limited = await startGateway({ RATE_LIMIT_PER_IP: '2' });
    try {
      // Act
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await call(`${limited.url}/openapi.json`)).status);
      const refused = await call(`${limited.url}/docs`);

      // Assert
      expect(statuses).to.deep.equal([200, 200, 429]);
      expect(refused.status).to.equal(429);
      expect(refused.body).to.include({ code: 'RATE_LIMITED' });
      expect(refused.headers.get('retry-after')).to.match(/^\d+$/);
    } finally {
      await limited.stop();
    }
  });
});
