/**
 * Request validation through the contract's own `parseInput`, so the API refuses bad input
 * with exactly the message the CLI gives ("Date of birth is not a real calendar date.")
 * and the field name a form can point at.
 */
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { parseInput } from '../contract/common.js';

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    try {
      // A POST with no body (e.g. "complete this task") is an empty object, not null.
      const input = httpPart === 'body' && (data === null || data === undefined) ? {} : data;
      return { value: parseInput(schema, input) };
    } catch (error) {
      return { error: error as Error };
    }
  };
