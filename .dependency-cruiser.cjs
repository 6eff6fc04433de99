// The import boundaries `npm run check` enforces (dependency-cruiser): no cycles anywhere;
// shared/ is the ground floor (imports nothing of server/ or web/); browser code never
// imports server/, not even for types (view types live in shared/); pages never import
// server/realtime (they tell the live rooms through locals.services.live).
/** Files under web/ that run only on the server. */
const serverSideWeb = ['\\.server\\.ts$', '^web/lib/server/', '^web/hooks\\.server\\.ts$', '/\\+server\\.ts$', '^web/app\\.d\\.ts$'];

module.exports = {
	forbidden: [
		{
			name: 'no-cycles',
			severity: 'error',
			comment: 'An import cycle: split the module or move what both need to shared/.',
			from: {},
			to: { circular: true }
		},
		{
			name: 'shared-is-the-ground-floor',
			severity: 'error',
			comment: 'shared/ may import only shared/ and packages.',
			from: { path: '^shared/' },
			to: { path: '^(server|web)/' }
		},
		{
			name: 'browser-does-not-import-server',
			severity: 'error',
			comment: 'Browser code imports shared/, never server/ (put the type in shared/).',
			from: { path: '^web/', pathNot: serverSideWeb },
			to: { path: '^server/' }
		},
		{
			name: 'pages-do-not-broadcast',
			severity: 'error',
			comment: 'Pages tell the live rooms through locals.services.live (server/realtime/live-rooms.ts); they never import server/realtime.',
			from: { path: '^web/' },
			to: { path: '^server/realtime/', dependencyTypesNot: ['type-only'] }
		},
		{ name: 'server-does-not-import-web', severity: 'error', from: { path: '^server/' }, to: { path: '^web/' } }
	],
	options: {
		tsPreCompilationDeps: true,
		doNotFollow: { path: 'node_modules' },
		exclude: { path: ['node_modules', '^\\.svelte-kit/', '^build/', '^web/lib/paraglide/', '^prisma/generated/'] },
		tsConfig: { fileName: 'tsconfig.json' },
		webpackConfig: { fileName: 'scripts/aliases.cjs' },
		enhancedResolveOptions: {
			extensions: ['.ts', '.js', '.svelte', '.json'],
			exportsFields: ['exports'],
			conditionNames: ['import', 'require', 'node', 'default', 'types']
		}
	}
};
