// The six sides' positions on a proposal, for the one-picture view.
import { SIDES, type Side } from '../../../shared/sides';
import type { Feasibility, Verdict } from '../../../shared/proposals';
import type { Positions } from '../../../shared/proposals';

export type { Positions } from '../../../shared/proposals';

/** Entrepreneurs are the proposing side; each other side has the position of its review, or none yet. */
export function positionsOf(reviews: { side: Side; verdict: Verdict | null; feasibility: Feasibility | null }[]): Positions {
	const out = Object.fromEntries(SIDES.map((s) => [s, 'NONE'])) as Positions;
	out.ENTREPRENEUR = 'PROPOSES';
	for (const r of reviews) if (r.side !== 'ENTREPRENEUR') out[r.side] = r.verdict ?? r.feasibility ?? 'NONE';
	return out;
}
