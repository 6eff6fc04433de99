// Who gets a group's mail: its members with an address (their account's, else the databank's),
// in their language, minus those who turned the topic off.
import type { Tx } from '../meetings/meeting-transaction';
import type { MailTopic } from '../../../shared/mail';
import { optedOut } from './preferences';

export interface Recipient {
	personId: string;
	userId: string | null;
	name: string;
	address: string;
	locale: string;
}

/** The group's members who want mail on `topic`. */
export async function groupRecipients(tx: Tx, groupId: string, topic: MailTopic): Promise<Recipient[]> {
	const memberships = await tx.membership.findMany({
		where: { groupId, person: { archivedAt: null } },
		select: { person: { select: { id: true, name: true, email: true, user: { select: { id: true, email: true, locale: true } } } } }
	});
	const people = memberships.map((m) => m.person).filter((p) => p.user?.email || p.email);
	const out = await optedOut(
		tx,
		people.map((p) => p.id),
		topic
	);
	return people
		.filter((p) => !out.has(p.id))
		.map((p) => ({
			personId: p.id,
			userId: p.user?.id ?? null,
			name: p.name,
			address: (p.user?.email ?? p.email)!,
			locale: p.user?.locale ?? 'fa'
		}));
}
