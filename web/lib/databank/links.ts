import type { ResolvedPathname } from '$app/types';

/** A path from resolve() with a query string added: still an internal, base-aware link. */
export const withQuery = (path: ResolvedPathname, query: string | URLSearchParams): ResolvedPathname => {
	const q = String(query);
	return (q ? `${path}?${q}` : path) as ResolvedPathname;
};
