/**
 * Standardized test sessions: candidates' sessions of CodeSignal's own certified assessment (built on the
 * framework), which companies read with `standardizedTestSession`. They come from a generator of their own,
 * so adding them changes none of the company's generated data.
 */
import { PRE_SCREEN_PROFILE } from './content';
import { Generator } from './generator';
import type {
	FrameworkRecord,
	SessionRecord,
	TaskRecord,
	TestRecord,
	UserRecord,
	VerificationStatus,
} from './model';
import { TEST_SESSION_STATUSES } from './model';

/** Every status once, then finished sessions. */
const SESSION_COUNT = 14;
/** Keeps the standardized stream apart from the company's (same seed, other numbers). */
const SEED_OFFSET = 7919;

const CERTIFICATION_STATUS: Record<VerificationStatus, 'certified' | 'pending' | 'rejected'> = {
	verified: 'certified',
	pending: 'pending',
	notVerified: 'rejected',
};

/** A certification's status is its session's proctoring review: verified results are certified. */
export function certificationStatus(
	session: SessionRecord,
): 'certified' | 'pending' | 'rejected' | null {
	return session.verificationStatus ? CERTIFICATION_STATUS[session.verificationStatus] : null;
}

export class StandardizedSessions {
	/** The certified assessment, a proctored test on the framework; not one of the company's tests. */
	readonly test: TestRecord;

	private readonly sessions = new Map<string, SessionRecord>();

	constructor(
		seed: number,
		baseTime: number,
		catalogue: { tasks: TaskRecord[]; framework: FrameworkRecord; senders: UserRecord[] },
	) {
		const generator = new Generator(seed + SEED_OFFSET, baseTime);
		this.test = generator.test(
			{ ...PRE_SCREEN_PROFILE, title: `${catalogue.framework.title} Certification` },
			{ tasks: catalogue.tasks, authors: catalogue.senders, framework: catalogue.framework },
		);
		for (let index = 0; index < SESSION_COUNT; index++) {
			const status = TEST_SESSION_STATUSES[index] ?? 'over';
			const session = generator.session(this.test, catalogue.senders, { status });
			this.sessions.set(session.id, session);
		}
	}

	all(): SessionRecord[] {
		return [...this.sessions.values()];
	}

	get(id: string): SessionRecord | undefined {
		return this.sessions.get(id);
	}

	requireTest(id: string): TestRecord {
		if (id !== this.test.id) throw new Error(`No standardized test "${id}"`);
		return this.test;
	}
}
