/**
 * `page_request.filter`: "SQL-style constraint filters" (spec: every paginated operation, e.g.
 * stackpath-dev-2020-08/stacks.json GetStacks). The grammar is not published; the only real uses
 * are go-acme/lego `providers/dns/stackpath/internal/client.go`:
 *
 *   GetZones:       domain='example.com'
 *   GetZoneRecords: name='_acme-challenge' and type='TXT'
 *
 * INF: the grammar accepted here, a small SQL subset:
 *   expr       := and ('or' and)*
 *   and        := primary ('and' primary)*
 *   primary    := '(' expr ')' | field op value
 *   op         := '=' | '!=' | '<>'
 *   value      := 'text' | "text" | number | true | false     ('' or "" inside doubles the quote)
 *   field      := a JSON name of the listed object (camelCase; snake_case is accepted too),
 *                 dotted for nested fields (`metadata.version`)
 * Keywords are case-insensitive. Comparison is exact and case-sensitive on the value's string form;
 * a field the object lacks never equals anything; an array field equals a value it contains.
 */

export class FilterError extends Error {}

type Token =
	| { kind: 'lparen' | 'rparen' }
	| { kind: 'op'; value: '=' | '!=' }
	| { kind: 'ident'; value: string }
	| { kind: 'literal'; value: string };

function tokenize(input: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < input.length) {
		const c = input[i];
		if (/\s/.test(c)) {
			i++;
		} else if (c === '(') {
			tokens.push({ kind: 'lparen' });
			i++;
		} else if (c === ')') {
			tokens.push({ kind: 'rparen' });
			i++;
		} else if (c === '=') {
			tokens.push({ kind: 'op', value: '=' });
			i++;
		} else if (input.startsWith('!=', i) || input.startsWith('<>', i)) {
			tokens.push({ kind: 'op', value: '!=' });
			i += 2;
		} else if (c === "'" || c === '"') {
			let value = '';
			let j = i + 1;
			for (;;) {
				if (j >= input.length) throw new FilterError(`unterminated string at position ${i}`);
				if (input[j] === c) {
					if (input[j + 1] === c) {
						value += c;
						j += 2;
						continue;
					}
					break;
				}
				value += input[j];
				j++;
			}
			tokens.push({ kind: 'literal', value });
			i = j + 1;
		} else if (/[-0-9]/.test(c)) {
			const m = /^-?\d+(\.\d+)?/.exec(input.slice(i));
			if (!m) throw new FilterError(`unexpected '${c}' at position ${i}`);
			tokens.push({ kind: 'literal', value: m[0] });
			i += m[0].length;
		} else if (/[A-Za-z_]/.test(c)) {
			const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(input.slice(i))!;
			tokens.push({ kind: 'ident', value: m[0] });
			i += m[0].length;
		} else {
			throw new FilterError(`unexpected '${c}' at position ${i}`);
		}
	}
	return tokens;
}

export type Predicate = (row: Record<string, unknown>) => boolean;

function camel(field: string): string {
	return field.replace(/_([a-z0-9])/g, (_m, ch: string) => ch.toUpperCase());
}

function lookup(row: unknown, path: string): unknown {
	let value: unknown = row;
	for (const part of path.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		const obj = value as Record<string, unknown>;
		value = part in obj ? obj[part] : obj[camel(part)];
	}
	return value;
}

function equals(value: unknown, literal: string): boolean {
	if (value === undefined || value === null) return false;
	if (Array.isArray(value)) return value.some((v) => equals(v, literal));
	if (typeof value === 'object') return false;
	return String(value) === literal;
}

/** Parses a filter into a predicate; throws FilterError when it does not parse. */
export function parseFilter(input: string): Predicate {
	const tokens = tokenize(input);
	let pos = 0;
	const peek = () => tokens[pos];
	const isKeyword = (t: Token | undefined, word: string) =>
		t?.kind === 'ident' && t.value.toLowerCase() === word;

	function primary(): Predicate {
		const t = peek();
		if (!t) throw new FilterError('unexpected end of filter');
		if (t.kind === 'lparen') {
			pos++;
			const inner = orExpr();
			if (peek()?.kind !== 'rparen') throw new FilterError("missing ')'");
			pos++;
			return inner;
		}
		if (t.kind !== 'ident' || isKeyword(t, 'and') || isKeyword(t, 'or'))
			throw new FilterError('expected a field name');
		pos++;
		const op = peek();
		if (op?.kind !== 'op') throw new FilterError(`expected '=' or '!=' after ${t.value}`);
		pos++;
		const v = peek();
		let literal: string;
		if (v?.kind === 'literal') literal = v.value;
		else if (isKeyword(v, 'true') || isKeyword(v, 'false'))
			literal = (v as { value: string }).value.toLowerCase();
		else throw new FilterError(`expected a value after ${t.value} ${op.value}`);
		pos++;
		const field = t.value;
		return op.value === '='
			? (row) => equals(lookup(row, field), literal)
			: (row) => !equals(lookup(row, field), literal);
	}

	function andExpr(): Predicate {
		const parts = [primary()];
		while (isKeyword(peek(), 'and')) {
			pos++;
			parts.push(primary());
		}
		return (row) => parts.every((p) => p(row));
	}

	function orExpr(): Predicate {
		const parts = [andExpr()];
		while (isKeyword(peek(), 'or')) {
			pos++;
			parts.push(andExpr());
		}
		return (row) => parts.some((p) => p(row));
	}

	if (!tokens.length) return () => true;
	const predicate = orExpr();
	if (pos < tokens.length) throw new FilterError('unexpected input after the end of the filter');
	return predicate;
}

export { lookup as fieldValue };
