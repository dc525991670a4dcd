// `npm run pack:all [-- <folder>]`: builds once, then writes five tarballs into <folder> (default
// packages/): the whole pack (n8n-nodes-stackpack) and one package per service, each holding only
// its own nodes, credentials and icons and the core files they require, with its own
// package.json and README. n8n verifies only packages that serve one service.
//
// What a service package holds is not listed by hand: it is the closure of the `require()`s of its
// node and credential files in dist/, plus the codex files beside its nodes and the icons its
// descriptions name (`file:…`). A require that leaves the package fails the build.
import { spawnSync } from 'node:child_process';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The services: their package names, nodes, credentials, and the README sections about them. */
export const SERVICES = [
	{
		key: 'stack-auth',
		name: 'n8n-nodes-stack-auth',
		title: 'Stack Auth',
		description:
			'n8n community nodes for Stack Auth (also served as Hexclave): users, teams, permissions, API keys, emails and a webhook trigger',
		keywords: ['stack-auth', 'hexclave', 'auth', 'users'],
		nodes: ['StackAuth', 'StackAuthTrigger'],
		credentials: ['StackAuthApi', 'StackAuthWebhookApi'],
		sections: ['Stack Auth', 'Stack Auth Trigger'],
		examples: [
			'export-all-users',
			'create-team-with-members',
			'email-users-by-search',
			'welcome-new-users',
		],
	},
	{
		key: 'stackpath',
		name: 'n8n-nodes-stackpath',
		title: 'StackPath',
		description:
			'n8n community nodes for the StackPath API: CDN, DNS, WAF, edge compute, object storage and monitoring (StackPath stopped operating in 2024; for servers that speak its API)',
		keywords: ['stackpath', 'cdn', 'dns', 'waf', 'edge'],
		nodes: [
			'StackPath',
			'StackPathCdn',
			'StackPathDns',
			'StackPathWaf',
			'StackPathEdgeCompute',
			'StackPathObjectStorage',
			'StackPathMonitoring',
		],
		credentials: ['StackPathApi', 'StackPathOAuth2Api'],
		sections: ['StackPath'],
		examples: ['stackpath-'],
	},
	{
		key: 'computestacks',
		name: 'n8n-nodes-computestacks',
		title: 'ComputeStacks',
		description:
			'n8n community nodes for ComputeStacks container hosting: projects, services, containers, images, volumes, domains, orders and an admin webhook trigger',
		keywords: ['computestacks', 'containers', 'hosting'],
		nodes: ['ComputeStacks', 'ComputeStacksTrigger'],
		credentials: ['ComputeStacksApi', 'ComputeStacksOAuth2Api', 'ComputeStacksWebhookApi'],
		sections: ['ComputeStacks', 'ComputeStacks Trigger'],
		examples: ['computestacks-'],
	},
	{
		key: 'stacuity',
		name: 'n8n-nodes-stacuity',
		title: 'Stacuity',
		description:
			'n8n community nodes for Stacuity IoT connectivity: VSlices, endpoint groups, routing, policies, event routing and a webhook trigger',
		keywords: ['stacuity', 'iot', 'cellular', 'sim'],
		nodes: ['Stacuity', 'StacuityTrigger'],
		credentials: ['StacuityApi'],
		sections: ['Stacuity', 'Stacuity Trigger'],
		examples: ['stacuity-'],
	},
];

function run(command, args, cwd = root) {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
	if (result.status !== 0)
		throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
	return result.stdout;
}

/** The dist files a set of entry files needs: the closure of their relative requires. */
export function closure(entries) {
	const files = new Set();
	const queue = [...entries];
	while (queue.length) {
		const file = queue.pop();
		if (files.has(file)) continue;
		if (!existsSync(file)) throw new Error(`missing ${path.relative(root, file)}`);
		files.add(file);
		const text = readFileSync(file, 'utf8');
		for (const [, spec] of text.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)) {
			let target = path.resolve(path.dirname(file), spec);
			if (!target.endsWith('.js'))
				target = existsSync(`${target}.js`) ? `${target}.js` : path.join(target, 'index.js');
			if (!target.startsWith(path.join(root, 'dist') + path.sep))
				throw new Error(`${path.relative(root, file)} requires ${spec}, outside dist/`);
			queue.push(target);
		}
	}
	return [...files].sort();
}

/** The `file:` icons a compiled node or credential names, resolved beside it. */
function icons(file) {
	const text = readFileSync(file, 'utf8');
	return [...text.matchAll(/file:([^'"`]+\.(?:svg|png))/g)].map(([, icon]) =>
		path.resolve(path.dirname(file), icon),
	);
}

/** A `## Title` section of the README, up to the next `## ` heading. */
export function section(readme, title) {
	const start = readme.indexOf(`\n## ${title}\n`);
	if (start < 0) throw new Error(`README: no section "## ${title}"`);
	const end = readme.indexOf('\n## ', start + 4);
	return readme.slice(start + 1, end < 0 ? undefined : end).trimEnd();
}

/**
 * Repository-relative links made absolute, for a README read on npm or in n8n: images to the
 * file itself (raw), other links to the page that shows it.
 */
function absoluteLinks(text, repoUrl) {
	return text.replace(
		/(!?)\[([^\]]*)\]\((?!https?:|#|mailto:)([^)]+)\)/g,
		(_, image, label, target) =>
			`${image}[${label}](${repoUrl}/${image ? 'raw' : 'blob'}/main/${target.replace(/^\.\//, '')})`,
	);
}

function serviceReadme(service, pkg, readme, changelog) {
	const repoUrl = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
	const install = section(readme, 'Installation')
		.replaceAll('n8n-nodes-stackpack', service.name)
		.replace(/search for "Stack Auth"/, `search for "${service.title}"`);
	const examples = section(readme, 'Example workflows')
		.split('\n')
		.filter(
			(line) =>
				!line.startsWith('| [') || service.examples.some((e) => line.includes(`(examples/${e}`)),
		)
		.join('\n');
	// List items of another service go, with the lines that continue them.
	let keep = true;
	const compatibility = section(readme, 'Compatibility')
		.split('\n')
		.filter((line) => {
			if (line.startsWith('- '))
				keep =
					!/^- (Stack Auth|ComputeStacks|Stacuity|StackPath) /.test(line) ||
					line.startsWith(`- ${service.title} `);
			else if (!line.startsWith('  ')) keep = true;
			return keep;
		})
		.join('\n');
	const parts = [
		`# ${service.name}`,
		'',
		`${service.description}.`,
		'',
		`This package holds the ${service.title} nodes of [n8n-nodes-stackpack](${repoUrl}), built from the same sources; install one or the other, not both.`,
		'',
		install,
		'',
		...service.sections.flatMap((title) => [section(readme, title), '']),
		examples,
		'',
		compatibility,
		'',
		'## Version history',
		'',
		changelog
			.replace(/^# Changelog\s*/, '')
			.replace(/^## /gm, '### ')
			.trim(),
		'',
		'## License',
		'',
		'[MIT](LICENSE)',
		'',
	];
	return absoluteLinks(parts.join('\n'), repoUrl);
}

function servicePackageJson(service, pkg) {
	const rel = (file) => path.relative(root, file).split(path.sep).join('/');
	return {
		name: service.name,
		version: pkg.version,
		description: service.description,
		license: pkg.license,
		homepage: pkg.homepage,
		keywords: ['n8n-community-node-package', 'n8n', ...service.keywords],
		author: pkg.author,
		repository: pkg.repository,
		engines: pkg.engines,
		files: ['dist'],
		n8n: {
			n8nNodesApiVersion: pkg.n8n.n8nNodesApiVersion,
			strict: pkg.n8n.strict,
			credentials: service.credentials.map((c) =>
				rel(path.join(root, 'dist', 'credentials', `${c}.credentials.js`)),
			),
			nodes: service.nodes.map((n) => rel(path.join(root, 'dist', 'nodes', n, `${n}.node.js`))),
		},
		peerDependencies: pkg.peerDependencies,
		peerDependenciesMeta: pkg.peerDependenciesMeta,
	};
}

/** Writes the folder of one service package (without packing it). */
export function stageService(service, into) {
	const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
	const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
	const changelog = readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
	const entries = [
		...service.nodes.map((n) => path.join(root, 'dist', 'nodes', n, `${n}.node.js`)),
		...service.credentials.map((c) =>
			path.join(root, 'dist', 'credentials', `${c}.credentials.js`),
		),
	];
	const files = closure(entries);
	const extra = [
		...service.nodes.map((n) => path.join(root, 'dist', 'nodes', n, `${n}.node.json`)),
		...[...new Set(files.flatMap(icons))],
	];
	rmSync(into, { recursive: true, force: true });
	for (const file of [...files, ...extra]) {
		if (!existsSync(file)) throw new Error(`missing ${path.relative(root, file)}`);
		const target = path.join(into, path.relative(root, file));
		mkdirSync(path.dirname(target), { recursive: true });
		copyFileSync(file, target);
	}
	copyFileSync(path.join(root, 'LICENSE'), path.join(into, 'LICENSE'));
	writeFileSync(
		path.join(into, 'package.json'),
		`${JSON.stringify(servicePackageJson(service, pkg), null, 2)}\n`,
	);
	writeFileSync(path.join(into, 'README.md'), serviceReadme(service, pkg, readme, changelog));
	return into;
}

/** npm pack of a folder into `out`; returns the tarball's path. */
function pack(folder, out) {
	const [info] = JSON.parse(
		run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out, folder]),
	);
	return path.join(out, info.filename);
}

export function packAll(out, { build = true } = {}) {
	if (build) run('npm', ['run', '--silent', 'build']);
	mkdirSync(out, { recursive: true });
	const tarballs = [pack(root, out)];
	const staging = mkdtempSync(path.join(tmpdir(), 'stackpack-stage-'));
	try {
		for (const service of SERVICES)
			tarballs.push(pack(stageService(service, path.join(staging, service.key)), out));
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
	return tarballs;
}

// CLI: `node scripts/pack.mjs [folder] [--no-build] [--json]`.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	const folder = args.find((a) => !a.startsWith('--'));
	const out = path.resolve(folder ?? path.join(root, 'packages'));
	const tarballs = packAll(out, { build: !args.includes('--no-build') });
	if (args.includes('--json')) console.log(JSON.stringify({ tarballs, services: SERVICES }));
	else for (const tarball of tarballs) console.log(path.relative(process.cwd(), tarball));
}
