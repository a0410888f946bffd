/**
 * Preloaded into server child processes (`node --import ./test/harness/offline-guard.ts …`, done by spawnServer):
 * every TCP/TLS connection to a non-loopback host fails immediately and is reported on stderr as
 *   OFFLINE-GUARD blocked <host>:<port>
 * so a test can assert that nothing tried to reach login.microsoftonline.com, api.botframework.com or anything else.
 * Unix sockets and loopback addresses pass.
 */
import net from 'node:net';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\]|::ffff:127\.\d+\.\d+\.\d+)$/i;

type ConnectArgs = [unknown, ...unknown[]];

function target(args: ConnectArgs): { host: string; port: string } | null {
  const first = args[0];
  if (Array.isArray(first)) return target(first as ConnectArgs); // internal normalized form
  if (typeof first === 'object' && first !== null) {
    const o = first as { path?: string; host?: string; port?: number | string };
    if (o.path) return null;
    return { host: o.host ?? 'localhost', port: String(o.port ?? '') };
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: String(first) };
  }
  return null; // a path (unix socket / named pipe)
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function patchedConnect(this: net.Socket, ...args: ConnectArgs) {
  const t = target(args);
  if (t && !LOOPBACK.test(t.host)) {
    process.stderr.write(`OFFLINE-GUARD blocked ${t.host}:${t.port}\n`);
    const err = Object.assign(new Error(`offline guard: connection to ${t.host}:${t.port} blocked`), {
      code: 'ECONNREFUSED',
    });
    process.nextTick(() => this.destroy(err));
    return this;
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
