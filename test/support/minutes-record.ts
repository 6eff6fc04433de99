// A fixed minutes record, its canonical JSON written out by hand (keys sorted at every
// level, no whitespace) and the sha256 of that text computed outside the app, so a test
// can check the app's canonical form and hash against values it did not produce itself.
import { MINUTES_FORMAT, type MinutesRecord } from '../../shared/minutes';

export const FIXED_RECORD: MinutesRecord = {
	format: MINUTES_FORMAT,
	meeting: {
		id: 'meeting-1',
		groupId: 'group-1',
		groupName: 'کارگروه صنایع دستی',
		startsAt: '2026-11-26T10:00:00.000Z',
		startedAt: '2026-11-26T10:02:00.000Z',
		closedAt: '2026-11-26T11:30:00.000Z',
		place: 'تالار شهر',
		link: 'https://meet.example/abc',
		timeZone: 'Asia/Tehran'
	},
	attendance: [
		{ personId: 'p-1', name: 'مریم احمدی', side: 'EXPERT', checkedInAt: '2026-11-26T10:01:00.000Z' },
		{ personId: 'p-2', name: 'Reza Karimi', side: 'ENTREPRENEUR', checkedInAt: '2026-11-26T10:03:00.000Z' }
	],
	quorum: { met: true, present: 2, eligible: 3, sidesPresent: ['ENTREPRENEUR', 'EXPERT'], sidesNeeded: 2 },
	agenda: [
		{
			id: 'a-1',
			title: 'بودجه ۱۴۰۶',
			presenter: 'مریم احمدی',
			side: 'EXPERT',
			plannedMinutes: 15,
			spentSeconds: 840,
			notes: 'نخست\nدوم',
			proposalId: 'pr-1'
		}
	],
	speakers: [{ personId: 'p-2', name: 'Reza Karimi', side: 'ENTREPRENEUR', seconds: 120 }],
	spokenBySide: { ENTREPRENEUR: 120, EXPERT: 0, AGENCY: 0, LEGAL: 0, MEDIA: 0, EXECUTOR: 0 },
	votes: [
		{
			id: 'v-1',
			proposalId: 'pr-1',
			proposalTitle: 'بازارچه محلی',
			yes: 2,
			no: 0,
			abstain: 0,
			present: 2,
			quorumMet: true,
			result: 'APPROVED'
		}
	],
	decisions: [
		{
			id: 'd-1',
			proposalId: 'pr-1',
			proposalTitle: 'بازارچه محلی',
			method: 'VOTE',
			outcome: 'APPROVED',
			text: 'تصویب شد',
			decidedAt: '2026-11-26T11:00:00.000Z'
		}
	],
	actionItems: [
		{
			id: 'ai-1',
			title: 'اجاره غرفه',
			owner: 'Reza Karimi',
			side: 'ENTREPRENEUR',
			dueDate: '2026-12-10',
			status: 'OPEN',
			createdHere: true
		}
	],
	remarks: 'شروع با دو دقیقه تأخیر'
};

/** FIXED_RECORD in canonical form, written out (computed with Python's json.dumps with
 * sort_keys and compact separators, not with the app's canonicalJson). */
export const FIXED_CANONICAL =
	'{"actionItems":[{"createdHere":true,"dueDate":"2026-12-10","id":"ai-1","owner":"Reza Karimi","side":"ENTREPRENEUR","status":"OPEN","title":"اجاره غرفه"}],"agenda":[{"id":"a-1","notes":"نخست\\nدوم","plannedMinutes":15,"presenter":"مریم احمدی","proposalId":"pr-1","side":"EXPERT","spentSeconds":840,"title":"بودجه ۱۴۰۶"}],"attendance":[{"checkedInAt":"2026-11-26T10:01:00.000Z","name":"مریم احمدی","personId":"p-1","side":"EXPERT"},{"checkedInAt":"2026-11-26T10:03:00.000Z","name":"Reza Karimi","personId":"p-2","side":"ENTREPRENEUR"}],"decisions":[{"decidedAt":"2026-11-26T11:00:00.000Z","id":"d-1","method":"VOTE","outcome":"APPROVED","proposalId":"pr-1","proposalTitle":"بازارچه محلی","text":"تصویب شد"}],"format":"rahkar.minutes/1","meeting":{"closedAt":"2026-11-26T11:30:00.000Z","groupId":"group-1","groupName":"کارگروه صنایع دستی","id":"meeting-1","link":"https://meet.example/abc","place":"تالار شهر","startedAt":"2026-11-26T10:02:00.000Z","startsAt":"2026-11-26T10:00:00.000Z","timeZone":"Asia/Tehran"},"quorum":{"eligible":3,"met":true,"present":2,"sidesNeeded":2,"sidesPresent":["ENTREPRENEUR","EXPERT"]},"remarks":"شروع با دو دقیقه تأخیر","speakers":[{"name":"Reza Karimi","personId":"p-2","seconds":120,"side":"ENTREPRENEUR"}],"spokenBySide":{"AGENCY":0,"ENTREPRENEUR":120,"EXECUTOR":0,"EXPERT":0,"LEGAL":0,"MEDIA":0},"votes":[{"abstain":0,"id":"v-1","no":0,"present":2,"proposalId":"pr-1","proposalTitle":"بازارچه محلی","quorumMet":true,"result":"APPROVED","yes":2}]}';

/** sha256 of FIXED_CANONICAL (UTF-8), hex, computed with Python's hashlib. */
export const FIXED_SHA256 = 'f50adf4143cff7c4ad91040ee361509b1a623c826d356cab23a762330f9509c1';
