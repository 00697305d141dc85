const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// tsc only emits .js: icons and the GraphQL schema the nodes validate against must be copied beside them.
function copyIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { encoding: false, base: '.' }).pipe(
		dest(path.resolve('dist')),
	);
}

function copySchema() {
	return src('nodes/**/*.graphql', { base: '.' }).pipe(dest(path.resolve('dist')));
}

task('build:icons', parallel(copyIcons, copySchema));
