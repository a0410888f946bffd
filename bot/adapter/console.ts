/**
 * botbuilder and botframework-connector write straight to `console`: botframework-connector's JwtTokenExtractor
 * prints every token it fails to verify together with the signing key ("Available keys: -----BEGIN …"), and
 * TokenExpiredError objects with their claims; CloudAdapter and the streaming code print what they refuse. None of it
 * can be switched off, and none of it belongs in a log that keeps ids and codes. So, once per process, `console`'s
 * writers look at who called them: a call from inside those packages becomes one code-level line on the adapter's log;
 * every other caller gets the console it had.
 */
import type { AdapterLog } from './log.ts';

const LIBRARY_FRAME =
  /[\\/]node_modules[\\/](botbuilder(?:-core|-stdlib)?|botframework-(?:connector|schema|streaming))[\\/]/;
const LEVELS = ['error', 'warn', 'log', 'info', 'debug', 'trace'] as const;

let sink: AdapterLog | undefined;
let installed = false;

/** The package whose code called the console writer, if it is one of botbuilder's. */
function callingLibrary(): string | undefined {
  const stack = new Error().stack?.split('\n') ?? [];
  // [0] "Error", [1] this function, [2] the replaced writer, [3] its caller.
  const caller = stack[3] ?? '';
  return LIBRARY_FRAME.exec(caller)?.[1];
}

/** What kind of thing the library printed, as a code: never the printed text itself. */
function outputCode(args: unknown[]): string {
  const first = args[0];
  if (first instanceof Error) {
    if (first.name === 'TokenExpiredError') return 'token-expired';
    return first.name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
  }
  if (typeof first === 'string') {
    if (first.startsWith('Error finding key for token')) return 'token-verification-failed';
    if (first.startsWith('BadRequest')) return 'bad-request';
  }
  return 'library-output';
}

/** Sends botbuilder's console output to `log` from now on (the latest adapter's log wins; other callers untouched). */
export function routeBotbuilderConsole(log: AdapterLog): void {
  sink = log;
  if (installed) return;
  installed = true;
  for (const level of LEVELS) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      const library = sink ? callingLibrary() : undefined;
      if (!library || !sink) return original(...args);
      const line = { reason: 'library-console', library, stream: level, code: outputCode(args) };
      if (level === 'error' || level === 'warn') sink.warn(line, 'botbuilder reported a problem');
    };
  }
}
