// Links in comments shown as cards: a comment's text may name a proposal, an action item or
// a person of the databank by their address; each reader gets a card only for what they may
// open themselves (the same rules as those records' own pages), so a link tells a reader
// who may not see the record nothing, not even its title.
import type { Db } from '../../db/client';
import { linkTargets, type LinkCard, type LinkKind } from '../../../shared/discussion';
import type { Actor } from '../access';
import { DomainError } from '../errors';
import { itemAccess } from '../action-items/access';
import { personProfile } from '../databank/people';
import { findProposal } from '../proposals/proposal-access';

const unseen = (error: unknown) => {
	if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
	throw error;
};

async function card(db: Db, actor: Actor, kind: LinkKind, id: string): Promise<LinkCard | null> {
	switch (kind) {
		case 'proposal': {
			const found = await findProposal(db, actor, id).catch(unseen);
			return found && { kind, id, title: found.proposal.title, detail: found.proposal.state };
		}
		case 'action': {
			const found = await itemAccess(db, actor, id).catch(unseen);
			if (!found) return null;
			const item = await db.actionItem.findUniqueOrThrow({ where: { id }, select: { title: true, status: true } });
			return { kind, id, title: item.title, detail: item.status };
		}
		case 'person': {
			const found = await personProfile(db, actor, id).catch(unseen);
			return found && { kind, id, title: found.person.name, detail: null };
		}
	}
}

/** The cards of these comments' links the actor may open, by comment (at most five each,
 * and each record looked up once however many comments name it). */
export async function linkCards(db: Db, actor: Actor, bodies: { id: string; body: string }[]): Promise<Map<string, LinkCard[]>> {
	const known = new Map<string, Promise<LinkCard | null>>();
	const out = new Map<string, LinkCard[]>();
	for (const { id, body } of bodies) {
		const cards: LinkCard[] = [];
		for (const t of linkTargets(body)) {
			const key = `${t.kind}:${t.id}`;
			if (!known.has(key)) known.set(key, card(db, actor, t.kind, t.id));
			const c = await known.get(key)!;
			if (c) cards.push(c);
		}
		out.set(id, cards);
	}
	return out;
}
