import pino from 'pino';

export type Logger = pino.Logger;

/**
 * JSON lines in production; the pretty form only when a person is watching a terminal.
 *
 * A log line carries ids and codes, never what a person typed nor a whole row: errors go through `scrubError`,
 * fields that usually hold typed text are redacted at any depth (see docs/privacy.md).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const pretty = !destination && process.stdout.isTTY && process.env.NODE_ENV !== 'production';
  const options: pino.LoggerOptions = {
    level,
    base: { app: 'telework-guard' },
    serializers: { err: scrubError, error: scrubError },
    formatters: { log: (obj) => scrubFields(obj, 0) as Record<string, unknown> },
    hooks: {
      // `log.error(err)` and `log.error({ err })` without a message make pino use err.message, unscrubbed, as msg.
      logMethod(args, method) {
        const first: unknown = args[0];
        if (args.length === 1 && first !== null && typeof first === 'object') {
          const fields = first as Record<string, unknown>;
          const err = first instanceof Error ? first : (fields.err ?? fields.error);
          if (err instanceof Error)
            return method.apply(this, [first, scrubMessage(err.message, err as unknown as Record<string, unknown>)]);
        }
        return method.apply(this, args);
      },
    },
    redact: {
      paths: ['*.password', '*.appPassword', '*.authorization', 'req.headers.authorization', '*.databaseUrl'],
      censor: REDACTED,
    },
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,app' },
          },
        }
      : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}

const REDACTED = '[redacted]';

/**
 * Field names that, in this code base and in the libraries it logs, hold what a person typed, a whole record, or
 * who a person is beyond their id (names and addresses). Lower case: keys are compared in lower case.
 */
const TYPED_FIELDS = new Set([
  'displayname',
  'email',
  'mail',
  'userprincipalname',
  'text',
  'note',
  'notes',
  'question',
  'answers',
  'value',
  'body',
  'activity',
  'row',
  'detail',
  'where',
  'parameters',
  'query',
]);

const MAX_DEPTH = 6;
const MAX_ITEMS = 50;

/** A copy of a log object with typed-text fields redacted and every error scrubbed, wherever they sit. */
function scrubFields(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return scrubError(value);
  if (value instanceof Date) return value;
  if (depth >= MAX_DEPTH) return '[depth]';
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return '[binary]';
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((v) => scrubFields(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (TYPED_FIELDS.has(key.toLowerCase())) out[key] = REDACTED;
    else if (key === 'err' || key === 'error' || key === 'cause') out[key] = scrubError(v);
    else out[key] = scrubFields(v, depth + 1);
  }
  return out;
}

/** PostgreSQL's names for what failed: identifiers of the schema, never data. */
const PG_IDENTIFIERS = ['schema', 'table', 'column', 'constraint', 'dataType'] as const;

/**
 * An error reduced to what helps an operator and cannot hold a person's text: type, name, message without quoted
 * values, codes, PostgreSQL's identifiers and the stack frames. Dropped: pg's `detail` ("Failing row contains
 * (…)", "Key (id)=(…)"), `where` (the parameter that failed), `hint`, the query and its parameters, HTTP request
 * and response bodies (botbuilder's and Azure SDK errors carry the activity), and anything else an error carries.
 * A string (code here often logs `err.message`) is scrubbed as a message.
 */
export function scrubError(err: unknown, depth = 0): unknown {
  if (typeof err === 'string') return scrubMessage(err);
  if (err === null || typeof err !== 'object') return err;
  const e = err as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const type = (err as object).constructor?.name;
  if (type && type !== 'Object') out.type = type;
  else if (typeof e.type === 'string') out.type = e.type.slice(0, 100); // scrubbed before
  if (typeof e.name === 'string') out.name = e.name.slice(0, 100);
  if (typeof e.message === 'string') out.message = scrubMessage(e.message, e);
  if (isCode(e.code)) out.code = e.code;
  for (const k of ['status', 'statusCode'] as const) if (typeof e[k] === 'number') out[k] = e[k];
  for (const k of PG_IDENTIFIERS) if (typeof e[k] === 'string') out[k] = e[k];
  if (typeof e.stack === 'string') {
    const frames = e.stack.split('\n').filter((line) => /^\s+at /.test(line));
    out.stack = [`${out.name ?? 'Error'}: ${out.message ?? ''}`, ...frames.slice(0, 30)].join('\n');
  }
  if (depth < 3 && e.cause !== undefined) out.cause = scrubError(e.cause, depth + 1);
  if (depth < 3 && Array.isArray(e.errors)) out.errors = e.errors.slice(0, 5).map((x) => scrubError(x, depth + 1));
  return out;
}

function isCode(code: unknown): code is string | number {
  return (typeof code === 'string' && /^[\w.:-]{1,64}$/.test(code)) || typeof code === 'number';
}

const QUOTED = /"[^"]*"|'[^']*'|“[^”]*”|‘[^’]*’|「[^」]*」|『[^』]*』/g;

/**
 * A message with every quoted part replaced: PostgreSQL, JSON.parse and most libraries quote the offending value
 * ("invalid input syntax for type date: \"…\""). The error's own schema identifiers stay, being names, not data.
 */
export function scrubMessage(message: string, err?: Record<string, unknown>): string {
  const keep = new Set(PG_IDENTIFIERS.map((k) => err?.[k]).filter((v): v is string => typeof v === 'string'));
  return message
    .slice(0, 500)
    .replace(QUOTED, (quoted) => (keep.has(quoted.slice(1, -1)) ? quoted : `${quoted[0]}…${quoted.at(-1)}`));
}
