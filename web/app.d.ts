// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$server/auth/auth';
import type { Services } from '$server/http/services';

declare global {
	namespace App {
		interface Locals {
			/** The domain's door: the database handle, documents, live rooms (server/http/services.ts). */
			services: Services;
			user: SessionUser | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
