/**
 * The flags node runs the product with (issue 11). `--no-regexp-tier-up` compiles each regular
 * expression to machine code at its first use: with V8's default (interpret first, then tier up)
 * the safety screen's largest families stayed interpreted and a message's understanding cost about
 * twice as much CPU (`npm run bench:understanding`). They are V8 flags, which NODE_OPTIONS refuses,
 * so every way of starting the product names them: package.json's start scripts, the Dockerfile and
 * the benchmarks' product processes (a test keeps them in step with this list).
 */
export const PRODUCT_NODE_FLAGS: readonly string[] = ['--no-regexp-tier-up'];

/** The product's flags this process was started without (its log says so at start). */
export function missingNodeFlags(execArgv: readonly string[] = process.execArgv): string[] {
  return PRODUCT_NODE_FLAGS.filter((flag) => !execArgv.includes(flag));
}
