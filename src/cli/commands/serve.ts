/**
 * `steve serve` runs the web app and API; `steve start` (what `npm start` runs) also builds
 * the web app when needed and creates the demo practice in an empty database.
 */
import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import { globals, intOption, type CliRuntime, type ServeOptions } from '../runtime.js';

async function run(rt: CliRuntime, cmd: Command, opts: { port?: number; host?: string; backupDaily?: number }, start: boolean): Promise<void> {
  if (!rt.serve) throw new AppError('INTERNAL', 'This build of steve cannot run a server.');
  const serveOpts: ServeOptions = { ...globals(cmd), start };
  if (opts.port !== undefined) serveOpts.port = opts.port;
  if (opts.host !== undefined) serveOpts.host = opts.host;
  if (opts.backupDaily !== undefined) serveOpts.backupDaily = opts.backupDaily;
  const server = await rt.serve(serveOpts, (line) => rt.err(line));
  rt.out(`Steve is running at ${server.url} (data: ${server.location})`);
  if (server.demoSignIn) rt.out(`Demo sign-in: ${server.demoSignIn.email} / ${server.demoSignIn.password}`);
  rt.out('Press Ctrl+C to stop.');
  await server.closed;
}

export function registerServe(program: Command, rt: CliRuntime): void {
  for (const [name, description, start] of [
    ['serve', 'run the web app and API (http://127.0.0.1:4310 by default)', false],
    ['start', 'build the web app if needed, create the demo practice in an empty database, and serve', true],
  ] as const) {
    program
      .command(name)
      .description(description)
      .option('--port <port>', 'port to listen on (env STEVE_PORT, default 4310)', intOption('port'))
      .option('--host <host>', 'address to listen on (env STEVE_HOST, default 127.0.0.1: this machine only)')
      .option('--backup-daily <n>', "back up once a day into the data folder's backups/, keeping the newest n (SQLite)", intOption('backup-daily'))
      .action(async (opts: { port?: number; host?: string; backupDaily?: number }, cmd: Command) => run(rt, cmd, opts, start));
  }
}
