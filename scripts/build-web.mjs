/**
 * Builds the browser bundles (IIFE, minified, with source maps):
 *   web/widget/index.ts  -> web/dist/widget.js   (injects its own CSS: embedding stays one script tag)
 *   web/console/index.ts -> web/dist/console.js  (the agent console, loaded by web/console/index.html)
 * socket.io-client is bundled into both.
 * Run: node scripts/build-web.mjs   (or import { buildWeb } in tests)
 */
import { build } from 'esbuild';
import { mkdir } from 'node:fs/promises';
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
  return { outdir, bytes: Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { outdir, bytes } = await buildWeb();
  console.log(`built ${path.relative(root, outdir)}/widget.js and console.js (${bytes} bytes incl. maps)`);
}
