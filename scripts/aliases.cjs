// SvelteKit's import aliases (svelte.config.js) as a webpack resolve section, for tools that
// resolve imports outside Vite: dependency-cruiser (.dependency-cruiser.cjs).
const path = require('node:path');
const root = path.resolve(__dirname, '..');

module.exports = {
	resolve: {
		alias: { $lib: path.join(root, 'web/lib'), $shared: path.join(root, 'shared'), $server: path.join(root, 'server') }
	}
};
