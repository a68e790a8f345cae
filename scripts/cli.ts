/** Flags of the project's command-line scripts: `--name value` or a bare `--flag` (true). */
export function parseArgs(argv: string[]): Map<string, string | true> {
  const args = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`Unexpected argument: ${a}`);
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      args.set(a.slice(2), next);
      i++;
    } else args.set(a.slice(2), true);
  }
  return args;
}

/**
 * The usual set-up of a script: its flags, `str(name)` for a flag that must carry a value, and
 * `usage(problem)` that explains the command and exits with status 2.
 */
export interface CommandLine {
  args: Map<string, string | true>;
  str: (name: string) => string | undefined;
  usage: (problem: string) => never;
}

export function commandLine(usageText: string): CommandLine {
  const usage = (problem: string): never => {
    console.error(`${problem}\nusage: ${usageText}`);
    process.exit(2);
  };
  let args: Map<string, string | true>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    return usage((e as Error).message);
  }
  const str = (name: string): string | undefined => {
    const v = args.get(name);
    if (v === true) usage(`--${name} needs a value`);
    return v as string | undefined;
  };
  return { args, str, usage };
}
