/**
 * Builds the browser bundles (IIFE, minified, with source maps):
 *   web/widget/index.ts  -> web/dist/widget.js   (injects its own CSS: embedding stays one script tag)
 *   web/console/index.ts -> web/dist/console.js  (the agent console, loaded by web/console/index.html)
 * socket.io-client is bundled into both.
 * Run: node scripts/build-web.mjs [--if-changed]   (or import { buildWeb } in tests); --if-changed
 * skips the build when the bundles are newer than every input of the last build (npm start).
 */
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Evergreen browsers of the last few years; esbuild lowers newer syntax (??=, class fields). */
const TARGETS = ['es2020'];

export async function buildWeb({ outdir = path.join(root, 'web/dist'), minify = true } = {}) {
  await mkdir(outdir, { recursive: true });
  const result = await build({
    entryPoints: [
      { in: path.join(root, 'web/widget/index.ts'), out: 'widget' },
      { in: path.join(root, 'web/console/index.ts'), out: 'console' },
    ],
    outdir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: TARGETS,
    minify,
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  // What the bundles were built from, so a start can skip an unchanged build (upToDate).
  const inputs = [...Object.keys(result.metafile.inputs), path.relative(root, fileURLToPath(import.meta.url)), 'node_modules/esbuild/package.json'];
  await writeFile(path.join(outdir, 'inputs.json'), JSON.stringify(inputs));
  return { outdir, bytes: Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0) };
}

/** Whether the bundles are newer than every file they were built from (a warm start skips the build). */
export async function upToDate(outdir = path.join(root, 'web/dist')) {
  try {
    const inputs = JSON.parse(await readFile(path.join(outdir, 'inputs.json'), 'utf8'));
    const built = Math.min(...['widget.js', 'console.js'].map((f) => statSync(path.join(outdir, f)).mtimeMs));
    return inputs.length > 0 && inputs.every((f) => statSync(path.resolve(root, f)).mtimeMs <= built);
  } catch {
    return false; // never built, or an input is gone: build
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--if-changed') && (await upToDate())) {
    console.log('web/dist/widget.js and console.js are up to date');
  } else {
    const { outdir, bytes } = await buildWeb();
    console.log(`built ${path.relative(root, outdir)}/widget.js and console.js (${bytes} bytes incl. maps)`);
  }
}
