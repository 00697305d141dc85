/**
 * Blind review of interview notes (CodeSignal's blind-hiring example): the candidate's names become
 * "the candidate" and gendered pronouns become they/them/their, with the verb after "he"/"she" agreeing,
 * so that a hiring committee weighs the evidence without the person's name or gender.
 */

const NEUTRAL_NAME = 'the candidate';
const HONORIFIC = '(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\\.?\\s+)?';
const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_LETTER_AFTER = "(?![\\p{L}\\p{N}]|['’][\\p{L}])";

/** Verbs after "he"/"she" whose plural is not found by dropping an -s or -es. */
const IRREGULAR_VERBS: Record<string, string> = {
	is: 'are',
	was: 'were',
	has: 'have',
	"isn't": "aren't",
	"wasn't": "weren't",
	"hasn't": "haven't",
	"doesn't": "don't",
};

/** Words ending in -s that follow a subject pronoun without being its verb. */
const ADVERBS_IN_S = new Set([
	'always', 'sometimes', 'perhaps', 'thus', 'nevertheless', 'nonetheless', 'afterwards', 'besides', 'regardless',
]);

/** After these, "her" is an object ("with her and", "to her."), not a possessive ("her code"). */
const OBJECT_FOLLOWERS = new Set([
	'a', 'an', 'the', 'to', 'and', 'or', 'but', 'nor', 'with', 'on', 'in', 'at', 'for', 'from', 'about', 'into',
	'that', 'this', 'these', 'those', 'if', 'when', 'while', 'as', 'so', 'again', 'too', 'very', 'well', 'yet',
	'because', 'since', 'up', 'out', 'off', 'back', 'through', 'over', 'after', 'before', 'during', 'how', 'what',
	'why', 'whether', 'is', 'was', 'more', 'less', 'directly', 'once', 'twice', 'today', 'later', 'now',
]);

/** "see her reaching": after a verb of perception, "her" + an -ing word is an object. */
const PERCEPTION_VERBS = new Set([
	'see', 'saw', 'seen', 'watch', 'watched', 'hear', 'heard', 'imagine', 'find', 'found', 'notice', 'noticed',
]);

const PRONOUNS = new RegExp(
	`${NOT_LETTER_BEFORE}(he|she|him|his|hers|her|himself|herself)(?:(['’])(s|d|ll))?(?![\\p{L}\\p{N}])`,
	'giu',
);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** `replacement` capitalised when `original` is. */
function matchCase(replacement: string, original: string): string {
	const first = original.charAt(0);
	return first !== first.toLowerCase() ? capitalize(replacement) : replacement;
}

/** The word right after `index` (lower case), or '' when punctuation or the end comes first. */
function nextWord(text: string, index: number): string {
	return /^\s*([\p{L}'’]+)/u.exec(text.slice(index, index + 40))?.[1].toLowerCase() ?? '';
}

function previousWord(text: string, index: number): string {
	return /([\p{L}'’]+)\s*$/u.exec(text.slice(Math.max(0, index - 40), index))?.[1].toLowerCase() ?? '';
}

function atSentenceStart(text: string, index: number): boolean {
	return /(^|[.!?]\s+|\n\s*)$/.test(text.slice(Math.max(0, index - 10), index));
}

/** "writes" → "write", "tries" → "try", "is" → "are"; undefined when `word` is no third-person verb. */
export function pluralVerb(word: string): string | undefined {
	const lower = word.toLowerCase().replace('’', "'");
	if (IRREGULAR_VERBS[lower]) return IRREGULAR_VERBS[lower];
	if (!/^[a-z]+s$/.test(lower) || lower.endsWith('ss') || lower.endsWith('us') || ADVERBS_IN_S.has(lower)) {
		return undefined;
	}
	if (/[^aeiou]ies$/.test(lower) && lower.length > 4) return `${lower.slice(0, -3)}y`;
	if (/(ch|sh|x|z|o)es$/.test(lower)) return lower.slice(0, -2);
	return lower.slice(0, -1);
}

function neutralPronoun(text: string, pronoun: string, end: string, after: number, before: number): string {
	const next = nextWord(text, after);
	switch (pronoun.toLowerCase()) {
		case 'he':
		case 'she':
			if (end === 's') return next === 'been' || next === 'got' ? "they've" : "they're";
			return end ? `they'${end}` : 'they';
		case 'him':
			return 'them';
		case 'himself':
		case 'herself':
			return 'themselves';
		case 'hers':
			return 'theirs';
		case 'his':
			return next === '' || IRREGULAR_VERBS[next] ? 'theirs' : 'their';
		default: {
			const object =
				next === '' ||
				OBJECT_FOLLOWERS.has(next) ||
				(next.endsWith('ing') && PERCEPTION_VERBS.has(previousWord(text, before)));
			return object ? 'them' : 'their';
		}
	}
}

function replacePronouns(text: string): string {
	let result = '';
	let copiedUpTo = 0;
	for (const match of text.matchAll(PRONOUNS)) {
		const [whole, pronoun, , ending = ''] = match;
		const start = match.index;
		const end = start + whole.length;
		result += text.slice(copiedUpTo, start) + matchCase(neutralPronoun(text, pronoun, ending.toLowerCase(), end, start), pronoun);
		copiedUpTo = end;
		if (ending || !/^(he|she)$/i.test(pronoun)) continue;
		// "she writes" → "they write": the verb right after the subject agrees with "they".
		const verb = /^(\s+)([\p{L}'’]+)/u.exec(text.slice(end, end + 40));
		const plural = verb && pluralVerb(verb[2]);
		if (verb && plural) {
			result += verb[1] + matchCase(plural, verb[2]);
			copiedUpTo = end + verb[0].length;
		}
	}
	return result + text.slice(copiedUpTo);
}

/** Matches `text` in any letter case. */
function anyCase(text: string): string {
	return [...text]
		.map((char) => {
			const lower = char.toLowerCase();
			const upper = char.toUpperCase();
			return lower === upper ? escapeRegExp(char) : `[${lower}${upper}]`;
		})
		.join('');
}

/** The full name in any case, then each part where capitalised (so "Will" spares "will"). */
function namePattern(names: string[]): RegExp | undefined {
	const full = new Set<string>();
	const parts = new Set<string>();
	for (const name of names) {
		const trimmed = name.trim().replace(/\s+/g, ' ');
		if (!trimmed) continue;
		full.add(trimmed);
		for (const part of trimmed.split(' ')) if (part.length >= 2) parts.add(capitalize(part));
	}
	if (full.size === 0) return undefined;
	const byLength = (a: string, b: string) => b.length - a.length;
	const alternatives = [
		...[...full].sort(byLength).map((name) => anyCase(name).replace(/ /g, '\\s+')),
		...[...parts].sort(byLength).map(escapeRegExp),
	];
	return new RegExp(`${NOT_LETTER_BEFORE}${HONORIFIC}(?:${alternatives.join('|')})(['’]s)?${NOT_LETTER_AFTER}`, 'gu');
}

/** Notes with the candidate's names and gendered pronouns replaced by neutral words. */
export function anonymizeNotes(text: string, candidateNames: Array<string | null | undefined>): string {
	const pattern = namePattern(candidateNames.filter((name): name is string => typeof name === 'string'));
	const withoutNames = pattern
		? text.replace(pattern, (_match, possessive: string | undefined, offset: number) => {
				const neutral = possessive ? `${NEUTRAL_NAME}'s` : NEUTRAL_NAME;
				return atSentenceStart(text, offset) ? capitalize(neutral) : neutral;
			})
		: text;
	return replacePronouns(withoutNames);
}
