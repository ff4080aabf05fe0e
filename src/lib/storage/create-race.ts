/**
 * Whether a CREATE TABLE IF NOT EXISTS failed only because another server made the same table
 * at the same moment. PostgreSQL then answers unique_violation (23505, on its catalogue),
 * duplicate_table (42P07) or duplicate_object (42710, "type ... already exists"), and the table
 * is there either way.
 */
export function isCreateTableRace(error: unknown): boolean {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (code === '23505' || code === '42P07' || code === '42710') return true;
  return error instanceof Error && /already exists|duplicate key value/i.test(error.message);
}
