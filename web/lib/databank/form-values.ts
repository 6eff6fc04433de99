// The databank's create/edit forms: what they are given, and reading a form's values back
// after a failed submit (what was sent may be a string, a number or a list, or missing).
import type { DistrictItem, FieldItem } from '$shared/databank';

export interface DatabankFormProps {
	values: Record<string, unknown>;
	errors?: Record<string, string>;
	districts: DistrictItem[];
	fields: FieldItem[];
	submit: string;
}

export const textValue = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
export const listValue = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
