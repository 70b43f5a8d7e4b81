import type { ServiceDeps } from '../services/context.js';

/** What buildApp needs: the services' dependencies and the server's own settings. */
export interface AppDeps extends ServiceDeps {
  sessionHours: number;
  secureCookies: boolean;
  /** The built web app (dist/web) to serve, or null to serve the API alone. */
  webRoot: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  version: string;
  /** Largest accepted request body in bytes (default 1 MB). */
  bodyLimit?: number;
}
