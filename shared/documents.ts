// Collaborative document names, shared by the server (authorisation) and the browser.

/** The document name for one part of a group (a notes pad…). */
export const groupDocumentName = (groupId: string, part: string): string => `group.${groupId}.${part}`;
/** The agenda document of a meeting. */
export const agendaDocumentName = (meetingId: string): string => `meeting.${meetingId}.agenda`;
