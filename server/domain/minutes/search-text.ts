import type { MinutesRecord } from '../../../shared/minutes';

/** The words of a minutes record that search should find, in reading order. */
export function minutesSearchText(record: MinutesRecord): { title: string; body: string } {
	const lines = [
		...record.agenda.flatMap((a) => [a.title, a.presenter, a.notes]),
		...record.decisions.flatMap((d) => [d.proposalTitle ?? '', d.text]),
		...record.actionItems.map((a) => `${a.title} — ${a.owner}`),
		record.remarks,
		record.attendance.map((a) => a.name).join('، ')
	];
	return { title: `${record.meeting.groupName} — ${record.meeting.startsAt.slice(0, 10)}`, body: lines.filter(Boolean).join('\n') };
}
