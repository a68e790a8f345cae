/**
 * Start-up time of the product as a user runs it (`npm start`: web build, then the API on the
 * embedded PGlite with the demo council): a first start on a fresh DATA_DIR, then a warm start on
 * the same DATA_DIR. Each is timed from spawning `npm start` to the first 200 from GET /health.
 * The server's own log lines (pino JSON) give the breakdown; peak memory is sampled from `ps`.
 *
 *   npm run bench:start [-- --runs 1 --keep]
 *
 * --runs N: repeat the pair N times (fresh DATA_DIR each time) and report the medians.
 * --keep: leave the temporary DATA_DIRs in place (their paths are printed).
 * The last line is JSON: {"firstStartMs":..,"warmStartMs":..}.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from './cli.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = parseArgs(process.argv.slice(2));
const RUNS = Math.max(1, Math.min(10, Number(args.get('runs') ?? 1)));
const KEEP = args.get('keep') === true;
/** A start that has not answered by then has failed (the first start of the old code took 40 s on a busy machine). */
const TIMEOUT_MS = 180_000;

interface StartResult {
  ms: number;
  peakRssMb: number;
  /** Milestones from the server's log, ms after spawn. */
  marks: { at: number; what: string }[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Resident set size of every process in the group, in MB (npm, sh, node...). */
function groupRssMb(pgid: number): number {
  try {
    const out = execFileSync('ps', ['-o', 'rss=', '-g', String(pgid)], { encoding: 'utf8' });
    return out.split('\n').reduce((sum, l) => sum + (Number(l.trim()) || 0), 0) / 1024;
  } catch {
    return 0;
  }
}

/** What a log line says, when it marks a step of the start worth showing. */
function milestone(line: string): string | null {
  if (/^built web\//.test(line)) return 'web bundles built';
  if (/^web\/dist\/.* up to date/.test(line)) return 'web bundles up to date (not rebuilt)';
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
  const msg = String(entry.msg ?? '');
  if (msg === 'content pack loaded') return `content pack ${String(entry.tenant)} loaded (${String(entry.model)}, ${String(entry.ms)} ms)`;
  if (msg === 'council assistant listening') return 'listening';
  return null;
}

/** The embedded default (PGlite, no Redis, the bundled content, a generated key), on its own port and DATA_DIR. */
function benchEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'CONTENT_DIR', 'DATA_KEYS', 'NODE_ENV', 'PUBLIC_URL']) delete env[name];
  return env;
}

/** The process group of the start under way, stopped too if the benchmark is interrupted. */
let current: number | null = null;
process.once('SIGINT', () => {
  if (current) process.kill(-current, 'SIGKILL');
  process.exit(130);
});

async function startOnce(dataDir: string): Promise<StartResult> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: root,
    detached: true, // its own process group, so npm, sh and node are stopped together
    stdio: ['ignore', 'pipe', 'pipe'],
    env: benchEnv(dataDir, port),
  });
  current = child.pid ?? null;
  const marks: StartResult['marks'] = [];
  const output: string[] = [];
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? -1));
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line);
        const what = milestone(line);
        if (what) marks.push({ at: performance.now() - t0, what });
      }
    });
  }
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, groupRssMb(child.pid!))), 250);
  try {
    for (;;) {
      if (exited !== null) throw new Error(`npm start exited with ${exited}:\n${output.slice(-20).join('\n')}`);
      if (performance.now() - t0 > TIMEOUT_MS) throw new Error(`no answer from /health within ${TIMEOUT_MS} ms`);
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    return { ms: performance.now() - t0, peakRssMb: Math.max(peak, groupRssMb(child.pid!)), marks };
  } finally {
    clearInterval(sampler);
    const stopped = new Promise((r) => (exited !== null ? r(null) : child.once('exit', r)));
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 10_000);
    await stopped;
    clearTimeout(timer);
    current = null;
  }
}

function show(label: string, r: StartResult): void {
  console.log(`${label}: ${Math.round(r.ms)} ms to a healthy /health, peak ${Math.round(r.peakRssMb)} MB (all processes of npm start)`);
  for (const m of r.marks) console.log(`  ${String(Math.round(m.at)).padStart(6)} ms  ${m.what}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

const firsts: number[] = [];
const warms: number[] = [];
console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
for (let run = 0; run < RUNS; run++) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-start-'));
  try {
    const first = await startOnce(dataDir);
    show(`first start${RUNS > 1 ? ` #${run + 1}` : ''} (fresh DATA_DIR ${dataDir})`, first);
    const warm = await startOnce(dataDir);
    show(`warm start${RUNS > 1 ? ` #${run + 1}` : ''} (same DATA_DIR)`, warm);
    firsts.push(first.ms);
    warms.push(warm.ms);
  } finally {
    if (!KEEP) rmSync(dataDir, { recursive: true, force: true });
  }
}
console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(JSON.stringify({ firstStartMs: Math.round(median(firsts)), warmStartMs: Math.round(median(warms)) }));
