// A vote's count in words and the reader's digits: «۲ موافق، ۰ مخالف، ۰ ممتنع», "2 yes, 0 no,
// 0 abstain" — never a raw "2/0/0". The minutes, the proposal page and its timeline use it.
import { m } from '$lib/paraglide/messages';
import { formatNumber } from '$lib/format';

export const tallyWords = (t: { yes: number; no: number; abstain: number }): string =>
	m.vote_tally({ yes: formatNumber(t.yes), no: formatNumber(t.no), abstain: formatNumber(t.abstain) });

/** The tally a closed vote's timeline event carries ("2/0/0"). */
export function tallyOfDetail(detail: string | undefined): { yes: number; no: number; abstain: number } {
	const [yes, no, abstain] = (detail ?? '0/0/0').split('/').map((n) => Number(n) || 0);
	return { yes: yes ?? 0, no: no ?? 0, abstain: abstain ?? 0 };
}
