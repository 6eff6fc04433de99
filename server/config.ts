// The one place that reads the environment: a typed, validated configuration object.
import path from 'node:path';
import { isIP } from 'node:net';
import { z } from 'zod';
import type { LogFormat, LogLevel } from './observability/logger';

const EnvSchema = z.object({
	PORT: z.coerce.number().int().min(0).max(65535).default(3000),
	HOST: z.string().min(1).default('0.0.0.0'),
	DATABASE_URL: z
		.string()
		.regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: (SQLite) or postgres:// (PostgreSQL)')
		.default('file:./data/rahkar.db'),
	REDIS_URL: z
		.string()
		.regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
		.optional(),
	RAHKAR_DEMO: z.enum(['0', '1']).default('1'),
	RAHKAR_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
	/** The Ed25519 private key that signs certificates (PKCS#8 PEM, or its DER in base64); without
	 * it one is generated on first start and kept in the database (server/domain/courses/signing.ts). */
	RAHKAR_CERTIFICATE_KEY: z.string().min(40, 'must be an Ed25519 private key (PEM or base64 DER)').optional(),
	/** Public origin (https://rahkar.example.org) when behind a proxy; cookies are Secure when it is https. */
	ORIGIN: z.string().url().optional(),
	/** How often open sockets' sessions are re-checked for expiry and revocation. */
	RAHKAR_SESSION_CHECK_SECONDS: z.coerce.number().positive().max(3600).default(60),
	/** smtp://user:pass@host:587 or smtps://…; without it mail is written to RAHKAR_OUTBOX_DIR as .eml files. */
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
		.optional(),
	MAIL_FROM: z.string().min(3).default('Rahkar <rahkar@localhost>'),
	RAHKAR_OUTBOX_DIR: z.string().min(1).default('./data/outbox'),
	/** The mail sender's rhythm: how often it looks, the first retry's wait (doubled each time),
	 * how many attempts before a mail is failed, and how long a claimed mail stays claimed. */
	RAHKAR_MAIL_EVERY_SECONDS: z.coerce.number().positive().max(3600).default(5),
	RAHKAR_MAIL_RETRY_SECONDS: z.coerce.number().positive().max(86_400).default(60),
	RAHKAR_MAIL_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
	RAHKAR_MAIL_LEASE_SECONDS: z.coerce.number().positive().max(3600).default(120),
	/** How long before a meeting its reminder goes out, and how often the cluster looks for
	 * reminders and digests that are due. */
	RAHKAR_MAIL_REMINDER_HOURS: z.coerce.number().positive().max(720).default(24),
	RAHKAR_MAIL_SCAN_SECONDS: z.coerce.number().positive().max(86_400).default(300),
	NODE_ENV: z.string().default('development'),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	/** json (one object a line) or pretty (readable); json unless NODE_ENV is development. */
	LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
	/** /metrics answers a scraper that sends `Authorization: Bearer <this>`… */
	METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
	/** …or whose address is in this comma-separated list; with neither, /metrics is a 404. */
	METRICS_ALLOW: z
		.string()
		.default('')
		.transform((s) =>
			s
				.split(',')
				.map((a) => a.trim())
				.filter(Boolean)
		)
		.refine((list) => list.every((a) => isIP(a) !== 0), 'must be a comma-separated list of IP addresses'),
	/** Where `npm run backup` writes SQLite backups. */
	RAHKAR_BACKUP_DIR: z.string().min(1).default('./data/backups'),
	/** The public "bring your idea" form: submissions per address per hour, and how many seconds
	 * must pass between showing the form and sending it (a script sends at once). */
	RAHKAR_INTAKE_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(10),
	RAHKAR_INTAKE_MIN_SECONDS: z.coerce.number().min(0).max(600).default(3)
});

export type DatabaseProvider = 'sqlite' | 'postgresql';

export interface MailConfig {
	smtpUrl?: string;
	from: string;
	/** Where mail goes without SMTP_URL. */
	outboxDir: string;
	everyMs: number;
	retryMs: number;
	attempts: number;
	leaseMs: number;
	reminderLeadMs: number;
	scanEveryMs: number;
}

export interface Config {
	port: number;
	host: string;
	databaseUrl: string;
	databaseProvider: DatabaseProvider;
	redisUrl?: string;
	demo: boolean;
	demoPassword?: string;
	/** RAHKAR_CERTIFICATE_KEY: the certificates' signing key, when configured. */
	certificateKey?: string;
	origin?: string;
	production: boolean;
	sessionCheckMs: number;
	mail: MailConfig;
	log: { level: LogLevel; format: LogFormat };
	metrics: { token?: string; allow: string[] };
	backupDir: string;
	intake: IntakeConfig;
}

export interface IntakeConfig {
	perHour: number;
	minAgeMs: number;
}

export class ConfigError extends Error {}

/** Builds the configuration from an environment, or throws one error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const parsed = EnvSchema.safeParse(env);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
		throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
	}
	const e = parsed.data;
	const postgres = e.DATABASE_URL.startsWith('postgres');
	return {
		port: e.PORT,
		host: e.HOST,
		databaseUrl: postgres ? e.DATABASE_URL : `file:${path.resolve(e.DATABASE_URL.slice('file:'.length))}`,
		databaseProvider: postgres ? 'postgresql' : 'sqlite',
		redisUrl: e.REDIS_URL,
		demo: e.RAHKAR_DEMO === '1',
		demoPassword: e.RAHKAR_DEMO_PASSWORD,
		certificateKey: e.RAHKAR_CERTIFICATE_KEY,
		origin: e.ORIGIN,
		production: e.NODE_ENV === 'production',
		sessionCheckMs: e.RAHKAR_SESSION_CHECK_SECONDS * 1000,
		mail: {
			smtpUrl: e.SMTP_URL,
			from: e.MAIL_FROM,
			outboxDir: path.resolve(e.RAHKAR_OUTBOX_DIR),
			everyMs: e.RAHKAR_MAIL_EVERY_SECONDS * 1000,
			retryMs: e.RAHKAR_MAIL_RETRY_SECONDS * 1000,
			attempts: e.RAHKAR_MAIL_ATTEMPTS,
			leaseMs: e.RAHKAR_MAIL_LEASE_SECONDS * 1000,
			reminderLeadMs: e.RAHKAR_MAIL_REMINDER_HOURS * 3_600_000,
			scanEveryMs: e.RAHKAR_MAIL_SCAN_SECONDS * 1000
		},
		log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT ?? (e.NODE_ENV === 'development' ? 'pretty' : 'json') },
		metrics: { token: e.METRICS_TOKEN, allow: e.METRICS_ALLOW },
		backupDir: path.resolve(e.RAHKAR_BACKUP_DIR),
		intake: { perHour: e.RAHKAR_INTAKE_PER_HOUR, minAgeMs: e.RAHKAR_INTAKE_MIN_SECONDS * 1000 }
	};
}
