/**
 * Writes the operation tables of the StackPath nodes (nodes/<Node>/operations.generated.ts)
 * from StackPath's own OpenAPI/Swagger files and the hand-written overlay beside this script.
 *
 *   npm run generate:stackpath            writes the files
 *   npm run generate:stackpath -- --check exits 1 when a committed file differs
 *
 * The specs are read from $STACKPACK_SPECS_DIR, else ../shared/specs beside the repository.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

import * as prettier from 'prettier';

import type {
	SpecField,
	SpecFieldType,
	SpecOperation,
	SpecResource,
} from '../../nodes/StackPath/shared/spec';
import { ACTIONS, EXAMPLES, EXCLUDED, LOCATORS, NODES, REQUIRED } from './overlay';

export const repoRoot = path.resolve(__dirname, '..', '..');

export function specsDir(): string {
	const fromEnv = process.env.STACKPACK_SPECS_DIR;
	return fromEnv ? path.resolve(fromEnv) : path.resolve(repoRoot, '..', 'shared', 'specs');
}

interface InventoryEntry {
	group: string;
	method: string;
	path: string;
	operationId: string;
	summary: string;
	pathParams: string[];
	queryParams: string[];
	paginated: boolean;
	listKey: string | null;
	requestBodyFields: string[] | null;
	successCodes: string[];
	source: string;
}

type Schema = Record<string, unknown> & {
	$ref?: string;
	type?: string;
	format?: string;
	enum?: string[];
	items?: Schema;
	properties?: Record<string, Schema>;
	allOf?: Schema[];
	description?: string;
	title?: string;
	readOnly?: boolean;
	default?: unknown;
	example?: unknown;
};

type Spec = {
	paths: Record<string, Record<string, Record<string, unknown>>>;
	components?: { schemas?: Record<string, Schema>; parameters?: Record<string, Schema> };
	definitions?: Record<string, Schema>;
	parameters?: Record<string, Schema>;
};

/** Fields a request never sets (the server fills them). */
const READ_ONLY = new Set(['id', 'stackId', 'createdAt', 'updatedAt', 'status']);

/** Words written in capitals in display names. */
const ACRONYMS: Record<string, string> = {
	id: 'ID',
	ids: 'IDs',
	url: 'URL',
	urls: 'URLs',
	ip: 'IP',
	ips: 'IPs',
	dns: 'DNS',
	ttl: 'TTL',
	ca: 'CA',
	cdn: 'CDN',
	waf: 'WAF',
	api: 'API',
	http: 'HTTP',
	tcp: 'TCP',
	ssl: 'SSL',
	pop: 'POP',
	pops: 'POPs',
	ipv6: 'IPv6',
	san: 'SAN',
	ddos: 'DDoS',
	iam: 'IAM',
	acme: 'ACME',
	cname: 'CNAME',
	sql: 'SQL',
};

/** Text fields shown over several rows. */
const MULTILINE = new Set(['certificate', 'key', 'caBundle', 'code', 'zoneFile', 'body']);

export function camelCase(name: string): string {
	return name
		.replace(/[._-]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase())
		.replace(/^[A-Z]/, (c) => c.toLowerCase());
}

export function displayName(name: string): string {
	return name
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.split(/[\s_.]+/)
		.filter(Boolean)
		.map((word) => ACRONYMS[word.toLowerCase()] ?? word[0].toUpperCase() + word.slice(1))
		.join(' ');
}

function operationValue(name: string): string {
	if (name === 'Get Many') return 'getAll';
	return camelCase(
		name
			.replace(/[()]/g, '')
			.split(/\s+/)
			.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase()))
			.join(''),
	);
}

class SpecReader {
	private cache = new Map<string, Spec>();

	constructor(private dir: string) {}

	spec(source: string): Spec {
		let spec = this.cache.get(source);
		if (!spec) {
			spec = JSON.parse(readFileSync(path.join(this.dir, source), 'utf8')) as Spec;
			this.cache.set(source, spec);
		}
		return spec;
	}

	resolve(spec: Spec, schema: Schema | undefined, depth = 0): Schema | undefined {
		if (!schema || depth > 20) return schema;
		if (schema.$ref) {
			const name = schema.$ref.split('/').pop() as string;
			const target =
				(schema.$ref.includes('/parameters/')
					? (spec.components?.parameters ?? spec.parameters)?.[name]
					: (spec.components?.schemas ?? spec.definitions)?.[name]) ?? undefined;
			return this.resolve(spec, target, depth + 1);
		}
		if (schema.allOf) {
			const merged: Schema = { ...schema, properties: {} };
			delete merged.allOf;
			for (const part of schema.allOf) {
				const resolved = this.resolve(spec, part, depth + 1) ?? {};
				Object.assign(merged, { ...resolved, properties: merged.properties });
				Object.assign(merged.properties as object, resolved.properties ?? {});
			}
			return merged;
		}
		return schema;
	}
}

/** The first sentence(s) of a spec description, on one line, without a final period. */
function describe(text: unknown): string | undefined {
	if (typeof text !== 'string') return undefined;
	let line = text
		.split(/\n\s*\n/)[0]
		.replace(/\s+/g, ' ')
		.trim();
	if (!line) return undefined;
	if (line.length > 300) {
		const cut = line.slice(0, 300);
		const end = cut.lastIndexOf('. ');
		line = end > 80 ? cut.slice(0, end + 1) : `${cut.replace(/\s+\S*$/, '')}…`;
	}
	line = line[0].toUpperCase() + line.slice(1);
	// n8n's style: one sentence has no final period, several end with one.
	if (/^[^.]*\.$/.test(line)) line = line.slice(0, -1);
	else if (/\.\s/.test(line) && !/[.…]$/.test(line)) line = `${line}.`;
	return line;
}

/** A sample value valid against a schema, for JSON fields without a hand-written example. */
function sample(
	reader: SpecReader,
	spec: Spec,
	raw: Schema | undefined,
	name: string,
	depth: number,
): unknown {
	const schema = reader.resolve(spec, raw);
	if (!schema) return {};
	if (schema.example !== undefined) return schema.example;
	if (schema.enum) return schema.enum.find((v) => !/UNKNOWN|UNSPECIFIED/.test(v)) ?? schema.enum[0];
	switch (schema.type) {
		case 'array':
			return depth > 3 ? [] : [sample(reader, spec, schema.items, name, depth + 1)];
		case 'integer':
		case 'number':
			return 1;
		case 'boolean':
			return true;
		case 'string':
			if (schema.format === 'date-time') return '2024-01-01T00:00:00Z';
			// protobuf `bytes` travel as base64 ("example").
			if (schema.format === 'byte') return 'ZXhhbXBsZQ==';
			if (/url/i.test(name)) return 'https://example.com/';
			if (/domain|host/i.test(name)) return 'example.com';
			return 'example';
		default: {
			if (depth > 3 || !schema.properties) return {};
			const out: Record<string, unknown> = {};
			for (const [key, value] of Object.entries(schema.properties).slice(0, 6)) {
				const resolved = reader.resolve(spec, value);
				if (READ_ONLY.has(key) || resolved?.readOnly) continue;
				out[key] = sample(reader, spec, value, key, depth + 1);
			}
			return out;
		}
	}
}

function field(
	reader: SpecReader,
	spec: Spec,
	key: string,
	apiName: string,
	target: SpecField['in'],
	raw: Schema | undefined,
	required: boolean,
	description: unknown,
): SpecField {
	const schema = reader.resolve(spec, raw) ?? {};
	const name = camelCase(apiName);
	let type: SpecFieldType = 'string';
	const out: Partial<SpecField> = {};
	const items = schema.type === 'array' ? reader.resolve(spec, schema.items) : undefined;
	if (schema.enum) {
		type = 'options';
		out.options = [...schema.enum];
		if (typeof schema.default === 'string') out.default = schema.default;
	} else if (schema.type === 'boolean') type = 'boolean';
	else if (schema.type === 'integer' || schema.type === 'number') {
		type = 'number';
		if (typeof schema.default === 'number') out.default = schema.default;
	} else if (schema.type === 'string' && schema.format === 'date-time') type = 'dateTime';
	else if (schema.type === 'string') {
		if (/password|secret|apiKey/i.test(name)) out.password = true;
		if (MULTILINE.has(name) && target === 'body') out.rows = 4;
	} else if (items && items.enum) {
		type = 'multiOptions';
		out.options = [...items.enum];
	} else if (
		items &&
		(items.type === 'string' || items.type === 'integer' || !items.type) &&
		!items.properties &&
		items.type !== undefined
	) {
		type = 'list';
	} else {
		type = 'json';
		if (schema.type === 'array') out.array = true;
	}
	if (type === 'json') {
		const example = EXAMPLES[`${key}#${apiName}`] ?? sample(reader, spec, schema, apiName, 0);
		out.example = typeof example === 'string' ? example : JSON.stringify(example);
	}
	let text = describe(description ?? schema.description ?? schema.title);
	if (type === 'boolean') {
		text = text
			? /^whether/i.test(text)
				? text
				: `Whether ${text[0].toLowerCase()}${text.slice(1)}`
			: `Whether to set ${displayName(name).toLowerCase()}`;
	}
	if (type === 'list') text = [text, 'Comma-separated'].filter(Boolean).join('. ');
	if (type === 'string' && schema.format === 'byte' && !/base64/i.test(text ?? ''))
		text = [text, 'Base64-encoded'].filter(Boolean).join('. ');
	return {
		name,
		api: apiName,
		in: target,
		title: displayName(name),
		...(text ? { description: text } : {}),
		kind: type,
		...(required ? { required: true } : {}),
		...out,
	};
}

function bodySchema(reader: SpecReader, spec: Spec, operation: Record<string, unknown>) {
	let requestBody = operation.requestBody as Schema | undefined;
	if (requestBody?.$ref) {
		const name = requestBody.$ref.split('/').pop() as string;
		requestBody = (spec.components as { requestBodies?: Record<string, Schema> })?.requestBodies?.[
			name
		];
	}
	const content = (requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)
		?.content;
	if (content) return reader.resolve(spec, content['application/json']?.schema);
	const parameters = (operation.parameters ?? []) as Schema[];
	const body = parameters.map((p) => reader.resolve(spec, p)).find((p) => p?.in === 'body') as
		| Schema
		| undefined;
	return body ? reader.resolve(spec, body.schema as Schema) : undefined;
}

function responseKeys(
	reader: SpecReader,
	spec: Spec,
	operation: Record<string, unknown>,
	code: string,
) {
	const response = (operation.responses as Record<string, Schema>)[code] ?? {};
	const schema =
		(response.schema as Schema | undefined) ??
		(response.content as Record<string, { schema?: Schema }> | undefined)?.['application/json']
			?.schema;
	const resolved = reader.resolve(spec, schema);
	return { resolved, keys: Object.keys(resolved?.properties ?? {}) };
}

function buildOperation(
	reader: SpecReader,
	entry: InventoryEntry,
	name: string,
	noun: string,
): SpecOperation {
	const key = `${entry.method} ${entry.path}`;
	const spec = reader.spec(entry.source);
	const operation = spec.paths[entry.path][entry.method.toLowerCase()];
	const required = new Set(REQUIRED[key] ?? []);
	const fields: SpecField[] = [];
	const parameters = ((operation.parameters ?? []) as Schema[]).map(
		(p) => reader.resolve(spec, p) as Schema,
	);
	let routePath = entry.path;
	for (const parameter of parameters) {
		const where = parameter.in as string;
		const apiName = parameter.name as string;
		if (where === 'path') {
			const f = field(
				reader,
				spec,
				key,
				apiName,
				'path',
				(parameter.schema as Schema) ?? parameter,
				true,
				parameter.description,
			);
			f.kind = 'string';
			delete f.options;
			if (LOCATORS[apiName]) f.locator = LOCATORS[apiName];
			routePath = routePath.replace(`{${apiName}}`, `{${f.name}}`);
			fields.push(f);
		} else if (where === 'query') {
			if (apiName.startsWith('page_request.')) continue;
			fields.push(
				field(
					reader,
					spec,
					key,
					apiName,
					'query',
					(parameter.schema as Schema) ?? parameter,
					parameter.required === true || required.has(apiName),
					parameter.description,
				),
			);
		}
	}
	let wrap: string | undefined;
	const body = bodySchema(reader, spec, operation);
	if (entry.requestBodyFields?.length && !body) throw new Error(`${key}: no body schema found`);
	// The inventory notes nested fields as `origin{path, hostname, …}`: the key is before the brace.
	const topLevel = (entry.requestBodyFields ?? []).map((f) => f.split('{')[0].trim());
	if (body && topLevel.length) {
		let holder: Schema = body;
		let names = topLevel;
		if (topLevel.length === 1) {
			const inner = reader.resolve(spec, body.properties?.[topLevel[0]]);
			const innerNames = Object.keys(inner?.properties ?? {}).filter(
				(n) => !READ_ONLY.has(n) && !reader.resolve(spec, inner?.properties?.[n])?.readOnly,
			);
			if (inner?.type !== 'array' && innerNames.length > 0 && innerNames.length <= 12) {
				wrap = topLevel[0];
				holder = inner as Schema;
				names = innerNames;
			}
		}
		if (!holder.properties) throw new Error(`${key}: no body schema found`);
		for (const apiName of names) {
			const schema = holder.properties?.[apiName];
			fields.push(
				field(reader, spec, key, apiName, 'body', schema, required.has(apiName), undefined),
			);
		}
	}
	const code = entry.successCodes[0];
	const { resolved, keys } = responseKeys(reader, spec, operation, code);
	const out: SpecOperation = {
		key,
		operationId: entry.operationId,
		source: entry.source,
		name,
		value: operationValue(name),
		action: actionOf(entry, name, noun),
		method: entry.method as SpecOperation['method'],
		path: routePath,
		fields,
	};
	const description = describe((operation as { description?: string }).description);
	if (description && description !== out.action) out.description = description;
	if (wrap) out.wrap = wrap;
	if (entry.paginated && entry.listKey) out.list = { key: entry.listKey, paginated: true };
	else if (entry.method === 'GET') {
		const arrays = keys.filter((k) => k !== 'pageInfo');
		const only =
			arrays.length === 1 ? reader.resolve(spec, resolved?.properties?.[arrays[0]]) : undefined;
		if (only?.type === 'array') out.list = { key: arrays[0], paginated: false };
	}
	if (!out.list && keys.length === 1) {
		const only = reader.resolve(spec, resolved?.properties?.[keys[0]]);
		if (only?.type !== 'array' && (only?.properties || only?.type === 'object'))
			out.recordKey = keys[0];
	}
	if (code === '204' || keys.length === 0) out.empty = true;
	return out;
}

/** Sentence-case action: the overlay's, else "Get many <noun plural>" for lists, else the summary. */
function actionOf(entry: InventoryEntry, name: string, noun: string): string {
	const key = `${entry.method} ${entry.path}`;
	if (ACTIONS[key]) return ACTIONS[key];
	if (name === 'Get Many') return `Get many ${plural(noun)}`;
	const summary = entry.summary.replace(/^LEGACY:\s*/, '').trim();
	if (summary) return summary[0].toUpperCase() + summary.slice(1);
	return `${name} ${noun}`;
}

function plural(noun: string): string {
	const base = noun.replace(/\s*\(.*\)$/, '');
	const lower = base
		.split(' ')
		.map((w) => (/^[A-Z]{2,}/.test(w) || /^[A-Z][a-z]+[A-Z]/.test(w) ? w : w.toLowerCase()))
		.join(' ');
	if (/y$/.test(lower) && !/[aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
	if (/s$/.test(lower)) return `${lower}es`;
	return `${lower}s`;
}

export interface Generated {
	/** Repository-relative file → content. */
	files: Record<string, string>;
	/** Every inventory endpoint: where it went (node/resource/operation) or why it was left out. */
	coverage: Array<{
		key: string;
		group: string;
		source: string;
		node?: string;
		resource?: string;
		operation?: string;
		excluded?: string;
	}>;
}

export async function generate(dir = specsDir()): Promise<Generated> {
	const inventory = (
		JSON.parse(readFileSync(path.join(dir, 'stackpath', 'endpoint-inventory.json'), 'utf8')) as {
			endpoints: InventoryEntry[];
		}
	).endpoints;
	const byKey = new Map(inventory.map((e) => [`${e.method} ${e.path}`, e]));
	const reader = new SpecReader(path.join(dir, 'stackpath'));
	const placed = new Set<string>();
	const files: Record<string, string> = {};
	const coverage: Generated['coverage'] = [];
	for (const node of NODES) {
		const resources: SpecResource[] = [];
		for (const resource of node.resources) {
			const operations: SpecOperation[] = [];
			for (const [key, name] of Object.entries(resource.operations)) {
				const entry = byKey.get(key);
				if (!entry) throw new Error(`The overlay names ${key}, which is not in the inventory`);
				if (placed.has(key)) throw new Error(`${key} is placed twice`);
				placed.add(key);
				operations.push(buildOperation(reader, entry, name, resource.displayName));
				coverage.push({
					key,
					group: entry.group,
					source: entry.source,
					node: node.displayName,
					resource: resource.displayName,
					operation: name,
				});
			}
			const values = operations.map((o) => o.value);
			const twice = values.find((v, i) => values.indexOf(v) !== i);
			if (twice) throw new Error(`${node.node} ${resource.value}: operation value ${twice} twice`);
			resources.push({ value: resource.value, title: resource.displayName, operations });
		}
		const text = [
			"// Generated by scripts/stackpath/generate.ts from StackPath's specs and",
			'// scripts/stackpath/overlay.ts. Do not edit: change those and run `npm run generate:stackpath`.',
			"import type { SpecResource } from '../StackPath/shared/spec';",
			'',
			`export const resources: SpecResource[] = ${JSON.stringify(resources)};`,
			'',
		]
			.join('\n')
			.replace(
				"'../StackPath/shared/spec'",
				node.node === 'StackPath' ? "'./shared/spec'" : "'../StackPath/shared/spec'",
			);
		const options = (await prettier.resolveConfig(path.join(repoRoot, 'nodes', 'x.ts'))) ?? {};
		files[`nodes/${node.node}/operations.generated.ts`] = await prettier.format(text, {
			...options,
			parser: 'typescript',
		});
	}
	for (const entry of inventory) {
		const key = `${entry.method} ${entry.path}`;
		if (placed.has(key)) continue;
		if (!EXCLUDED[key]) throw new Error(`${key} is neither placed nor excluded`);
		coverage.push({ key, group: entry.group, source: entry.source, excluded: EXCLUDED[key] });
	}
	files['docs/coverage/stackpath.md'] = coverageDocument(coverage);
	return { files, coverage };
}

/** The coverage document: every inventory endpoint, by API group, with its node operation. */
function coverageDocument(coverage: Generated['coverage']): string {
	const lines = [
		'# StackPath coverage',
		'',
		"Every endpoint of StackPath's published specs (`endpoint-inventory.json`: the current file of",
		'each API group, plus the 9 endpoints found only in the 2019 CDN spec), with the node operation',
		'that calls it or the reason it is not one. StackPath stopped operating in 2024; the specs are',
		'the last public description of its API. Written by `npm run generate:stackpath`; a test',
		'(`test/stackpath/coverage.test.ts`) checks it against the inventory and the nodes.',
	];
	const groups = [...new Set(coverage.map((row) => row.group))];
	for (const group of groups) {
		const rows = coverage.filter((row) => row.group === group);
		lines.push(
			'',
			`## ${group} (\`${rows[0].source}\`)`,
			'',
			'| Method | Endpoint | Node |',
			'| --- | --- | --- |',
		);
		for (const row of rows) {
			const [method, route] = row.key.split(' ');
			const target = row.excluded
				? `Excluded: ${row.excluded}`
				: `${row.node}: ${row.resource} → ${row.operation}`;
			lines.push(`| ${method} | \`${route}\` | ${target} |`);
		}
	}
	return `${lines.join('\n')}\n`;
}

async function main() {
	const check = process.argv.includes('--check');
	const { files } = await generate();
	let stale = 0;
	for (const [file, content] of Object.entries(files)) {
		const target = path.join(repoRoot, file);
		let current = '';
		try {
			current = readFileSync(target, 'utf8');
		} catch {
			current = '';
		}
		if (current === content) continue;
		if (check) {
			stale++;
			console.error(`${file} is not what the generator writes`);
		} else {
			mkdirSync(path.dirname(target), { recursive: true });
			writeFileSync(target, content);
			console.log(`wrote ${file}`);
		}
	}
	if (stale) process.exit(1);
}

if (require.main === module) void main();
