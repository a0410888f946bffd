import pino from 'pino';

export type Logger = pino.Logger;

/** JSON lines in production; the pretty form only when a person is watching a terminal. */
export function createLogger(level: string): Logger {
  const pretty = process.stdout.isTTY && process.env.NODE_ENV !== 'production';
  return pino({
    level,
    base: { app: 'telework-guard' },
    redact: {
      paths: ['*.password', '*.appPassword', '*.authorization', 'req.headers.authorization', '*.databaseUrl'],
      censor: '[redacted]',
    },
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,app' },
          },
        }
      : {}),
  });
}
