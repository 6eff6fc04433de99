// The life of a meeting's minutes: a draft frozen when the meeting closes, corrected by
// the moderator, archived for good (immutable, with a content hash), amended only by a
// new version that says why, and approved by the group at its next meeting.
import { z } from 'zod';
import { enqueueMinutesMail } from '../mail/minutes-mail';
import type { Database } from '../../db/client';
import type { MinutesRecord } from '../../../shared/minutes';
import { agendaDocumentName } from '../../../shared/documents';
import { addItem, agendaItems } from '../../../shared/agenda';
import type * as Y from 'yjs';
import { groupAccess, type Actor } from '../access';
import { DomainError } from '../errors';
import { indexDocument } from '../search/search-index';
import { assembleMinutes } from './assemble';
import { canonicalJson, contentHash } from './canonical';
import { minutesSearchText } from './search-text';
import type { MinutesView } from '../../../shared/minutes';

export type { MinutesView } from '../../../shared/minutes';

/** What archiving needs besides the database: adding the approval item to an agenda. */
export interface MinutesEffects {
	change(documentName: string, edit: (doc: Y.Doc) => void): Promise<void>;
}

const parse = (content: string) => JSON.parse(content) as MinutesRecord;

async function meetingOf(database: Database, meetingId: string) {
	const meeting = await database.db.meeting.findUnique({
		where: { id: meetingId },
		select: { id: true, groupId: true, status: true, startsAt: true }
	});
	if (!meeting) throw new DomainError('NOT_FOUND', 'meeting not found');
	return meeting;
}

async function minutesRow(database: Database, minutesId: string) {
	const row = await database.db.minutes.findUnique({ where: { id: minutesId } });
	if (!row) throw new DomainError('NOT_FOUND', 'minutes not found');
	return row;
}

function view(
	row: Awaited<ReturnType<typeof minutesRow>> & { approvals?: unknown[] },
	versions: MinutesView['versions'],
	rights: { canModerate: boolean; canApprove: boolean }
): MinutesView {
	return {
		id: row.id,
		meetingId: row.meetingId,
		groupId: row.groupId,
		version: row.version,
		status: row.status,
		record: parse(row.content),
		contentHash: row.contentHash,
		hashVerified: row.contentHash ? contentHash(row.content) === row.contentHash : null,
		archivedAt: row.archivedAt?.toISOString() ?? null,
		amendmentReason: row.amendmentReason,
		approvedAt: row.approvedAt?.toISOString() ?? null,
		approvals: row.approvals?.length ?? 0,
		versions,
		...rights
	};
}

/** Freezes a closed meeting's record into its first draft (once; later calls find it). */
async function freezeDraft(database: Database, meetingId: string, groupId: string) {
	const existing = await database.db.minutes.findFirst({ where: { meetingId }, orderBy: { version: 'asc' } });
	if (existing) return existing;
	const record = await assembleMinutes(database, meetingId);
	try {
		return await database.db.minutes.create({ data: { meetingId, groupId, version: 1, content: canonicalJson(record) } });
	} catch {
		// Two requests froze it at once: the unique (meeting, version) kept one.
		return database.db.minutes.findFirstOrThrow({ where: { meetingId, version: 1 } });
	}
}

/** A meeting's minutes as the actor may see them: assembled live while the meeting runs,
 * the frozen draft or the latest archived version afterwards (or a given version). */
export async function meetingMinutes(database: Database, actor: Actor, meetingId: string, version?: number): Promise<MinutesView> {
	const meeting = await meetingOf(database, meetingId);
	const access = await groupAccess(database.db, actor, meeting.groupId);
	const rights = { canModerate: access.canModerate, canApprove: access.canEdit };
	if (meeting.status !== 'CLOSED') {
		const record = await assembleMinutes(database, meetingId);
		return {
			id: null,
			meetingId,
			groupId: meeting.groupId,
			version: 0,
			status: 'LIVE_DRAFT',
			record,
			contentHash: null,
			hashVerified: null,
			archivedAt: null,
			amendmentReason: null,
			approvedAt: null,
			approvals: 0,
			versions: [],
			...rights
		};
	}
	await freezeDraft(database, meetingId, meeting.groupId);
	const rows = await database.db.minutes.findMany({ where: { meetingId }, orderBy: { version: 'asc' }, include: { approvals: true } });
	const chosen = version ? rows.find((r) => r.version === version) : rows.at(-1);
	if (!chosen) throw new DomainError('NOT_FOUND', 'no such version');
	const versions = rows.map((r) => ({
		id: r.id,
		version: r.version,
		status: r.status,
		archivedAt: r.archivedAt?.toISOString() ?? null,
		amendmentReason: r.amendmentReason
	}));
	return view(chosen, versions, rights);
}

export const DraftCorrection = z.object({
	remarks: z.string().max(20_000).optional(),
	agenda: z
		.array(z.object({ id: z.string().min(1).max(64), title: z.string().max(300), notes: z.string().max(50_000) }))
		.max(200)
		.optional(),
	decisions: z
		.array(z.object({ id: z.string().min(1).max(64), text: z.string().max(5000) }))
		.max(200)
		.optional()
});
export type DraftCorrection = z.infer<typeof DraftCorrection>;

function validCorrection(change: unknown): DraftCorrection {
	const parsed = DraftCorrection.safeParse(change);
	if (!parsed.success) throw new DomainError('INVALID', parsed.error.issues[0]?.message ?? 'invalid correction');
	return parsed.data;
}

/** Applies a moderator's corrections (wording, omissions) to a record. */
export function corrected(record: MinutesRecord, change: DraftCorrection): MinutesRecord {
	const agenda = new Map(change.agenda?.map((a) => [a.id, a]));
	const decisions = new Map(change.decisions?.map((d) => [d.id, d]));
	return {
		...record,
		remarks: change.remarks ?? record.remarks,
		agenda: record.agenda.map((a) => (agenda.has(a.id) ? { ...a, title: agenda.get(a.id)!.title, notes: agenda.get(a.id)!.notes } : a)),
		decisions: record.decisions.map((d) => (decisions.has(d.id) ? { ...d, text: decisions.get(d.id)!.text } : d))
	};
}

async function requireModeratorOf(database: Database, actor: Actor, groupId: string) {
	const access = await groupAccess(database.db, actor, groupId);
	if (!access.canModerate) throw new DomainError('FORBIDDEN', 'only moderators keep the minutes');
}

/** A moderator corrects a draft. Archived minutes cannot be changed: see amendMinutes. */
export async function correctDraft(database: Database, actor: Actor, minutesId: string, change: DraftCorrection): Promise<void> {
	const row = await minutesRow(database, minutesId);
	await requireModeratorOf(database, actor, row.groupId);
	if (row.status !== 'DRAFT') throw new DomainError('CONFLICT', 'archived minutes are immutable; amend them instead');
	const content = canonicalJson(corrected(parse(row.content), validCorrection(change)));
	// The status in the WHERE makes a race with archiving lose cleanly instead of editing.
	const done = await database.db.minutes.updateMany({ where: { id: minutesId, status: 'DRAFT' }, data: { content } });
	if (done.count !== 1) throw new DomainError('CONFLICT', 'archived minutes are immutable; amend them instead');
}

/** Archives a draft for good: immutable from now on, with its content hash and who
 * archived it when. The group's next meeting gets an item to approve it. */
export async function archiveMinutes(
	database: Database,
	effects: MinutesEffects,
	actor: Actor,
	minutesId: string,
	now = new Date()
): Promise<void> {
	const row = await minutesRow(database, minutesId);
	await requireModeratorOf(database, actor, row.groupId);
	if (row.status !== 'DRAFT') throw new DomainError('CONFLICT', 'already archived');
	// The members' mail is written with the archive (server/domain/mail/minutes-mail.ts).
	await database.db.$transaction(async (tx) => {
		const done = await tx.minutes.updateMany({
			where: { id: minutesId, status: 'DRAFT' },
			data: { status: 'ARCHIVED', contentHash: contentHash(row.content), archivedAt: now, archivedById: actor.userId }
		});
		if (done.count !== 1) throw new DomainError('CONFLICT', 'already archived');
		await enqueueMinutesMail(tx, minutesId);
	});
	await afterArchive(database, effects, row);
}

/** A correction after archiving: a new archived version that amends the latest one. */
export async function amendMinutes(
	database: Database,
	effects: MinutesEffects,
	actor: Actor,
	minutesId: string,
	input: { reason: string; change: DraftCorrection },
	now = new Date()
): Promise<string> {
	const reason = z.string().trim().min(3).max(2000).safeParse(input.reason);
	if (!reason.success) throw new DomainError('INVALID', 'an amendment needs a reason');
	const row = await minutesRow(database, minutesId);
	await requireModeratorOf(database, actor, row.groupId);
	if (row.status !== 'ARCHIVED') throw new DomainError('CONFLICT', 'a draft is corrected, not amended');
	const latest = await database.db.minutes.findFirstOrThrow({ where: { meetingId: row.meetingId }, orderBy: { version: 'desc' } });
	if (latest.id !== row.id) throw new DomainError('CONFLICT', 'amend the latest version');
	const content = canonicalJson(corrected(parse(row.content), validCorrection(input.change)));
	const amended = await database.db.$transaction(async (tx) => {
		const created = await tx.minutes.create({
			data: {
				meetingId: row.meetingId,
				groupId: row.groupId,
				version: row.version + 1,
				status: 'ARCHIVED',
				content,
				contentHash: contentHash(content),
				amendsId: row.id,
				amendmentReason: reason.data,
				archivedAt: now,
				archivedById: actor.userId
			}
		});
		await enqueueMinutesMail(tx, created.id);
		return created;
	});
	await afterArchive(database, effects, amended);
	return amended.id;
}

/** Indexes the archived text for search and asks the next meeting to approve it. */
async function afterArchive(
	database: Database,
	effects: MinutesEffects,
	row: { id: string; meetingId: string; groupId: string; content: string }
) {
	const record = parse(row.content);
	await indexDocument(database, { kind: 'minutes', refId: row.meetingId, groupId: row.groupId, ...minutesSearchText(record) });
	const meeting = await meetingOf(database, row.meetingId);
	const next = await database.db.meeting.findFirst({
		where: { groupId: row.groupId, startsAt: { gt: meeting.startsAt }, status: { in: ['SCHEDULED', 'LIVE'] } },
		orderBy: { startsAt: 'asc' },
		select: { id: true }
	});
	if (!next) return;
	const versions = new Set(
		(await database.db.minutes.findMany({ where: { meetingId: row.meetingId }, select: { id: true } })).map((m) => m.id)
	);
	await effects.change(agendaDocumentName(next.id), (doc) => {
		// One approval item per meeting's minutes; an amendment takes over the item.
		const existing = agendaItems(doc).find((i) => i.kind === 'approve-minutes' && i.ref !== null && versions.has(i.ref));
		if (existing) doc.getMap<Y.Map<unknown>>('items').get(existing.id)?.set('ref', row.id);
		else addItem(doc, { kind: 'approve-minutes', ref: row.id, minutes: 5 }, 0);
	});
}

/** A member approves archived minutes. When more than half of those present at the live
 * meeting approve, the minutes are approved; the moderator may also record the group's
 * approval directly (the group's own rule, e.g. no objection raised). */
export async function approveMinutes(
	database: Database,
	actor: Actor,
	minutesId: string,
	options: { asGroup?: boolean } = {},
	now = new Date()
) {
	const row = await minutesRow(database, minutesId);
	const access = await groupAccess(database.db, actor, row.groupId);
	if (row.status !== 'ARCHIVED') throw new DomainError('CONFLICT', 'only archived minutes are approved');
	// Rights before the shortcut below, so nobody else is told that their approval counted.
	if (options.asGroup && !access.canModerate) throw new DomainError('FORBIDDEN', 'only moderators record the group approval');
	if (!options.asGroup && (!access.canEdit || !actor.personId || !access.role))
		throw new DomainError('FORBIDDEN', 'members approve minutes');
	if (row.approvedAt) return { approved: true };
	const live = await database.db.meeting.findFirst({ where: { groupId: row.groupId, status: 'LIVE' }, select: { id: true } });
	if (options.asGroup) {
		await database.db.minutes.updateMany({
			where: { id: minutesId, approvedAt: null },
			data: { approvedAt: now, approvedInMeetingId: live?.id ?? null }
		});
		return { approved: true };
	}
	if (!actor.personId) throw new DomainError('FORBIDDEN', 'members approve minutes');
	await database.db.minutesApproval.upsert({
		where: { minutesId_personId: { minutesId, personId: actor.personId } },
		create: { minutesId, personId: actor.personId, approvedAt: now },
		update: {}
	});
	if (!live) return { approved: false };
	const present = (await database.db.attendance.findMany({ where: { meetingId: live.id }, select: { personId: true } })).map(
		(a) => a.personId
	);
	const approvals = await database.db.minutesApproval.count({ where: { minutesId, personId: { in: present } } });
	if (present.length > 0 && approvals * 2 > present.length) {
		await database.db.minutes.updateMany({
			where: { id: minutesId, approvedAt: null },
			data: { approvedAt: now, approvedInMeetingId: live.id }
		});
		return { approved: true };
	}
	return { approved: false };
}

/** A group's archive: each closed meeting's latest minutes, newest first. */
export async function groupArchive(database: Database, actor: Actor, groupId: string) {
	await groupAccess(database.db, actor, groupId);
	const meetings = await database.db.meeting.findMany({
		where: { groupId, status: 'CLOSED' },
		orderBy: { startsAt: 'desc' },
		select: {
			id: true,
			startsAt: true,
			series: { select: { timeZone: true } },
			minutes: {
				orderBy: { version: 'desc' },
				take: 1,
				select: { id: true, version: true, status: true, approvedAt: true, archivedAt: true }
			}
		}
	});
	// The zone the group meets in, so dates read the same for every reader (as in assembleMinutes).
	return meetings.map((m) => ({
		meetingId: m.id,
		startsAt: m.startsAt.toISOString(),
		timeZone: m.series?.timeZone ?? 'Asia/Tehran',
		minutes: m.minutes[0] ?? null
	}));
}

/** Where one version of minutes lives (its meeting and version), for a reader of its
 * group only: anyone else gets NOT_FOUND, as for an id that does not exist. */
export async function minutesLocation(
	database: Database,
	actor: Actor,
	minutesId: string
): Promise<{ meetingId: string; version: number }> {
	const row = await database.db.minutes.findUnique({ where: { id: minutesId }, select: { meetingId: true, version: true, groupId: true } });
	if (!row) throw new DomainError('NOT_FOUND', 'minutes not found');
	await groupAccess(database.db, actor, row.groupId);
	return { meetingId: row.meetingId, version: row.version };
}
