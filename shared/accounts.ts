// Accounts as pages and the server both speak of them.

/** How long an invitation to an account works (server/domain/account-invitation.ts). */
export const INVITATION_DAYS = 7;
