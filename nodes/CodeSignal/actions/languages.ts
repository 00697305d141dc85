/**
 * CodeSignal's language and testing-tool enums as option lists. The values are the schema's (a test keeps
 * them equal to its enums); the names are what CodeSignal's editor shows.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

const LANGUAGE_NAMES: Record<string, string> = {
	c: 'C',
	clj: 'Clojure',
	coffee: 'CoffeeScript',
	cpp: 'C++',
	cs: 'C#',
	css: 'CSS',
	d: 'D',
	dart: 'Dart',
	erl: 'Erlang',
	exs: 'Elixir',
	for: 'Fortran',
	fs: 'F#',
	go: 'Go',
	groovy: 'Groovy',
	hs: 'Haskell',
	html: 'HTML',
	java: 'Java',
	jl: 'Julia',
	js: 'JavaScript',
	jsx: 'JavaScript (JSX)',
	kt: 'Kotlin',
	less: 'Less',
	lisp: 'Common Lisp',
	lua: 'Lua',
	mssql: 'SQL Server',
	mysql: 'MySQL',
	nim: 'Nim',
	objc: 'Objective-C',
	ocaml: 'OCaml',
	octave: 'Octave',
	pas: 'Pascal',
	perl: 'Perl',
	php: 'PHP',
	psql: 'PostgreSQL',
	py: 'Python 2',
	py3: 'Python 3',
	r: 'R',
	rb: 'Ruby',
	rs: 'Rust',
	scala: 'Scala',
	scss: 'SCSS',
	st: 'Smalltalk',
	swift: 'Swift',
	tcl: 'Tcl',
	ts: 'TypeScript',
	tsx: 'TypeScript (TSX)',
	vb: 'Visual Basic .NET',
};

const TESTING_TOOL_NAMES: Record<string, string> = {
	androidJUnitGradle: 'Android JUnit (Gradle)',
	cargo: 'Cargo Test (Rust)',
	catch2: 'Catch2 (C++)',
	dotnetcore: '.NET Core Test',
	galen: 'Galen',
	goTest: 'Go Test',
	jest: 'Jest',
	junitGradle: 'JUnit (Gradle)',
	junitMaven: 'JUnit (Maven)',
	kotlinJunitGradle: 'Kotlin JUnit (Gradle)',
	mocha: 'Mocha',
	mochaTs: 'Mocha (TypeScript)',
	nodeMocha: 'Mocha (Node.js)',
	phpunit: 'PHPUnit',
	puppeteer: 'Puppeteer',
	python2: 'Python 2 Unittest',
	python3: 'Python 3 Unittest',
	python3aws: 'Python 3 (AWS)',
	python3django: 'Python 3 (Django)',
	rspec: 'RSpec',
	scalaTest: 'ScalaTest',
	xcTest: 'XCTest',
};

/** The schema's enums, by name. */
export const CODESIGNAL_ENUMS = {
	LanguageName: Object.keys(LANGUAGE_NAMES),
	CodingLanguageName: Object.keys(LANGUAGE_NAMES).filter(
		(code) => !['css', 'html', 'jsx', 'less', 'mssql', 'mysql', 'psql', 'scss', 'tsx'].includes(code),
	),
	FrontendScriptLanguageName: ['coffee', 'js', 'jsx', 'ts', 'tsx'],
	FrontendStyleLanguageName: ['css', 'less', 'scss'],
	TestingToolName: Object.keys(TESTING_TOOL_NAMES),
};

function optionsOf(values: string[], names: Record<string, string>): INodePropertyOptions[] {
	return values.map((value) => ({ name: names[value], value })).sort((a, b) => a.name.localeCompare(b.name));
}

/** LanguageName: coding, database and front-end languages. */
export const languageOptions = optionsOf(CODESIGNAL_ENUMS.LanguageName, LANGUAGE_NAMES);
export const codingLanguageOptions = optionsOf(CODESIGNAL_ENUMS.CodingLanguageName, LANGUAGE_NAMES);
export const frontendScriptLanguageOptions = optionsOf(CODESIGNAL_ENUMS.FrontendScriptLanguageName, LANGUAGE_NAMES);
export const frontendStyleLanguageOptions = optionsOf(CODESIGNAL_ENUMS.FrontendStyleLanguageName, LANGUAGE_NAMES);
export const testingToolOptions = optionsOf(CODESIGNAL_ENUMS.TestingToolName, TESTING_TOOL_NAMES);
