// A vote's result from its tally, the quorum at closing and the group's majority rule. Pure.
import type { DecisionOutcome, MajorityRule, VoteResult } from '../../../shared/proposals';
import type { VoteTally } from '../../../shared/vote-events';

/** NO_QUORUM when the meeting could not decide; otherwise PASSED when the yes votes carry it
 * under the rule: SIMPLE more yes than no; ABSOLUTE more yes than half of the members present
 * (abstaining and not voting count against); TWO_THIRDS at least two thirds of yes and no. */
export function voteResult(tally: VoteTally, quorum: { met: boolean; present: number }, rule: MajorityRule): VoteResult {
	if (!quorum.met) return 'NO_QUORUM';
	const { yes, no } = tally;
	const passed = rule === 'SIMPLE' ? yes > no : rule === 'ABSOLUTE' ? yes * 2 > quorum.present : yes > 0 && yes * 3 >= (yes + no) * 2;
	return passed ? 'PASSED' : 'FAILED';
}

/** What a result decides: a passed vote approves, a failed one rejects; without a quorum
 * nothing is decided and the proposal stays in review. */
export const decisionFor = (result: VoteResult): DecisionOutcome | null =>
	result === 'PASSED' ? 'APPROVED' : result === 'FAILED' ? 'REJECTED' : null;
