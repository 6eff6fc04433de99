// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$server/auth/auth';
import type { AppContext } from '$server/http/context';

declare global {
	namespace App {
		interface Locals {
			context: AppContext;
			user: SessionUser | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
