// Reading the proposal forms' posts into the shapes shared/proposals.ts validates.
import { NEEDS, PROPOSAL_PERSON_ROLES, type ProposalInput } from '$shared/proposals';

/** The text, needs (checkbox `needs` + `note_<NEED>`) and people (one select per role;
 * EXPERT may hold several) of a proposal form. */
export function proposalFromForm(form: FormData): ProposalInput & Record<string, unknown> {
	const str = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v : '';
	};
	const chosen = new Set(form.getAll('needs').filter((v): v is string => typeof v === 'string'));
	return {
		title: str('title'),
		problem: str('problem'),
		idea: str('idea'),
		note: str('note'),
		needs: NEEDS.filter((n) => chosen.has(n)).map((need) => ({ need, note: str(`note_${need}`) })),
		people: PROPOSAL_PERSON_ROLES.flatMap((role) =>
			form
				.getAll(role)
				.filter((v): v is string => typeof v === 'string' && v !== '')
				.map((personId) => ({ personId, role }))
		)
	};
}
