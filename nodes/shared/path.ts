/**
 * Path parameters are encoded so that no value can change which endpoint is called: `/`, `?`,
 * `#` and every other reserved character are percent-encoded, and `.`/`..` (which a URL parser
 * resolves into another path) are refused.
 */
export class PathValueError extends Error {
	constructor(
		readonly field: string,
		readonly reason: 'empty' | 'dot',
		readonly value: string,
	) {
		super(reason === 'empty' ? `'${field}' is empty` : `'${field}' is not a valid ID`);
	}
}

/** Why a value cannot be a path segment, or undefined when it can. */
export function segmentProblem(raw: unknown): 'empty' | 'dot' | undefined {
	const value = raw === undefined || raw === null ? '' : String(raw).trim();
	if (value === '') return 'empty';
	if (value === '.' || value === '..') return 'dot';
	return undefined;
}

/** Encodes one path segment, or throws PathValueError naming the field. */
export function encodeSegment(field: string, raw: unknown): string {
	const value = raw === undefined || raw === null ? '' : String(raw).trim();
	const problem = segmentProblem(value);
	if (problem) throw new PathValueError(field, problem, value);
	return encodeURIComponent(value);
}

/** The `{name}` placeholders of a path template, in order. */
export function placeholders(template: string): string[] {
	return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

/** Fills a path template from `values` (already encoded). */
export function fillPath(template: string, values: Record<string, string>): string {
	return template.replace(/\{(\w+)\}/g, (_m, name: string) => values[name]);
}
