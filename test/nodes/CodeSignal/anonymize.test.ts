import { anonymizeNotes, pluralVerb } from '../../../nodes/CodeSignal/helpers/anonymize';

describe('anonymizeNotes', () => {
	const candidate = ['Maria Garcia'];

	it('replaces the candidate\'s names and gendered pronouns, as in a blind hiring committee', () => {
		expect(
			anonymizeNotes(
				'Maria asked good clarifying questions before writing any code, and she kept talking through her plan.',
				candidate,
			),
		).toBe('The candidate asked good clarifying questions before writing any code, and they kept talking through their plan.');
	});

	it('tells object "her" from possessive "her"', () => {
		expect(anonymizeNotes('Her final solution was clean. I would be happy to work with her.', candidate)).toBe(
			'Their final solution was clean. I would be happy to work with them.',
		);
		expect(anonymizeNotes('I could not see her reaching a working solution alone.', candidate)).toBe(
			'I could not see them reaching a working solution alone.',
		);
		expect(anonymizeNotes('I told her that her tests were thin.', candidate)).toBe('I told them that their tests were thin.');
	});

	it('makes the verb after "he" or "she" agree with "they"', () => {
		expect(anonymizeNotes('She was calm. He has ideas and he writes tests; she doesn\'t panic.', [])).toBe(
			'They were calm. They have ideas and they write tests; they don\'t panic.',
		);
		expect(anonymizeNotes('He tries hard and she\'s been great; he\'s kind.', [])).toBe(
			'They try hard and they\'ve been great; they\'re kind.',
		);
	});

	it('handles him, his, hers and reflexive pronouns', () => {
		expect(anonymizeNotes('I paired with him. His code is his own; the idea was hers. He did it himself.', [])).toBe(
			'I paired with them. Their code is their own; the idea was theirs. They did it themselves.',
		);
	});

	it('replaces the full name, each part, honorifics and possessives, in any letter case for the full name', () => {
		expect(anonymizeNotes("Ms. Garcia's tests pass. MARIA GARCIA writes Go. I met Maria.", candidate)).toBe(
			"The candidate's tests pass. The candidate writes Go. I met the candidate.",
		);
	});

	it('spares ordinary words that happen to be a name, and other people\'s names', () => {
		expect(anonymizeNotes('Will said he will go; Sam agreed.', ['Will Young'])).toBe('The candidate said they will go; Sam agreed.');
	});

	it('matches names with accents as whole words only', () => {
		expect(anonymizeNotes('José and Joséphine both spoke; José led.', ['José Núñez'])).toBe(
			'The candidate and Joséphine both spoke; the candidate led.',
		);
	});

	it('leaves text without names or pronouns unchanged', () => {
		const text = 'The solution handled every edge case. These tests are thorough.';
		expect(anonymizeNotes(text, ['Maria Garcia'])).toBe(text);
	});
});

describe('pluralVerb', () => {
	it('turns third-person verbs into their plural form and leaves other words alone', () => {
		expect(['writes', 'tries', 'fixes', 'goes', 'is', "hasn't", 'plays'].map(pluralVerb)).toEqual([
			'write',
			'try',
			'fix',
			'go',
			'are',
			"haven't",
			'play',
		]);
		expect(['always', 'thus', 'class', 'wrote'].map(pluralVerb)).toEqual([undefined, undefined, undefined, undefined]);
	});
});
