// Durable storage for Yjs documents: an append-only log of updates plus a compacted
// snapshot. The seam is small on purpose ({ load, append, compact }) so a room never
// touches Prisma itself.
import type { Db } from '../db/client';

export interface StoredDocument {
	/** The snapshot (if any) followed by every later update, in order. */
	updates: Uint8Array[];
	/** Id of the last stored update, or 0. */
	lastId: number;
	/** How many updates sit in the log after the snapshot. */
	pending: number;
}

export interface DocumentStore {
	load(name: string): Promise<StoredDocument>;
	/** Appends updates in one transaction; resolves with the id of the last one. */
	append(name: string, updates: Uint8Array[]): Promise<number>;
	/** Replaces the log up to `upToId` with `state` (the document encoded as one update). */
	compact(name: string, state: Uint8Array, upToId: number): Promise<void>;
}

// Yjs and the ws library hand us ArrayBuffer-backed arrays; Prisma's type wants it said.
const bytes = (u: Uint8Array) => u as Uint8Array<ArrayBuffer>;

export function prismaDocumentStore(db: Db): DocumentStore {
	return {
		async load(name) {
			const snapshot = await db.yDocSnapshot.findUnique({ where: { docName: name } });
			const after = snapshot?.upToId ?? 0;
			const rows = await db.yDocUpdate.findMany({
				where: { docName: name, id: { gt: after } },
				orderBy: { id: 'asc' },
				select: { id: true, update: true }
			});
			return {
				updates: [...(snapshot ? [snapshot.state] : []), ...rows.map((r) => r.update)],
				lastId: rows.at(-1)?.id ?? after,
				pending: rows.length
			};
		},
		async append(name, updates) {
			if (updates.length === 1) {
				const row = await db.yDocUpdate.create({ data: { docName: name, update: bytes(updates[0]) }, select: { id: true } });
				return row.id;
			}
			const rows = await db.$transaction(
				updates.map((update) => db.yDocUpdate.create({ data: { docName: name, update: bytes(update) }, select: { id: true } }))
			);
			return rows.at(-1)!.id;
		},
		async compact(name, state, upToId) {
			await db.$transaction([
				db.yDocSnapshot.upsert({
					where: { docName: name },
					create: { docName: name, state: bytes(state), upToId },
					update: { state: bytes(state), upToId }
				}),
				db.yDocUpdate.deleteMany({ where: { docName: name, id: { lte: upToId } } })
			]);
		}
	};
}
