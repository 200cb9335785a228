/**
 * Module boundaries, checked by `npm run lint`. Layers from the bottom: the pure domain (domain folders,
 * rulebook, shared/domain), shared, platform, database, event-store, auth, commands; then the capabilities,
 * projections and audit; then the demo, the CLI and the composition root. An arrow never points up.
 */
const DOMAIN = '^src/(shared/domain|rulebook|[^/]+/domain)/';
const LAYERS = ['shared', 'platform', 'database', 'event-store', 'auth', 'commands'];
const ABOVE_LAYERS = '^src/(?!shared/|platform/|database/|event-store/|auth/|commands/|admin-ui/)';

/** A layer imports neither the layers above it nor anything built on them. */
const layerRules = LAYERS.map((layer, index) => ({
  name: `${layer}-points-down`,
  comment: `${layer} may import only ${LAYERS.slice(0, index).join(', ') || 'the domain'} and itself`,
  severity: 'error',
  from: { path: `^src/${layer}/`, pathNot: layer === 'shared' ? DOMAIN : undefined },
  to: { path: [ABOVE_LAYERS, ...LAYERS.slice(index + 1).map((above) => `^src/${above}/`)], pathNot: DOMAIN },
}));

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'Domain code and the rulebook import only domain code, the rulebook and shared/domain: no framework, no database',
      severity: 'error',
      from: { path: DOMAIN, pathNot: ['\\.spec\\.ts$', '^src/rulebook/load-rulebook\\.ts$'] },
      to: { pathNot: DOMAIN },
    },
    {
      name: 'rulebook-loader-reads-files-only',
      comment: 'The rulebook loader reads its versions from disk and imports nothing else from outside the domain',
      severity: 'error',
      from: { path: '^src/rulebook/load-rulebook\\.ts$' },
      to: { pathNot: [DOMAIN, '^node:(fs|path|url)$', '^(fs|path|url)$'] },
    },
    ...layerRules,
    {
      name: 'no-module-cycles',
      comment: 'Top-level modules under src/ do not depend on each other in a circle',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/([^/]+)' },
      to: { circular: true, pathNot: '^src/$1' },
    },
    {
      name: 'no-file-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-does-not-import-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
    {
      name: 'no-unresolvable-imports',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/admin-ui/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
