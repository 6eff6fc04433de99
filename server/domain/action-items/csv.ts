// A group's action items as CSV, filtered like the list page. Due days appear as ISO days
// and as Jalali days (Latin digits, so spreadsheets sort them); formula-like cells are
// marked as text by the app's one CSV writer (../csv.ts), so a title cannot run in a spreadsheet.
import type { Db } from '../../db/client';
import { dayAsDate, dueState } from '../../../shared/action-items';
import type { Actor } from '../access';
import { csvFile } from '../csv';
import { groupActionItems } from './queries';

export const ACTION_CSV_COLUMNS = [
	'title',
	'owner',
	'side',
	'status',
	'blocked_reason',
	'due_date',
	'due_date_jalali',
	'overdue',
	'last_note',
	'created_at',
	'done_at',
	'url'
] as const;

const jalali = new Intl.DateTimeFormat('fa-IR-u-ca-persian-nu-latn', {
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	timeZone: 'UTC'
});

export async function exportGroupActionItems(db: Db, actor: Actor, groupId: string, filter: unknown, origin: string, now = new Date()) {
	const list = await groupActionItems(db, actor, groupId, filter, now);
	const rows = list.items.map((i) => [
		i.title,
		i.ownerName,
		i.side ?? '',
		i.status,
		i.blockedReason ?? '',
		i.dueDate,
		jalali.format(dayAsDate(i.dueDate)),
		dueState(i.dueDate, i.status, i.timeZone, now).state === 'overdue' ? 'yes' : 'no',
		i.lastNote?.text ?? '',
		i.createdAt,
		i.doneAt ?? '',
		`${origin}/actions/${i.id}`
	]);
	const csv = csvFile(ACTION_CSV_COLUMNS, rows);
	return { csv, groupName: list.group.name };
}
