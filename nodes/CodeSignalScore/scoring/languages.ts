/**
 * CodeSignal reports language ids (py3, js, cpp) while people write names (Python, JavaScript, C++):
 * both map to one display name, which is what criteria compare and prompts say.
 */

const LANGUAGE_ALIASES: Array<[name: string, aliases: string[]]> = [
	['C', ['c']],
	['C#', ['c#', 'cs', 'csharp']],
	['C++', ['c++', 'cpp', 'cplusplus']],
	['Go', ['go', 'golang']],
	['Java', ['java']],
	['JavaScript', ['javascript', 'js', 'node', 'nodejs']],
	['Kotlin', ['kotlin', 'kt']],
	['PHP', ['php']],
	['Python', ['python', 'python2', 'python3', 'py', 'py2', 'py3']],
	['Ruby', ['ruby', 'rb']],
	['Rust', ['rust', 'rs']],
	['Scala', ['scala']],
	['SQL', ['sql', 'mysql', 'postgresql', 'postgres', 'mssql', 'sqlite', 'oracle']],
	['Swift', ['swift']],
	['TypeScript', ['typescript', 'ts']],
];

const NAME_BY_ALIAS = new Map(LANGUAGE_ALIASES.flatMap(([name, aliases]) => aliases.map((alias) => [alias, name])));

/** The display name of a language id or name; unknown languages keep their own spelling. */
export function languageName(language: string): string {
	const trimmed = language.replace(/\s+/g, ' ').trim();
	return NAME_BY_ALIAS.get(trimmed.toLowerCase()) ?? trimmed;
}

export const sameLanguage = (a: string, b: string): boolean =>
	languageName(a).toLowerCase() === languageName(b).toLowerCase();

/** Display names of the languages in a session, de-duplicated (py3 and python3 are both Python) and sorted. */
export const languageNames = (languages: string[]): string[] =>
	[...new Set(languages.map(languageName))].sort((a, b) => a.localeCompare(b));
