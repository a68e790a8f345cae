/**
 * Boundary check (`npm run check:boundaries`): keeps the folder map of ARCHITECTURE.md true.
 *   no-folder-cycle     no cycle between top-level folders
 *   no-deep-import      another top-level folder is used only through its `index.ts`
 *   web-only-wire       browser code uses no server folder, only the shared `wire/`
 *   layer-<folder>      each folder uses only what the "may use" column of ARCHITECTURE.md allows
 *   not-to-tools        shipped code never imports a test, fixture, test helper or script
 * Test files (`*.test.ts`, `*.fixture.ts`, any `test/` folder) and `scripts/` are tools that drive a
 * folder from outside: they may import internals and any folder, so they are exempt from the
 * deep-import and layer rules, and their imports are not followed, so they never make a folder cycle
 * (not-to-tools keeps them from being imported back).
 */

/** The top-level folders that hold code. `content/` and `catalogue/` are data, not code. */
const CODE_FOLDERS = [
  'store', 'jobs', 'intents', 'knowledge-base', 'cases', 'conversations', 'notify', 'handoff', 'bot',
  'channels', 'open311', 'backoffice', 'updates', 'files', 'callbacks', 'reports', 'api', 'web', 'wire', 'scripts', 'test',
];

/**
 * ARCHITECTURE.md's "may use" column. `wire/` (JSON shapes shared by server and browser) uses
 * nothing and may be used by every folder that uses others (not store/, intents/, notify/).
 * `conversations/` (the conversation lifecycle) sits on `store/` alone and is used by `handoff/`,
 * `bot/`, `channels/` and `api/`. `api/` and the tools (scripts, tests) may use everything.
 */
const MAY_USE = {
  store: [],
  intents: [],
  wire: [],
  notify: [],
  jobs: ['store'],
  'knowledge-base': ['intents'],
  cases: ['store'],
  conversations: ['store'],
  handoff: ['store', 'jobs', 'intents', 'conversations', 'notify'],
  bot: ['store', 'intents', 'knowledge-base', 'cases', 'handoff', 'conversations'],
  channels: ['bot', 'store', 'jobs', 'handoff', 'conversations', 'files'],
  open311: ['store', 'cases', 'bot'],
  backoffice: ['store', 'cases', 'jobs'],
  updates: ['store', 'jobs', 'notify', 'cases'],
  files: ['store'],
  callbacks: ['store', 'jobs', 'conversations'],
  reports: ['store'],
  // web/ is covered by web-only-wire.
};

const anyFolder = `^(${CODE_FOLDERS.join('|')})/`;
/** Files that are tools rather than parts: tests, fixtures, test helpers, scripts. */
const TOOLS = ['\\.test\\.ts$', '\\.fixture\\.ts$', '(^|/)test/', '^scripts/'];

const layerRules = Object.entries(MAY_USE).map(([folder, allowed]) => ({
  name: `layer-${folder}`,
  severity: 'error',
  comment:
    `${folder}/ may use ${allowed.length ? allowed.map((f) => `${f}/`).join(', ') : 'nothing of ours'}` +
    ` (ARCHITECTURE.md, Layers)${allowed.length ? ', and wire/' : ''}.`,
  from: { path: `^${folder}/`, pathNot: TOOLS },
  // A folder that may use nothing of ours (store, intents, wire) does not get wire/ either.
  to: { path: anyFolder, pathNot: [`^(${[folder, ...allowed, ...(allowed.length ? ['wire'] : [])].join('|')})/`] },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycle',
      severity: 'error',
      comment:
        'Top-level folders form a cycle. Break it with a port (an interface the lower folder owns, ' +
        'implemented in api/server.ts) or by moving the shared piece down a layer.',
      // dependency-cruiser names a folder dependency by the imported file's own folder, so a deep
      // import into a subfolder (handoff/referrals/...) can hide a cycle here; no-deep-import reports
      // those, and once they are gone every cross-folder import lands on <folder>/index.ts.
      scope: 'folder',
      from: { path: `^(${CODE_FOLDERS.join('|')})$` },
      to: { circular: true, path: `^(${CODE_FOLDERS.join('|')})$` },
    },
    {
      name: 'no-deep-import',
      severity: 'error',
      comment:
        'Another top-level folder is used only through its index.ts: import "../<folder>/index.js" ' +
        "and export what you need from there.",
      from: { path: anyFolder, pathNot: TOOLS },
      to: { path: anyFolder, pathNot: ['^$1/', `^(${CODE_FOLDERS.join('|')})/index\\.ts$`] },
    },
    {
      name: 'web-only-wire',
      severity: 'error',
      comment: 'Browser code speaks JSON: it may share types with the server only through wire/.',
      from: { path: '^web/', pathNot: TOOLS },
      to: { path: anyFolder, pathNot: ['^(web|wire)/'] },
    },
    ...layerRules,
    {
      name: 'not-to-tools',
      severity: 'error',
      comment: 'A part never imports a test, a fixture, a test helper or a script: they are not shipped.',
      from: { path: anyFolder, pathNot: TOOLS },
      to: { path: TOOLS },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to no file (a typo, or a file moved without its importers).',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Tools are cruised (so a part that imports a tool is caught) but their own imports are not
    // followed: they may use anything, and so they never make a folder cycle.
    doNotFollow: { path: ['node_modules', ...TOOLS] },
    // Cruised as `depcruise .`: only the code folders count (a folder not yet created is no error).
    includeOnly: { path: anyFolder },
    exclude: { path: '(^|/)(node_modules|dist|data|coverage)/' },
    // Type-only imports count: a folder that needs another's types depends on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Some modules (e.g. process) are core modules. Tests import with the .js suffix of NodeNext.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.mts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    // Folder metrics are needed for the folder-scoped cycle rule.
    metrics: true,
  },
};
