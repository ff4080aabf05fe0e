import type { z } from 'zod';

/**
 * Parses a data file with its schema. A bad value stops the build with a
 * message naming the file and each field at fault, like content collections do.
 */
export function parseDataFile<S extends z.ZodType>(file: string, schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  throw new Error(`${file} does not match its schema:\n${problems.join('\n')}`);
}
