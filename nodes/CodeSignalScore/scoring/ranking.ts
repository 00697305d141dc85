/** Rank and percentile of each scored session among the sessions of the same test in one run. */

export interface RankEntry {
	/** Sessions are ranked against others with the same group (the test). */
	group: string;
	score: number;
}

export interface Rank {
	/** 1 is best; equal scores share a rank and the next rank skips (1, 2, 2, 4). */
	rank: number;
	/** How many sessions of the same test were ranked. */
	rankOutOf: number;
	/** Share (0-100) of the other sessions of the test that scored lower; 100 for the only one. */
	percentile: number;
}

/** The test a session is ranked within: its id, else its title. */
export const rankingGroup = (test: { id?: unknown; title?: unknown } | null | undefined): string =>
	typeof test?.id === 'string' ? `id:${test.id}` : typeof test?.title === 'string' ? `title:${test.title}` : 'unknown';

interface GroupPositions {
	size: number;
	/** First and last place (0-based, best first) that each score takes. */
	places: Map<number, { first: number; last: number }>;
}

function placesOf(scores: number[]): GroupPositions {
	const places = new Map<number, { first: number; last: number }>();
	[...scores]
		.sort((a, b) => b - a)
		.forEach((score, index) => {
			const place = places.get(score);
			if (place) place.last = index;
			else places.set(score, { first: index, last: index });
		});
	return { size: scores.length, places };
}

/** Ranks in input order. */
export function rankWithinGroups(entries: RankEntry[]): Rank[] {
	const scoresByGroup = new Map<string, number[]>();
	for (const { group, score } of entries) {
		const scores = scoresByGroup.get(group);
		if (scores) scores.push(score);
		else scoresByGroup.set(group, [score]);
	}
	const groups = new Map([...scoresByGroup].map(([group, scores]) => [group, placesOf(scores)]));

	return entries.map(({ group, score }) => {
		const { size, places } = groups.get(group)!;
		const { first, last } = places.get(score)!;
		const lower = size - 1 - last;
		return {
			rank: first + 1,
			rankOutOf: size,
			percentile: size === 1 ? 100 : Math.round((lower / (size - 1)) * 100),
		};
	});
}
