/**
 * The product as it runs in production, in a process of its own (`api/main.ts` through tsx), for
 * benchmarks that drive it over HTTP (bench:voice, bench:meta): its event loop is not shared with
 * the load generator. PostgreSQL and Redis when DATABASE_URL / REDIS_URL are set, else the embedded
 * PGlite in a temporary DATA_DIR; the intent model cached between runs; rate limits off (the load
 * comes from one address). BENCH_CPU_PROF=<dir>: the product writes a V8 CPU profile there when it stops.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRODUCT_NODE_FLAGS } from '../api/node-flags.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ProductProcess {
  url: string;
  /** The store /health reports (`pglite` or `postgres`). */
  store: string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts the product with `env` added (a channel's settings pointing at its stand-in); resolves once /health answers. */
export async function startProductProcess(label: string, env: NodeJS.ProcessEnv): Promise<ProductProcess> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`));
  // The intent model is trained once and reused by every run (it is keyed by its training phrases).
  const models = path.join(os.tmpdir(), 'council-assistant-bench-models');
  fs.mkdirSync(models, { recursive: true });
  fs.symlinkSync(models, path.join(work, 'models'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const childEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    // A throwaway key: production refuses to run without one.
    DATA_KEYS: `kbench:${randomBytes(32).toString('base64')}`,
    PORT: String(port),
    DATA_DIR: work,
    PUBLIC_URL: url,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    JOBS_QUEUE_NAME: `${label}-${randomBytes(4).toString('hex')}`,
    RATE_LIMIT_CONVERSATIONS_PER_MINUTE: '0',
    RATE_LIMIT_MESSAGES_PER_MINUTE: '0',
    RATE_LIMIT_MESSAGES_PER_IP_PER_MINUTE: '0',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    ...env,
  };
  const logFile = path.join(work, 'server.log');
  const log = fs.openSync(logFile, 'a');
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(process.env.BENCH_CPU_PROF)] : [];
  const child = spawn(process.execPath, [...PRODUCT_NODE_FLAGS, ...profile, '--import', 'tsx', 'api/main.ts'], { cwd: root, env: childEnv, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      const done = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 20_000))]);
      if (!done) child.kill('SIGKILL');
    }
    fs.rmSync(work, { recursive: true, force: true });
  };
  process.once('exit', () => child.exitCode === null && child.kill('SIGKILL'));
  const until = Date.now() + 300_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the product exited with ${child.exitCode}:\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}`);
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return { url, store: ((await res.json()) as { store: string }).store, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error('the product did not start within 300 s');
}
