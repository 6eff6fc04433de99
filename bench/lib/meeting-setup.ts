// Sets up one live meeting of N members on a running Rahkar server's database: N people
// seated in the first demo group, each with a user account and a signed-in session, all
// written in one transaction (no password hashing, no N sign-ins). The session cookies are
// signed the way better-auth signs them (HMAC-SHA256 of the token with the server's secret,
// which the server keeps in its database when RAHKAR_SECRET is unset). Proposals to vote
// on are filed and moved to review through the domain, as a member and the moderator would.
import { createHmac, randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../../server/db/client';
import { insertRows } from '../../server/db/bulk-insert';
import type { Actor } from '../../server/domain/access';
import { ensureOccurrences } from '../../server/domain/meetings/series';
import { fileProposal } from '../../server/domain/proposals/proposals';
import { moveProposal } from '../../server/domain/proposals/transitions';
import { SIDES, type Side } from '../../shared/sides';

export interface Member {
	index: number;
	userId: string;
	personId: string;
	name: string;
	side: Side;
	/** The Cookie header of this member's session. */
	cookie: string;
}

export interface MeetingFixture {
	meetingId: string;
	groupId: string;
	members: Member[];
	/** The demo moderator's Cookie header (a session made the same way). */
	moderatorCookie: string;
	/** Proposals in review, one per vote. */
	proposals: string[];
	close(): Promise<void>;
}

const id = () => 'bm' + randomBytes(12).toString('hex');

const FIRST = ['محمدحسین', 'فاطمه‌زهرا', 'سیدعلیرضا', 'مریم‌السادات', 'امیرحسین', 'نرگس', 'غلامرضا', 'زینب'];
const LAST = ['حسین‌زاده‌طباطبایی', 'رضایی‌نژاد', 'میرحسینی', 'کریمی‌اصفهانی', 'موسوی‌خمینی', 'قاسمی‌فر', 'نوروزی'];
/** A full Persian name, as people enter theirs (first names and compound surnames). */
export const participantName = (i: number) => `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
/** The demo moderator's name in the agenda's presence (the bench's copy of it). */
export const moderatorName = 'مهندس پرویز رحیمی';

async function actor(database: Database, email: string): Promise<Actor> {
	const u = await database.db.user.findUniqueOrThrow({ where: { email } });
	return { userId: u.id, organisationId: u.organisationId, personId: u.personId, isAdmin: u.isAdmin };
}

/** `cookieName` is the session cookie's name as the server set it on sign-in (with or
 * without the __Secure- prefix). */
export async function setUpMeeting(
	databaseUrl: string,
	options: { members: number; proposals: number; cookieName: string }
): Promise<MeetingFixture> {
	const database = await openDatabase(databaseUrl);
	try {
		const { db } = database;
		const secret = (await db.setting.findUniqueOrThrow({ where: { key: 'auth.secret' } })).value;
		const sign = (token: string) =>
			`${options.cookieName}=${encodeURIComponent(`${token}.${createHmac('sha256', secret).update(token).digest('base64')}`)}`;
		const group = await db.group.findFirstOrThrow({ orderBy: { createdAt: 'asc' }, include: { series: true } });
		if (group.series) await ensureOccurrences(db, group.series.id);
		const meeting = await db.meeting.findFirstOrThrow({
			where: { groupId: group.id, status: { in: ['SCHEDULED', 'LIVE'] } },
			orderBy: { startsAt: 'asc' },
			select: { id: true }
		});

		const now = new Date();
		const expiresAt = new Date(now.getTime() + 86_400_000);
		const members: Member[] = [];
		const people: Record<string, string | Date>[] = [];
		const users: Record<string, string | Date>[] = [];
		const seats: Record<string, string | Date>[] = [];
		const sessions: Record<string, string | Date>[] = [];
		const session = (userId: string) => {
			const token = randomBytes(16).toString('hex');
			sessions.push({ id: id(), userId, token, expiresAt, createdAt: now, updatedAt: now });
			return sign(token);
		};
		for (let i = 0; i < options.members; i++) {
			const personId = id();
			const userId = id();
			const name = participantName(i);
			const side = SIDES[i % SIDES.length];
			people.push({ id: personId, organisationId: group.organisationId, name, createdAt: now, updatedAt: now });
			users.push({
				id: userId,
				organisationId: group.organisationId,
				personId,
				name,
				email: `bench-${i}@rahkar.example`,
				createdAt: now,
				updatedAt: now
			});
			seats.push({ id: id(), groupId: group.id, personId, side, role: 'MEMBER', createdAt: now });
			members.push({ index: i, userId, personId, name, side, cookie: session(userId) });
		}
		const moderator = await actor(database, 'moderator@rahkar.example');
		const moderatorCookie = session(moderator.userId);
		await db.$transaction(async (tx) => {
			await insertRows(tx, 'Person', people);
			await insertRows(tx, 'User', users);
			await insertRows(tx, 'Membership', seats);
			await insertRows(tx, 'Session', sessions);
		});

		const member = await actor(database, 'member@rahkar.example');
		const proposals: string[] = [];
		for (let k = 0; k < options.proposals; k++) {
			const { id: proposalId } = await fileProposal(db, member, group.id, { title: `Bench proposal ${k + 1}`, submit: true });
			await moveProposal(db, moderator, proposalId, { to: 'IN_REVIEW' });
			proposals.push(proposalId);
		}
		return { meetingId: meeting.id, groupId: group.id, members, moderatorCookie, proposals, close: () => database.close() };
	} catch (error) {
		await database.close();
		throw error;
	}
}
