/** The logging the adapter needs (pino's Logger fits); lines carry ids and codes, never tokens, keys or text. */
export interface AdapterLog {
  warn(o: object, msg?: string): void;
  error(o: object, msg?: string): void;
}

/**
 * An error as a log line may show it: its class, its code (a PostgreSQL SQLSTATE, a Node errno) and where it was
 * thrown. Not its message — a JSON.parse or database message can quote what a person typed. The frames travel as a
 * `stack` without a message, the one shape the logger's `err` serializer (src/log.ts) passes on.
 */
export function errorFacts(err: unknown): { name: string; code?: string; stack?: string } {
  if (!(err instanceof Error)) return { name: typeof err };
  const code = (err as { code?: unknown }).code;
  const frames = err.stack?.split('\n').filter((line) => /^\s+at /.test(line)) ?? [];
  return {
    name: err.name,
    ...(typeof code === 'string' ? { code } : {}),
    ...(frames.length ? { stack: [err.name, ...frames.slice(0, 6)].join('\n') } : {}),
  };
}
