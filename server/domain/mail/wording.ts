// What mail says, in both of Rahkar's languages. Mail is rendered on the server by the sender
// job, outside any page, so its words live here rather than in the web app's messages.
import type { MeetingChange } from './meeting-mail';

export type MailLocale = 'en' | 'fa';

interface Wording {
	greeting(name: string): string;
	resetSubject: string;
	resetBody(minutes: string): string;
	resetAction: string;
	resetIgnore: string;
	inviteSubject(organisation: string): string;
	inviteBody(inviter: string, organisation: string, days: string): string;
	inviteAction: string;
	inviteIgnore: string;
	meetingSubject(change: MeetingChange, group: string): string;
	meetingLead(change: MeetingChange, group: string): string;
	when: string;
	minutesSubject(group: string, held: string, amended: boolean): string;
	minutesLead(group: string, held: string, amended: boolean): string;
	minutesApprove: string;
	minutesRead: string;
	minutesPrint: string;
	place: string;
	online: string;
	open: string;
	footer: string;
}

export const WORDING: Record<MailLocale, Wording> = {
	en: {
		greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
		resetSubject: 'Reset your Rahkar password',
		resetBody: (minutes) =>
			`Someone (we hope you) asked to reset the password of your Rahkar account. The link below works once, for ${minutes} minutes.`,
		resetAction: 'Choose a new password',
		inviteSubject: (organisation) => `Your Rahkar account at ${organisation}`,
		inviteBody: (inviter, organisation, days) =>
			`${inviter || 'An administrator'} made you an account in ${organisation}'s Rahkar, where its working groups meet, file proposals and follow their action items. Choose your password with the link below; it works once, for ${days} days.`,
		inviteAction: 'Choose your password',
		inviteIgnore: 'If you do not know why you got this, ignore it: nobody can sign in to the account without choosing its password.',
		resetIgnore: 'If you did not ask for this, ignore this mail: your password stays as it is.',
		meetingSubject: (change, group) =>
			({
				scheduled: `Meeting of ${group}`,
				changed: `Meeting of ${group} changed`,
				moved: `Meeting of ${group} moved`,
				cancelled: `Meeting of ${group} cancelled`,
				restored: `Meeting of ${group} back on the schedule`
			})[change],
		meetingLead: (change, group) =>
			({
				scheduled: `You are invited to the meeting of ${group}.`,
				changed: `The meeting of ${group} has changed: see its time and place below.`,
				moved: `The meeting of ${group} has a new time.`,
				cancelled: `The meeting of ${group} is cancelled.`,
				restored: `The meeting of ${group} is back on the schedule.`
			})[change],
		when: 'When',
		minutesSubject: (group, held, amended) => `${amended ? 'Amended minutes' : 'Minutes'} of ${group}, ${held}`,
		minutesLead: (group, held, amended) =>
			amended
				? `The minutes of the meeting of ${group} on ${held} were amended.`
				: `The minutes of the meeting of ${group} on ${held} are archived.`,
		minutesApprove: 'Please read them before the next meeting: it will ask the group to approve them.',
		minutesRead: 'Read the minutes',
		minutesPrint: 'Print view',
		place: 'Where',
		online: 'Online',
		open: 'Open the meeting in Rahkar',
		footer: 'Rahkar, for your working group.'
	},
	fa: {
		greeting: (name) => (name ? `${name} گرامی،` : 'سلام،'),
		resetSubject: 'بازنشانی گذرواژهٔ راهکار',
		resetBody: (minutes) => `درخواست بازنشانی گذرواژهٔ حساب راهکار شما ثبت شد. پیوند زیر تنها یک بار و تا ${minutes} دقیقه کار می‌کند.`,
		resetAction: 'گذرواژهٔ تازه را برگزینید',
		inviteSubject: (organisation) => `حساب راهکار شما در ${organisation}`,
		inviteBody: (inviter, organisation, days) =>
			`${inviter || 'مدیر سامانه'} برای شما در راهکارِ ${organisation} حسابی ساخته است؛ جایی که کارگروه‌ها جلسه برگزار می‌کنند، طرح ثبت می‌کنند و اقدام‌هایشان را پیگیری می‌کنند. گذرواژهٔ خود را با پیوند زیر برگزینید؛ این پیوند تنها یک بار و تا ${days} روز کار می‌کند.`,
		inviteAction: 'گذرواژهٔ خود را برگزینید',
		inviteIgnore:
			'اگر نمی‌دانید چرا این نامه را دریافت کرده‌اید، آن را نادیده بگیرید؛ تا گذرواژه‌ای برگزیده نشود، کسی نمی‌تواند وارد این حساب شود.',
		resetIgnore: 'اگر شما این درخواست را نداده‌اید، این نامه را نادیده بگیرید؛ گذرواژهٔ شما تغییری نمی‌کند.',
		meetingSubject: (change, group) =>
			({
				scheduled: `جلسهٔ ${group}`,
				changed: `جلسهٔ ${group} تغییر کرد`,
				moved: `زمان جلسهٔ ${group} تغییر کرد`,
				cancelled: `جلسهٔ ${group} لغو شد`,
				restored: `جلسهٔ ${group} دوباره برگزار می‌شود`
			})[change],
		meetingLead: (change, group) =>
			({
				scheduled: `به جلسهٔ ${group} دعوت شده‌اید.`,
				changed: `جلسهٔ ${group} تغییر کرده است؛ زمان و مکان آن در زیر آمده است.`,
				moved: `جلسهٔ ${group} زمان تازه‌ای دارد.`,
				cancelled: `جلسهٔ ${group} لغو شد.`,
				restored: `جلسهٔ ${group} دوباره در برنامه است.`
			})[change],
		when: 'زمان',
		minutesSubject: (group, held, amended) => `${amended ? 'صورت‌جلسهٔ اصلاح‌شدهٔ' : 'صورت‌جلسهٔ'} ${group}، ${held}`,
		minutesLead: (group, held, amended) =>
			amended ? `صورت‌جلسهٔ جلسهٔ ${group} در ${held} اصلاح شد.` : `صورت‌جلسهٔ جلسهٔ ${group} در ${held} بایگانی شد.`,
		minutesApprove: 'لطفاً پیش از جلسهٔ بعد آن را بخوانید؛ در آن جلسه تأیید آن از کارگروه خواسته می‌شود.',
		minutesRead: 'خواندن صورت‌جلسه',
		minutesPrint: 'نسخهٔ چاپی',
		place: 'مکان',
		online: 'برخط',
		open: 'دیدن جلسه در راهکار',
		footer: 'راهکار، برای کارگروه شما.'
	}
};

/** A moment in the reader's language and calendar: Jalali with Persian digits for Persian
 * (the platform's Intl, `fa-IR-u-ca-persian`), the Gregorian calendar for English. */
export function formatWhen(locale: MailLocale, iso: string, timeZone: string): string {
	const tag = locale === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB';
	const options = {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZone
	} as const;
	return `${new Intl.DateTimeFormat(tag, options).format(new Date(iso))} (${timeZone})`;
}

/** A number in the reader's digits. */
export const formatCount = (locale: MailLocale, n: number): string => new Intl.NumberFormat(locale === 'fa' ? 'fa-IR' : 'en-GB').format(n);

/** A day in the reader's language and calendar (Jalali in Persian). */
export function formatDayOf(locale: MailLocale, iso: string, timeZone: string): string {
	const tag = locale === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB';
	return new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(new Date(iso));
}

/** A calendar day kept as YYYY-MM-DD (an action item's due day), in the reader's calendar. */
export function formatLocalDay(locale: MailLocale, ymd: string): string {
	return formatDayOf(locale, `${ymd}T12:00:00Z`, 'UTC');
}
