// What the reminder, agenda, action item and digest mails say, in both languages (wording.ts
// holds the first mails' words and the date and number helpers every mail uses).
import type { DigestCadence, MailTopic } from '../../../shared/mail';

interface NoticeWording {
	reminderSubject(group: string, when: string): string;
	reminderLead(group: string, hours: string): string;
	agendaSubject(group: string): string;
	agendaLead(group: string, by: string): string;
	agendaEmpty: string;
	assignedSubject(title: string): string;
	assignedLead(by: string | null, group: string): string;
	dueSoonSubject(title: string): string;
	dueSoonLead(group: string, day: string): string;
	overdueSubject(title: string): string;
	overdueLead(group: string, day: string): string;
	actionTitle: string;
	due: string;
	openAction: string;
	digestSubject(cadence: Exclude<DigestCadence, 'off'>, count: string): string;
	digestLead(cadence: Exclude<DigestCadence, 'off'>): string;
	digestSettings: string;
	/** The unsubscribe link's words, per topic. */
	stop: Record<MailTopic, string>;
}

export const NOTICE_WORDING: Record<'en' | 'fa', NoticeWording> = {
	en: {
		reminderSubject: (group, when) => `Reminder: meeting of ${group}, ${when}`,
		reminderLead: (group, hours) => `The meeting of ${group} begins in about ${hours} hours.`,
		agendaSubject: (group) => `Agenda of the meeting of ${group}`,
		agendaLead: (group, by) => `${by} sent the agenda of the next meeting of ${group}:`,
		agendaEmpty: 'The agenda has no items yet.',
		assignedSubject: (title) => `Action item for you: ${title}`,
		assignedLead: (by, group) =>
			by ? `${by} made you responsible for an action item of ${group}.` : `You are responsible for an action item of ${group}.`,
		dueSoonSubject: (title) => `Due soon: ${title}`,
		dueSoonLead: (group, day) => `Your action item of ${group} is due on ${day}.`,
		overdueSubject: (title) => `Overdue: ${title}`,
		overdueLead: (group, day) => `Your action item of ${group} was due on ${day} and is not done yet.`,
		actionTitle: 'Action item',
		due: 'Due',
		openAction: 'Open the action item',
		digestSubject: (cadence, count) => `Your ${cadence === 'daily' ? 'daily' : 'weekly'} Rahkar digest: ${count} notices`,
		digestLead: (cadence) =>
			cadence === 'daily'
				? 'What happened in your groups since yesterday’s digest:'
				: 'What happened in your groups since last week’s digest:',
		digestSettings: 'Change how your mail comes',
		stop: {
			meetings: 'Stop meeting invitations',
			reminders: 'Stop meeting reminders',
			agenda: 'Stop agenda mail',
			minutes: 'Stop minutes mail',
			'action-assigned': 'Stop mail about assigned action items',
			'action-due': 'Stop mail about action items due soon',
			'action-overdue': 'Stop mail about overdue action items'
		}
	},
	fa: {
		reminderSubject: (group, when) => `یادآوری: جلسهٔ ${group}، ${when}`,
		reminderLead: (group, hours) => `جلسهٔ ${group} حدود ${hours} ساعت دیگر آغاز می‌شود.`,
		agendaSubject: (group) => `دستور جلسهٔ ${group}`,
		agendaLead: (group, by) => `${by} دستور جلسهٔ بعدی ${group} را فرستاد:`,
		agendaEmpty: 'دستور جلسه هنوز بندی ندارد.',
		assignedSubject: (title) => `اقدام برای شما: ${title}`,
		assignedLead: (by, group) => (by ? `${by} شما را مسئول اقدامی در ${group} کرد.` : `شما مسئول اقدامی در ${group} هستید.`),
		dueSoonSubject: (title) => `موعد نزدیک: ${title}`,
		dueSoonLead: (group, day) => `موعد اقدام شما در ${group} ${day} است.`,
		overdueSubject: (title) => `موعد گذشته: ${title}`,
		overdueLead: (group, day) => `موعد اقدام شما در ${group} ${day} بود و هنوز انجام نشده است.`,
		actionTitle: 'اقدام',
		due: 'موعد',
		openAction: 'دیدن اقدام',
		digestSubject: (cadence, count) => `چکیدهٔ ${cadence === 'daily' ? 'روزانهٔ' : 'هفتگی'} راهکار: ${count} اعلان`,
		digestLead: (cadence) =>
			cadence === 'daily'
				? 'آنچه از چکیدهٔ دیروز تاکنون در کارگروه‌های شما گذشت:'
				: 'آنچه از چکیدهٔ هفتهٔ پیش تاکنون در کارگروه‌های شما گذشت:',
		digestSettings: 'تغییر شیوهٔ رسیدن نامه‌ها',
		stop: {
			meetings: 'دیگر دعوت‌نامهٔ جلسه نفرستید',
			reminders: 'دیگر یادآوری جلسه نفرستید',
			agenda: 'دیگر دستور جلسه نفرستید',
			minutes: 'دیگر صورت‌جلسه نفرستید',
			'action-assigned': 'دیگر نامهٔ اقدام‌های واگذارشده نفرستید',
			'action-due': 'دیگر نامهٔ موعد نزدیک اقدام‌ها نفرستید',
			'action-overdue': 'دیگر نامهٔ اقدام‌های موعدگذشته نفرستید'
		}
	}
};
