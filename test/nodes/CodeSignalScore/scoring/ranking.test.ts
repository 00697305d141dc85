import { rankingGroup, rankWithinGroups } from '../../../../nodes/CodeSignalScore/scoring/ranking';

describe('rankWithinGroups', () => {
	it('ranks best first; ties share a rank and the next rank skips', () => {
		const ranks = rankWithinGroups([50, 90, 70, 90, 10].map((score) => ({ group: 'test-a', score })));
		expect(ranks.map((rank) => rank.rank)).toEqual([4, 1, 3, 1, 5]);
		expect(ranks.every((rank) => rank.rankOutOf === 5)).toBe(true);
	});

	it('gives the share of the others who scored lower as the percentile; ties share it', () => {
		const ranks = rankWithinGroups([50, 90, 70, 90, 10].map((score) => ({ group: 'test-a', score })));
		expect(ranks.map((rank) => rank.percentile)).toEqual([25, 75, 50, 75, 0]);
		expect(rankWithinGroups([{ group: 'g', score: 1 }, { group: 'g', score: 1 }]).map((rank) => rank.percentile)).toEqual([0, 0]);
	});

	it('ranks each test on its own', () => {
		const ranks = rankWithinGroups([
			{ group: 'a', score: 40 },
			{ group: 'b', score: 10 },
			{ group: 'a', score: 80 },
			{ group: 'b', score: 30 },
			{ group: 'c', score: 0 },
		]);
		expect(ranks).toEqual([
			{ rank: 2, rankOutOf: 2, percentile: 0 },
			{ rank: 2, rankOutOf: 2, percentile: 0 },
			{ rank: 1, rankOutOf: 2, percentile: 100 },
			{ rank: 1, rankOutOf: 2, percentile: 100 },
			{ rank: 1, rankOutOf: 1, percentile: 100 },
		]);
	});

	it('agrees with the definitions on a large seeded run with many ties', () => {
		let seed = 42;
		const entries = Array.from({ length: 2_000 }, (_, index) => {
			seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
			return { group: `test-${index % 4}`, score: seed % 101 };
		});
		const ranks = rankWithinGroups(entries);
		entries.forEach((entry, index) => {
			const peers = entries.filter((other) => other.group === entry.group);
			const better = peers.filter((other) => other.score > entry.score).length;
			const lower = peers.filter((other) => other.score < entry.score).length;
			expect(ranks[index]).toEqual({
				rank: better + 1,
				rankOutOf: peers.length,
				percentile: Math.round((lower / (peers.length - 1)) * 100),
			});
		});
	});
});

describe('rankingGroup', () => {
	it('groups by test id, else title', () => {
		expect(rankingGroup({ id: 't1', title: 'Backend' })).toBe('id:t1');
		expect(rankingGroup({ id: null, title: 'Backend' })).toBe('title:Backend');
		expect(rankingGroup(undefined)).toBe('unknown');
	});
});
