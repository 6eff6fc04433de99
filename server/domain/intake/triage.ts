// Triage of an intake, as a small state machine. A citizen's intake is RECEIVED; staff link
// it to a person of the databank (an existing one, or one registered from it), and only then
// introduce that person to a group or refer them to a course, as often as needed; closing
// (with a reason the citizen reads) ends it. Every step is one IntakeEvent.
import type { IntakeStatus, TriageStep } from '../../../shared/intake';

export const NEXT_STEPS: Record<IntakeStatus, readonly TriageStep[]> = {
	RECEIVED: ['LINKED', 'CLOSED'],
	LINKED: ['INTRODUCED', 'REFERRED', 'CLOSED'],
	INTRODUCED: ['INTRODUCED', 'REFERRED', 'CLOSED'],
	REFERRED: ['INTRODUCED', 'REFERRED', 'CLOSED'],
	CLOSED: []
};

/** Whether an intake in `status` may take `step`. */
export const mayStep = (status: IntakeStatus, step: TriageStep): boolean => NEXT_STEPS[status].includes(step);
