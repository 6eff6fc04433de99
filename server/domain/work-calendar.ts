// The organisation's working week and official holidays, which its administrators keep
// (issue 15, point 14): a series' meeting that falls on a day off moves to the next working
// day (meetings/schedule.ts). Each change re-times the upcoming regular meetings at once.
import { z } from 'zod';
import type { Db } from '../db/client';
import { requireAdministrator, type Actor } from './access';
import { DomainError } from './errors';
import { parse } from './validation';
import { realignOrganisation } from './meetings/series';

export interface WorkCalendarView {
	/** Weekdays worked, 0 = Sunday … 6 = Saturday. */
	workingDays: number[];
	holidays: { id: string; date: string; name: string }[];
}

export const WorkingWeekInput = z.object({
	days: z
		.array(z.coerce.number().int().min(0, 'invalid').max(6, 'invalid'))
		.min(1, 'required')
		.transform((d) => [...new Set(d)].sort())
});

const isDay = (s: string) =>
	/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export const HolidayInput = z.object({
	date: z.string().trim().refine(isDay, 'invalid'),
	name: z.string().trim().min(1, 'required').max(100, 'too_long')
});

/** The organisation's calendar, holidays in date order. */
export async function workCalendarView(db: Db, actor: Actor): Promise<WorkCalendarView> {
	requireAdministrator(actor);
	const org = await db.organisation.findUniqueOrThrow({
		where: { id: actor.organisationId },
		select: { workingDays: true, holidays: { orderBy: { date: 'asc' }, select: { id: true, date: true, name: true } } }
	});
	return { workingDays: [...org.workingDays].map(Number), holidays: org.holidays };
}

/** Sets the working week; returns the meetings that moved. */
export async function saveWorkingWeek(db: Db, actor: Actor, input: { days: unknown }): Promise<string[]> {
	requireAdministrator(actor);
	const { days } = parse(WorkingWeekInput, input);
	await db.organisation.update({ where: { id: actor.organisationId }, data: { workingDays: days.join('') } });
	return realignOrganisation(db, actor.organisationId);
}

/** Adds an official holiday (one per date); returns the meetings that moved. */
export async function addHoliday(db: Db, actor: Actor, input: { date: unknown; name: unknown }): Promise<string[]> {
	requireAdministrator(actor);
	const data = parse(HolidayInput, input);
	const clash = await db.holiday.findUnique({ where: { organisationId_date: { organisationId: actor.organisationId, date: data.date } } });
	if (clash) throw new DomainError('CONFLICT', 'that day is a holiday already', { date: 'taken' });
	await db.holiday.create({ data: { organisationId: actor.organisationId, ...data } });
	return realignOrganisation(db, actor.organisationId);
}

/** Removes a holiday; meetings moved for it go back to their day. */
export async function removeHoliday(db: Db, actor: Actor, id: string): Promise<string[]> {
	requireAdministrator(actor);
	const removed = await db.holiday.deleteMany({ where: { id, organisationId: actor.organisationId } });
	if (removed.count === 0) throw new DomainError('NOT_FOUND', 'no such holiday');
	return realignOrganisation(db, actor.organisationId);
}
