import { groupArchive, meetingMinutes, type MinutesView } from '$server/domain/minutes/minutes';
import type { SessionUser } from '$server/auth/auth';

/** Every closed meeting's current minutes for a group, oldest first (for one-file exports). */
export async function wholeArchive(locals: App.Locals, user: SessionUser, groupId: string): Promise<MinutesView[]> {
	const archive = await groupArchive(locals.services.database, user, groupId);
	const out: MinutesView[] = [];
	for (const entry of archive.reverse()) out.push(await meetingMinutes(locals.services.database, user, entry.meetingId));
	return out;
}
