/**
 * The import table of ARCHITECTURE.md ("What each folder may import"), checked by
 * dependency-cruiser on the parsed code: static imports however they are laid out, `export … from`,
 * dynamic `import()`, and type-only imports. `npm run check:arch` runs it; test/architecture.test.ts
 * runs it on the real tree and on small trees made to break each rule.
 *
 * To change what a folder may import, change ALLOWED (and the table in ARCHITECTURE.md).
 */

/** What each folder may import from the project's own code; a folder may always import itself. */
const ALLOWED = {
  domain: [],
  contract: ['domain'],
  ports: ['domain'],
  triage: ['domain', 'ports'],
  drafting: ['domain', 'ports'],
  db: ['domain'],
  config: ['domain', 'contract'],
  adapters: ['domain', 'ports'],
  services: ['domain', 'contract', 'ports', 'db', 'triage', 'drafting'],
  server: ['domain', 'contract', 'ports', 'config', 'services'],
  cli: ['domain', 'contract', 'ports', 'config', 'services'],
  main: ['domain', 'contract', 'ports', 'triage', 'drafting', 'db', 'config', 'adapters', 'services', 'server', 'cli'],
  web: ['domain', 'contract'],
};

/** The folders that must stay pure: no Node built-ins and none of these packages. */
const PURE = ['domain', 'contract'];
/** Packages that reach a database, the network, the terminal or files. */
const IO_PACKAGES = ['kysely', 'pg', 'better-sqlite3[^/]*', 'fastify[^/]*', '@fastify/[^/]+', 'mailparser', 'pdfjs-dist', 'commander', 'cli-progress', 'tsx'];

const folder = (name) => (name === 'web' ? '^web/' : `^src/${name}/`);
const SRC_FOLDERS = Object.keys(ALLOWED).filter((name) => name !== 'web');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...Object.entries(ALLOWED).map(([from, allowed]) => ({
      name: `${from}-may-import-only`,
      severity: 'error',
      comment: `${from} may import ${allowed.length > 0 ? allowed.join(', ') : 'nothing of the project'} (besides itself), as ARCHITECTURE.md says.`,
      from: { path: folder(from) },
      to: { path: '^(src|web)/', pathNot: [from, ...allowed].map(folder) },
    })),
    {
      name: 'pure-no-node-builtins',
      severity: 'error',
      comment: `${PURE.join(' and ')} are pure: no Node built-in modules (node:fs, node:path, …).`,
      from: { path: `^src/(${PURE.join('|')})/` },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'pure-no-io-packages',
      severity: 'error',
      comment: `${PURE.join(' and ')} are pure: no database drivers, Kysely, Fastify, mail or PDF parsers, or terminal packages.`,
      from: { path: `^src/(${PURE.join('|')})/` },
      to: { path: `(^|node_modules/)(${IO_PACKAGES.join('|')})(/|$)` },
    },
    {
      name: 'src-folder-in-the-table',
      severity: 'error',
      comment: 'Every file under src/ lives in a folder the table of ARCHITECTURE.md names, so a rule covers it.',
      from: { path: '^src/', pathNot: SRC_FOLDERS.map(folder) },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
