import { expect } from 'chai';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3_1 } from 'openapi-types';
import { errors, type ErrorCode } from '../src/errors/index.js';
import { buildOpenApiDocument } from '../src/openapi/index.js';

const document = () => buildOpenApiDocument() as unknown as OpenAPIV3_1.Document;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function operations(doc: OpenAPIV3_1.Document) {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => item?.[method]).map((method) => ({ path, method, operation: item![method]! })),
  );
}

/** The codes a documented error answer allows, read from its body schema's `code` enum. */
function codesOf(response: OpenAPIV3_1.ResponseObject): string[] {
  const schema = response.content?.['application/json']?.schema as { properties?: { code?: { enum?: string[] } }; anyOf?: unknown[] } | undefined;
  if (schema?.anyOf) return (schema.anyOf as { properties: { code: { enum: string[] } } }[]).flatMap((s) => s.properties.code.enum);
  return schema?.properties?.code?.enum ?? [];
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 by the official schema, with every $ref resolving', async () => {
    // Act
    const validated = (await SwaggerParser.validate(structuredClone(document()))) as OpenAPIV3_1.Document;

    // Assert
    expect(validated.openapi).to.equal('3.1.0');
  });

  it('puts every error code under the status the catalogue gives it', () => {
    // Arrange
    const misplaced: string[] = [];

    // Act
    for (const { path, method, operation } of operations(document())) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (Number(status) < 400) continue;
        for (const code of codesOf(response as OpenAPIV3_1.ResponseObject)) {
          if (errors[code as ErrorCode]?.status !== Number(status)) misplaced.push(`${method} ${path} ${status} ${code}`);
        }
      }
    }

    // Assert
    expect(misplaced).to.deep.equal([]);
  });

  it('documents 429 RATE_LIMITED with Retry-After on every operation the limits cover, and 401 on every one needing a token', () => {
    // Arrange
    const gaps: string[] = [];

    // Act
    for (const { path, method, operation } of operations(document())) {
      const responses = operation.responses as Record<string, OpenAPIV3_1.ResponseObject>;
      if (path !== '/ready' && !(responses['429']?.headers?.['Retry-After'] && codesOf(responses['429']).includes('RATE_LIMITED'))) gaps.push(`${method} ${path}: 429`);
      if (operation.security && !responses['401']?.headers?.['WWW-Authenticate']) gaps.push(`${method} ${path}: 401`);
    }

    // Assert
    expect(gaps).to.deep.equal([]);
  });

  it('states its version and the versioning policy', () => {
    // Act
    const { info } = document();

    // Assert
    expect(info.version).to.match(/^\d+\.\d+\.\d+$/);
    expect(info.description).to.include('additive');
  });
});
