/**
 * The `/docs` page. The gateway's Content-Security-Policy allows scripts only from its own origin
 * and no inline script, so the page is plain HTML that loads Swagger UI and a start-up script as
 * same-origin files. Relative URLs keep it working behind a proxy that mounts the gateway under a prefix.
 */
export const DOCS_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>paymesh API</title>
    <link rel="icon" type="image/png" href="docs/assets/favicon-32x32.png">
    <link rel="stylesheet" href="docs/assets/swagger-ui.css">
  </head>
  <body>
    <main id="swagger-ui"></main>
    <noscript>The interactive reference needs JavaScript; the document itself is at <a href="openapi.json">openapi.json</a>.</noscript>
    <script src="docs/assets/swagger-ui-bundle.js"></script>
    <script src="docs/assets/docs-start.js"></script>
  </body>
</html>
`;

/**
 * Starts Swagger UI on the served document. The base layout has no top bar, and validatorUrl null
 * stops it from loading a badge from swagger.io, which the policy would block.
 */
export const DOCS_START_JS = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: 'openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
`;
