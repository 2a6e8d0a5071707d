import type { z } from 'zod';
import { errors } from '../errors/catalogue.js';
import type { FieldProblem } from '../errors/error-body.js';
import { ERROR_CODE_META } from './field-code.js';

/** The code a schema declares for itself in its metadata, if any. */
function ownCode(schema: z.ZodType | undefined): string | undefined {
  const code = schema?.meta()?.[ERROR_CODE_META];
  return typeof code === 'string' ? code : undefined;
}

/** The schema of an object's top-level field, where a request's field codes are declared. */
function fieldSchema(schema: z.ZodType, key: PropertyKey | undefined): z.ZodType | undefined {
  if (key === undefined) return schema;
  const shape = (schema as { shape?: Record<PropertyKey, z.ZodType> }).shape;
  return shape?.[key];
}

export interface RequestProblems {
  /** The first code a bad field declares, else VALIDATION_FAILED: what a program branches on. */
  code: string;
  fields: FieldProblem[];
}

/**
 * Turns a failed parse into one problem per issue, each naming its field and, when the field's
 * schema declares one, that field's code; fields without one keep the generic VALIDATION_FAILED.
 */
export function requestProblems(schema: z.ZodType, error: z.ZodError): RequestProblems {
  const fields = error.issues.map((issue): FieldProblem => {
    const field = issue.path.join('.') || '(body)';
    const code = ownCode(fieldSchema(schema, issue.path[0]));
    return code ? { field, code, message: issue.message } : { field, message: issue.message };
  });
  return { code: fields.find((f) => f.code)?.code ?? errors.VALIDATION_FAILED.code, fields };
}
