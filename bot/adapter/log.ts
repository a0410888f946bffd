/** The logging the adapter needs (pino's Logger fits); lines carry ids and codes, never tokens, keys or text. */
export interface AdapterLog {
  warn(o: object, msg?: string): void;
  error(o: object, msg?: string): void;
}

/**
 * An error as a log line may show it: its class, its code (a PostgreSQL SQLSTATE, a Node errno) and where it was
 * thrown. Not its message — a JSON.parse or database message can quote what a person typed.
 */
export function errorFacts(err: unknown): { name: string; code?: string; at?: string[] } {
  if (!(err instanceof Error)) return { name: typeof err };
  const code = (err as { code?: unknown }).code;
  const at = err.stack
    ?.split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 6)
    .map((line) => line.trim());
  return { name: err.name, ...(typeof code === 'string' ? { code } : {}), ...(at?.length ? { at } : {}) };
}
