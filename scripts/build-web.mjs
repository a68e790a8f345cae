/**
 * Builds the browser bundles: web/widget/index.ts -> web/dist/widget.js (IIFE, minified,
 * with a source map). The widget injects its own CSS, so embedding stays one script tag.
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
    entryPoints: [path.join(root, 'web/widget/index.ts')],
    outfile: path.join(outdir, 'widget.js'),
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
  console.log(`built ${path.relative(root, outdir)}/widget.js (${bytes} bytes incl. map)`);
}
