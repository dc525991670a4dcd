// Build: clean dist/, compile with tsc (tsconfig.json covers nodes, credentials and
// package.json only), then copy icons and codex files next to the compiled code.
const { rm } = require('node:fs/promises');
const { spawn } = require('node:child_process');
const { dest, series, src } = require('gulp');

function clean() {
	return rm('dist', { recursive: true, force: true });
}

function compile(done) {
	const tsc = require.resolve('typescript/bin/tsc');
	spawn(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' }).on('exit', (code) =>
		done(code === 0 ? undefined : new Error(`tsc exited with ${code}`)),
	);
}

function assets() {
	return src(
		[
			'icons/**/*.{svg,png}',
			'nodes/**/*.{svg,png}',
			'nodes/**/*.node.json',
			'credentials/**/*.{svg,png}',
		],
		{
			base: '.',
			encoding: false,
		},
	).pipe(dest('dist'));
}

exports.clean = clean;
exports.build = series(clean, compile, assets);
exports.default = exports.build;
