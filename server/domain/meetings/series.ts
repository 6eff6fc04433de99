// A group's meeting series: its rhythm and where it meets, and the Meeting rows for the
// next few occurrences (materialised, so each has an id for its agenda and its state).
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/client';
import type { Actor } from '../access';
import { groupAccess } from '../access';
import { DomainError } from '../errors';
import { enqueueMeetingMail } from '../mail/meeting-mail';
import { startAgenda } from './agenda-template';
import {
	occurrenceStart,
	onWeekday,
	scheduledOccurrence,
	upcomingOccurrences,
	weekdayOf,
	workCalendar,
	type Rhythm,
	type WorkCalendar
} from './schedule';
import { fromLocal, isTimeZone, parseLocal, toLocal, type LocalDateTime } from './zoned-time';

/** How many occurrences ahead exist as Meeting rows (two months at the usual two weeks). */
export const HORIZON = 4;

const isLink = (s: string) => s === '' || /^https?:\/\/[^\s]+$/i.test(s);

const whole = (min: number, max: number) => (v: string) => /^\d+$/.test(v.trim()) && +v >= min && +v <= max;

/** The series form, as strings from a form or JSON; validated at the edge with this. The
 * rhythm is "every `weeks` weeks on `weekday`" (the default: «هر دو هفته، شنبه‌ها») or
 * "every `cadenceDays` days"; only the chosen one's numbers are read. */
export const SeriesInput = z
	.object({
		date: z.string(),
		time: z.string(),
		timeZone: z.string().trim().refine(isTimeZone, 'unknown time zone'),
		// A client that names no rhythm (an older form, the API) meant "every cadenceDays days".
		rhythm: z.preprocess((v) => (v === '' || v === undefined ? 'days' : v), z.enum(['weekly', 'days'])),
		// Each checked here, so a bad one is named even when another field is bad too; the
		// rhythm not chosen may be left empty.
		weeks: z
			.string()
			.default('')
			.refine((v) => v === '' || whole(1, 12)(v), 'invalid'),
		weekday: z
			.string()
			.default('')
			.refine((v) => v === '' || whole(0, 6)(v), 'invalid'),
		cadenceDays: z
			.string()
			.default('')
			.refine((v) => v === '' || whole(1, 90)(v), 'invalid'),
		durationMinutes: z.coerce.number().int().min(15).max(600),
		place: z.string().trim().max(200).default(''),
		link: z.string().trim().max(500).refine(isLink, 'not a web address').default('')
	})
	.transform((v, ctx) => {
		const local = parseLocal(v.date, v.time);
		if (!local) ctx.addIssue({ code: 'custom', path: ['date'], message: 'not a date and time' });
		const weekly = v.rhythm === 'weekly';
		if (!weekly && v.cadenceDays === '') ctx.addIssue({ code: 'custom', path: ['cadenceDays'], message: 'invalid' });
		if (!local || ctx.issues.length) return z.NEVER;
		// Weekly: the first meeting is the first chosen weekday on or after the date given.
		const startsAt = weekly && v.weekday !== '' ? onWeekday(local, Number(v.weekday)) : local;
		const cadenceDays = weekly ? Number(v.weeks || '2') * 7 : Number(v.cadenceDays);
		return {
			timeZone: v.timeZone,
			weekly,
			cadenceDays,
			durationMinutes: v.durationMinutes,
			place: v.place,
			link: v.link,
			startsAt
		};
	});
export type SeriesSettings = z.output<typeof SeriesInput>;

const newToken = () => randomBytes(24).toString('base64url');

type SeriesData = {
	firstStartsAt: Date;
	cadenceDays: number;
	weekly?: boolean;
	durationMinutes: number;
	timeZone: string;
	place: string;
	link: string;
};

/** The working week and holidays of the organisation a group belongs to. */
export async function workCalendarOfGroup(db: Pick<Db, 'group'>, groupId: string): Promise<WorkCalendar> {
	const g = await db.group.findUnique({
		where: { id: groupId },
		select: { organisation: { select: { workingDays: true, holidays: { select: { date: true, name: true } } } } }
	});
	return g ? workCalendar(g.organisation.workingDays, g.organisation.holidays) : workCalendar('0123456', []);
}

/** Creates a group's series with a fresh calendar feed secret (no rules: for saveSeries and the demo seed). */
export function createSeries(db: Pick<Db, 'meetingSeries'>, groupId: string, data: SeriesData) {
	return db.meetingSeries.create({ data: { groupId, calendarToken: newToken(), ...data } });
}

/** True when `anchor` is one of the rhythm's own occurrences (same zone, cadence and hour). */
function sameRhythm(old: Rhythm, next: Rhythm): boolean {
	if (old.cadenceDays !== next.cadenceDays || old.timeZone !== next.timeZone) return false;
	const a = toLocal(old.firstStartsAt, old.timeZone);
	const b = toLocal(next.firstStartsAt, next.timeZone);
	const days = (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000;
	return a.hour === b.hour && a.minute === b.minute && days >= 0 && days % old.cadenceDays === 0;
}

const isP2002 = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: string }).code === 'P2002';

/** Creates the Meeting rows for the next HORIZON occurrences that do not exist yet.
 * Idempotent, and safe when two requests race (the unique (series, sequence) decides). */
export async function ensureOccurrences(db: Db, seriesId: string, now = new Date()): Promise<void> {
	const series = await db.meetingSeries.findUnique({ where: { id: seriesId } });
	if (!series) return;
	const wanted = upcomingOccurrences(series, now, HORIZON, await workCalendarOfGroup(db, series.groupId));
	const have = await db.meeting.findMany({
		where: { seriesId, sequence: { in: wanted.map((o) => o.sequence) } },
		select: { sequence: true }
	});
	const existing = new Set(have.map((m) => m.sequence));
	if (wanted.every((o) => existing.has(o.sequence))) return;
	const { agendaTemplate } = await db.group.findUniqueOrThrow({ where: { id: series.groupId }, select: { agendaTemplate: true } });
	for (const o of wanted) {
		if (existing.has(o.sequence)) continue;
		// The members' invitations are written with the meeting (server/domain/mail/meeting-mail.ts).
		await db
			.$transaction(async (tx) => {
				const created = await tx.meeting.create({
					data: {
						seriesId,
						groupId: series.groupId,
						sequence: o.sequence,
						startsAt: o.startsAt,
						shiftedFrom: o.shiftedFrom,
						shiftHoliday: o.shiftHoliday,
						durationMinutes: series.durationMinutes,
						place: series.place,
						link: series.link
					}
				});
				await startAgenda(tx, created.id, agendaTemplate);
				await enqueueMeetingMail(tx, created.id, 'scheduled');
			})
			.catch((e: unknown) => {
				if (!isP2002(e)) throw e;
			});
	}
}

/** A moderator creates or changes the group's series. A change of rhythm (first date,
 * cadence, hour or zone) re-times the regular upcoming meetings — keeping their ids, and so
 * their agendas — while meetings already held, cancelled or moved one by one stay where they are. */
export async function saveSeries(db: Db, actor: Actor, groupId: string, settings: SeriesSettings, now = new Date()): Promise<void> {
	const access = await groupAccess(db, actor, groupId);
	if (!access.canModerate) throw new DomainError('FORBIDDEN', 'only moderators change the series');
	const rhythm: Rhythm = {
		firstStartsAt: fromLocal(settings.startsAt, settings.timeZone),
		cadenceDays: settings.cadenceDays,
		durationMinutes: settings.durationMinutes,
		timeZone: settings.timeZone
	};
	const fields = {
		cadenceDays: rhythm.cadenceDays,
		weekly: settings.weekly,
		durationMinutes: rhythm.durationMinutes,
		timeZone: rhythm.timeZone,
		place: settings.place,
		link: settings.link
	};
	const calendar = await workCalendarOfGroup(db, groupId);
	const seriesId = await db.$transaction(async (tx) => {
		await tx.group.update({ where: { id: groupId }, data: { cadenceDays: rhythm.cadenceDays } });
		const old = await tx.meetingSeries.findUnique({ where: { groupId } });
		if (!old) return (await createSeries(tx, groupId, { firstStartsAt: rhythm.firstStartsAt, ...fields })).id;
		const retime = !sameRhythm(old, rhythm);
		await tx.meetingSeries.update({
			where: { id: old.id },
			data: { ...fields, ...(retime ? { firstStartsAt: rhythm.firstStartsAt } : {}) }
		});
		const future = await tx.meeting.findMany({
			where: { seriesId: old.id, status: 'SCHEDULED', startsAt: { gt: new Date(now.getTime() - 86_400_000) } },
			orderBy: { startsAt: 'asc' }
		});
		const open = future.filter((m) => m.startsAt.getTime() + m.durationMinutes * 60_000 > now.getTime());
		// Meetings whose time, place, link or length really changed get an updated invitation.
		const changed = new Set(
			open
				.filter((m) => m.place !== fields.place || m.link !== fields.link || m.durationMinutes !== fields.durationMinutes)
				.map((m) => m.id)
		);
		for (const m of open) {
			await tx.meeting.update({
				where: { id: m.id },
				data: { place: fields.place, link: fields.link, durationMinutes: fields.durationMinutes, version: { increment: 1 } }
			});
		}
		if (retime) {
			const regular = open.filter((m) => m.movedAt === null && m.sequence !== null);
			// Free every sequence number first: the new rhythm numbers from its own anchor.
			await tx.meeting.updateMany({ where: { seriesId: old.id, sequence: { not: null } }, data: { sequence: null } });
			const slots = upcomingOccurrences(rhythm, now, Math.max(regular.length, HORIZON), calendar);
			for (const [i, m] of regular.entries()) {
				const { sequence, startsAt, shiftedFrom, shiftHoliday } = slots[i];
				await tx.meeting.update({ where: { id: m.id }, data: { sequence, startsAt, shiftedFrom, shiftHoliday } });
				if (startsAt.getTime() !== m.startsAt.getTime()) changed.add(m.id);
			}
		}
		for (const id of changed) await enqueueMeetingMail(tx, id, 'changed');
		return old.id;
	});
	await ensureOccurrences(db, seriesId, now);
}

/** The series settings as the form shows them: the next occurrence's local date and time. */
export async function seriesSettings(db: Db, groupId: string, now = new Date()) {
	const series = await db.meetingSeries.findUnique({ where: { groupId } });
	if (!series) return null;
	// The rhythm's own next date (before any move for a day off), so saving it unchanged keeps it.
	const next = upcomingOccurrences(series, now, 1)[0];
	const local: LocalDateTime = toLocal(next?.startsAt ?? occurrenceStart(series, 0), series.timeZone);
	const pad = (n: number) => String(n).padStart(2, '0');
	const weekly = series.weekly && series.cadenceDays % 7 === 0;
	return {
		id: series.id,
		date: `${local.year}-${pad(local.month)}-${pad(local.day)}`,
		time: `${pad(local.hour)}:${pad(local.minute)}`,
		timeZone: series.timeZone,
		rhythm: weekly ? ('weekly' as const) : ('days' as const),
		weeks: weekly ? series.cadenceDays / 7 : 2,
		weekday: weekdayOf(local),
		cadenceDays: series.cadenceDays,
		durationMinutes: series.durationMinutes,
		place: series.place,
		link: series.link,
		calendarToken: series.calendarToken
	};
}

/** A moderator replaces the calendar feed's secret (the old subscription link stops working). */
export async function resetCalendarToken(db: Db, actor: Actor, groupId: string): Promise<void> {
	const access = await groupAccess(db, actor, groupId);
	if (!access.canModerate) throw new DomainError('FORBIDDEN', 'only moderators manage the feed');
	const updated = await db.meetingSeries.updateMany({ where: { groupId }, data: { calendarToken: newToken() } });
	if (updated.count === 0) throw new DomainError('NOT_FOUND', 'the group has no series');
}

/** After the organisation's working week or holidays changed: every regular upcoming
 * meeting (not held, not cancelled, not moved by hand) goes where its series now puts it.
 * Returns the meetings that moved. */
export async function realignOrganisation(db: Db, organisationId: string, now = new Date()): Promise<string[]> {
	const series = await db.meetingSeries.findMany({ where: { group: { organisationId } } });
	const moved: string[] = [];
	for (const s of series) {
		const calendar = await workCalendarOfGroup(db, s.groupId);
		const open = await db.meeting.findMany({
			where: {
				seriesId: s.id,
				status: 'SCHEDULED',
				movedAt: null,
				sequence: { not: null },
				startsAt: { gt: new Date(now.getTime() - 86_400_000) }
			}
		});
		for (const m of open) {
			if (m.startsAt.getTime() + m.durationMinutes * 60_000 <= now.getTime()) continue;
			const o = scheduledOccurrence(s, m.sequence!, calendar);
			if (o.startsAt.getTime() === m.startsAt.getTime() && o.shiftHoliday === m.shiftHoliday) continue;
			// Calendar feeds follow by the bumped version (SEQUENCE); invitations by mail are the
			// mail outbox's (issue 16) to send.
			await db.meeting.update({
				where: { id: m.id },
				data: { startsAt: o.startsAt, shiftedFrom: o.shiftedFrom, shiftHoliday: o.shiftHoliday, version: { increment: 1 } }
			});
			moved.push(m.id);
		}
		await ensureOccurrences(db, s.id, now);
	}
	return moved;
}
