// The app's attack surface, read from the source itself so that nothing new can slip past
// the authorisation table: every page, form action and endpoint under web/routes, every
// Socket.IO event a client may emit, every kind of collaborative document.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '../../..');
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'fallback'];

const parse = (file: string) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
const exported = (node: ts.Node) =>
	ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** What a module exports by name, with the initialiser of each `export const`. */
function exportsOf(file: string): Map<string, ts.Expression | undefined> {
	const out = new Map<string, ts.Expression | undefined>();
	for (const statement of parse(file).statements) {
		if (ts.isVariableStatement(statement) && exported(statement)) {
			for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) out.set(d.name.text, d.initializer);
		} else if (ts.isFunctionDeclaration(statement) && exported(statement) && statement.name) {
			out.set(statement.name.text, undefined);
		} else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
			for (const e of statement.exportClause.elements) out.set(e.name.text, undefined);
		}
	}
	return out;
}

/** The keys of `export const actions = { … }` (`default` for the default action). */
function actionNames(file: string): string[] {
	let init = exportsOf(file).get('actions');
	while (init && (ts.isSatisfiesExpression(init) || ts.isAsExpression(init) || ts.isParenthesizedExpression(init))) init = init.expression;
	if (!init) return [];
	if (!ts.isObjectLiteralExpression(init)) throw new Error(`${file}: actions is not an object literal; the table cannot read it`);
	return init.properties.map((p) => {
		if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)))
			throw new Error(`${file}: an action without a plain name; the table cannot read it`);
		return p.name.text;
	});
}

/** `/groups/[id]` from `web/routes/groups/[id]`; route groups `(x)` drop out as SvelteKit does. */
const routeOf = (dir: string) =>
	'/' +
	path
		.relative(path.join(root, 'web/routes'), dir)
		.split(path.sep)
		.filter((s) => s && !/^\(.*\)$/.test(s))
		.join('/');

/** Every HTTP entry: `GET /route` for a page, `POST /route?/name` (or `POST /route` for the
 * default action) for each form action, `<METHOD> /route` for each endpoint method, and the
 * express app's own routes. */
export function httpSurface(): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		const entries = readdirSync(dir, { withFileTypes: true });
		const files = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
		const route = routeOf(dir);
		if (['+page.svelte', '+page.ts', '+page.server.ts', '+page.js', '+page.server.js'].some((f) => files.has(f))) {
			out.push(`GET ${route}`);
			for (const name of files.has('+page.server.ts') ? actionNames(path.join(dir, '+page.server.ts')) : [])
				out.push(name === 'default' ? `POST ${route}` : `POST ${route}?/${name}`);
		}
		if (files.has('+server.ts')) {
			for (const name of exportsOf(path.join(dir, '+server.ts')).keys()) if (HTTP_METHODS.includes(name)) out.push(`${name} ${route}`);
		}
		for (const e of entries) if (e.isDirectory()) walk(path.join(dir, e.name));
	};
	walk(path.join(root, 'web/routes'));
	return [...out, ...expressSurface()].sort();
}

/** The express app's own routes, before SvelteKit (`app.get('/healthz', …)` and the like in
 * server/http and server/observability): `<METHOD> /path`. */
export function expressSurface(): string[] {
	const out: string[] = [];
	for (const dir of ['server/http', 'server/observability']) {
		for (const file of readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.ts'))) {
			const visit = (node: ts.Node) => {
				if (
					ts.isCallExpression(node) &&
					ts.isPropertyAccessExpression(node.expression) &&
					['get', 'post', 'put', 'patch', 'delete', 'all'].includes(node.expression.name.text) &&
					ts.isIdentifier(node.expression.expression) &&
					node.expression.expression.text === 'app' &&
					node.arguments[0] &&
					ts.isStringLiteral(node.arguments[0])
				)
					out.push(`${node.expression.name.text.toUpperCase()} ${node.arguments[0].text}`);
				ts.forEachChild(node, visit);
			};
			visit(parse(path.join(root, dir, file)));
		}
	}
	return out;
}

/** Every event a client may emit: the handlers the realtime features register
 * (`events.on('<event>', …)`, or `socket.on`, in server/realtime), checked against ClientToServerEvents. */
export function socketSurface(): string[] {
	const dir = path.join(root, 'server/realtime');
	const events = new Set<string>();
	for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
		const visit = (node: ts.Node) => {
			if (
				ts.isCallExpression(node) &&
				ts.isPropertyAccessExpression(node.expression) &&
				node.expression.name.text === 'on' &&
				ts.isIdentifier(node.expression.expression) &&
				['socket', 'events'].includes(node.expression.expression.text) &&
				node.arguments[0] &&
				ts.isStringLiteral(node.arguments[0])
			)
				events.add(node.arguments[0].text);
			ts.forEachChild(node, visit);
		};
		visit(parse(path.join(dir, file)));
	}
	// Socket.IO's own lifecycle events are not sent by clients.
	for (const reserved of ['disconnect', 'disconnecting', 'error']) events.delete(reserved);
	return [...events].sort();
}

/** The event names declared in the client-to-server maps under shared/ (interface members). */
export function declaredClientEvents(): string[] {
	const names = new Set<string>();
	const wanted = (name: string) => name === 'ClientToServerEvents' || (/ClientEvents$/.test(name) && !name.startsWith('ServerTo'));
	for (const file of readdirSync(path.join(root, 'shared')).filter((f) => f.endsWith('.ts'))) {
		for (const statement of parse(path.join(root, 'shared', file)).statements) {
			if (!ts.isInterfaceDeclaration(statement) || !wanted(statement.name.text)) continue;
			for (const m of statement.members) if (m.name && ts.isStringLiteral(m.name)) names.add(m.name.text);
		}
	}
	return [...names].sort();
}

/** The kinds of collaborative document: each `const <KIND>_DOC = /^<kind>\./` in server/domain/documents.ts. */
export function documentKinds(): string[] {
	const source = readFileSync(path.join(root, 'server/domain/documents.ts'), 'utf8');
	return [...source.matchAll(/const [A-Z]+_DOC = \/\^\(?([a-z]+)\\\./g)].map((m) => m[1]).sort();
}
