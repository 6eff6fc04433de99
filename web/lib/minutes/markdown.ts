// A minutes record as Markdown, in the reader's language.
import { m } from '$lib/paraglide/messages';
import { formatNumber } from '$lib/format';
import { sideLabel } from '$lib/labels';
import { shiftNote } from '$lib/meeting/shift';
import { SIDES } from '$shared/sides';
import type { MinutesRecord } from '$shared/minutes';
import { actionDetails, decisionHow, duration, minutesHeading, quorumLine, voteLine } from './present';

const none = () => `_${m.minutes_none()}_`;
const list = (lines: string[]) => (lines.length ? lines.map((l) => `- ${l}`).join('\n') : none());

export function minutesMarkdown(
	record: MinutesRecord,
	meta: { version: number; status: string; contentHash: string | null; amendmentReason: string | null }
): string {
	const out: string[] = [`# ${minutesHeading(record)}`, ''];
	// The status in the reader's language ("ARCHIVED" was written as stored).
	const status =
		meta.status === 'ARCHIVED' ? m.minutes_status_ARCHIVED() : meta.status === 'DRAFT' ? m.minutes_status_DRAFT() : meta.status;
	out.push(`${m.minutes_version({ version: formatNumber(meta.version) })} · ${status}`);
	if (meta.contentHash) out.push(`${m.minutes_hash()}: \`${meta.contentHash}\``);
	if (meta.amendmentReason) out.push(meta.amendmentReason);
	if (record.meeting.shift) out.push('', shiftNote(record.meeting.shift, record.meeting.timeZone));
	out.push('', `## ${m.minutes_attendance()}`, '', quorumLine(record), '');
	out.push(list(record.attendance.map((a) => `${a.name} — ${sideLabel(a.side)}`)));
	out.push('', `## ${m.minutes_agenda()}`, '');
	record.agenda.forEach((item, i) => {
		out.push(`### ${formatNumber(i + 1)}. ${item.title || m.agenda_item_untitled()}`);
		out.push(`_${m.minutes_planned_spent({ planned: formatNumber(item.plannedMinutes), spent: duration(item.spentSeconds) })}_`);
		if (item.presenter) out.push(`${m.agenda_presenter()}: ${item.presenter}`);
		if (item.notes) out.push('', item.notes);
		out.push('');
	});
	if (record.agenda.length === 0) out.push(none(), '');
	out.push(`## ${m.minutes_speakers()}`, '');
	out.push(list(record.speakers.map((s) => `${s.name} (${sideLabel(s.side)}) — ${duration(s.seconds)}`)));
	out.push('', `### ${m.minutes_spoken_by_side()}`, '');
	out.push(list(SIDES.map((s) => `${sideLabel(s)}: ${duration(record.spokenBySide[s] ?? 0)}`)));
	out.push('', `## ${m.minutes_votes()}`, '');
	out.push(list(record.votes.map(voteLine)));
	out.push('', `## ${m.minutes_decisions()}`, '');
	out.push(
		list(record.decisions.map((d) => `${d.proposalTitle ? `${d.proposalTitle} — ` : ''}${decisionHow(d)}${d.text ? `: ${d.text}` : ''}`))
	);
	out.push('', `## ${m.minutes_action_items()}`, '');
	out.push(
		list(
			record.actionItems.map(
				(a) => `${a.title} — ${actionDetails(a)} (${a.createdHere ? m.minutes_action_created() : m.minutes_action_reported()})`
			)
		)
	);
	if (record.remarks) out.push('', `## ${m.minutes_remarks()}`, '', record.remarks);
	return out.join('\n') + '\n';
}
