// The address in a mail's List-Unsubscribe header. A mail client posts
// "List-Unsubscribe=One-Click" to it (RFC 8058); a person who opens it in a browser is sent to
// the confirmation page instead, because opening a link (or a scanner prefetching it) must not
// change anything.
import express, { type Express } from 'express';
import type { Db } from '../db/client';
import { unsubscribe } from '../domain/mail/preferences';
import { DomainError } from '../domain/errors';
import { logError } from '../observability/logger';

export function oneClickUnsubscribe(app: Express, db: Db): void {
	app.get('/mail/one-click', (req, res) => {
		res.redirect(303, `/mail/unsubscribe?t=${encodeURIComponent(String(req.query.t ?? ''))}`);
	});
	app.post('/mail/one-click', express.urlencoded({ extended: false, limit: '1kb' }), async (req, res) => {
		try {
			await unsubscribe(db, String(req.query.t ?? ''));
			res.status(200).type('text/plain').send('Unsubscribed.');
		} catch (error) {
			if (error instanceof DomainError && error.code === 'NOT_FOUND') {
				res.status(404).type('text/plain').send('Not an unsubscribe link.');
				return;
			}
			logError(error, 'one-click unsubscribe failed');
			res.status(500).type('text/plain').send('Could not unsubscribe; try again later.');
		}
	});
}
