// Serves the app over HTTP and shuts down gracefully: stop accepting, finish in-flight requests, close the database.
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './core/http/app.js';
import type { AppDeps } from './core/http/context.js';
import { appModules } from './app-modules.js';

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

export function startServer(deps: AppDeps, port = deps.config.port, hostname = deps.config.host): Promise<RunningServer> {
  const app = createApp(deps, appModules);
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
      resolve({
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            (server as Server).close(() => done());
            (server as Server).closeIdleConnections();
          }),
      });
    }) as Server;
    // Keep-alive sockets from load balancers must not hold a graceful shutdown open for long.
    server.keepAliveTimeout = 5_000;
  });
}

/** Ctrl-C / SIGTERM: finish what is in flight (at most `graceMs`), then close the database and exit. */
export function shutdownOnSignals(running: RunningServer, deps: AppDeps, graceMs = 10_000): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.log.info('shutting down', { signal });
    const force = setTimeout(() => {
      deps.log.warn('in-flight requests did not finish in time; exiting');
      process.exit(1);
    }, graceMs);
    force.unref();
    await running.close();
    await Promise.all(appModules.map((m) => m.stop?.()));
    await deps.db.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
