/** Fixed texts the generated data is drawn from: names, test profiles, the task catalogue. */
import type { QuizOptionRecord, SolutionStyle, TaskTypename } from './model';

function words(text: string): string[] {
	return text.trim().split(/\s+/);
}

export const FEMALE_FIRST_NAMES = words(`
	Jane Maria Aisha Priya Sofia Emma Chen Olivia Fatima Hannah
	Yuki Amara Lucia Ingrid Zara Nadia Grace Elena Mei Leah
`);
export const MALE_FIRST_NAMES = words(`
	John Carlos Ahmed Rahul Lukas Noah Wei Daniel Omar Kenji
	Mateo Samuel Ivan Tariq Ethan Diego Arjun Felix Kwame Liam
`);
export const LAST_NAMES = words(`
	Doe Garcia Khan Patel Muller Smith Zhang Johnson Hassan Tanaka
	Rossi Okafor Novak Silva Kim Nguyen Larsen Cohen Ibrahim Walker
	Fernandez Andersson Mensah Kowalski Dubois Yamamoto Brown Lopez Singh Wright
`);
export const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.com'];

export interface Pronouns {
	subject: string;
	object: string;
	possessive: string;
}
export const SHE: Pronouns = { subject: 'she', object: 'her', possessive: 'her' };
export const HE: Pronouns = { subject: 'he', object: 'him', possessive: 'his' };

export const COMPANY = {
	name: 'Acme Robotics',
	alias: 'acme-robotics',
	domain: 'acme-robotics.example.com',
};

export const STAFF = [
	{ name: 'Morgan Lee', username: 'morgan.lee', role: 'Recruiter' },
	{ name: 'Priyanka Rao', username: 'priyanka.rao', role: 'Interviewer' },
	{ name: 'Tom Becker', username: 'tom.becker', role: 'Interviewer' },
	{ name: 'Alex Kim', username: 'alex.kim', role: 'Hiring Manager' },
	{ name: 'Sam Ortega', username: 'sam.ortega', role: 'Company Admin' },
];
export const TEAMS = ['Platform Hiring', 'Product Engineering Hiring'];

export interface TaskDefinition {
	typename: TaskTypename;
	title: string;
	functionName: string;
	generalType: string;
	mode: string;
	solutionStyle: SolutionStyle;
	labels: string[];
	description: string;
	quizOptions?: QuizOptionRecord[];
}

export const TASK_CATALOGUE: readonly TaskDefinition[] = [
	{
		typename: 'SingleEnvironmentTask',
		title: 'Balanced Brackets',
		functionName: 'isBalanced',
		generalType: 'algorithmic',
		mode: 'codewriting',
		solutionStyle: 'code',
		labels: ['strings', 'stacks'],
		description:
			'Given a string of brackets, return true if every opening bracket is closed in order.',
	},
	{
		typename: 'SingleEnvironmentTask',
		title: 'Matrix Rotation',
		functionName: 'rotateMatrix',
		generalType: 'algorithmic',
		mode: 'codewriting',
		solutionStyle: 'code',
		labels: ['arrays'],
		description: 'Rotate a square matrix 90 degrees clockwise in place.',
	},
	{
		typename: 'SingleEnvironmentTask',
		title: 'Interval Merging',
		functionName: 'mergeIntervals',
		generalType: 'algorithmic',
		mode: 'codewriting',
		solutionStyle: 'code',
		labels: ['sorting', 'intervals'],
		description: 'Merge all overlapping intervals and return them sorted by start.',
	},
	{
		typename: 'SingleEnvironmentTask',
		title: 'Shortest Delivery Route',
		functionName: 'shortestRoute',
		generalType: 'algorithmic',
		mode: 'codewriting',
		solutionStyle: 'code',
		labels: ['graphs'],
		description:
			'Find the length of the shortest route visiting the depot and every drop-off once.',
	},
	{
		typename: 'SingleEnvironmentTask',
		title: 'Inventory Ledger',
		functionName: 'applyLedger',
		generalType: 'algorithmic',
		mode: 'codewriting',
		solutionStyle: 'code',
		labels: ['implementation'],
		description:
			'Apply a list of stock movements to an inventory and report items below their threshold.',
	},
	{
		typename: 'FilesystemTask',
		title: 'Orders REST Endpoint',
		functionName: 'listOrders',
		generalType: 'free_coding',
		mode: 'free_form',
		solutionStyle: 'files',
		labels: ['backend', 'api'],
		description: 'Add a paginated GET /orders endpoint to the service and make the tests pass.',
	},
	{
		typename: 'FilesystemTask',
		title: 'Todo List Filters',
		functionName: 'filterTodos',
		generalType: 'free_frontend',
		mode: 'free_form',
		solutionStyle: 'files',
		labels: ['frontend', 'react'],
		description: 'Implement the All / Active / Done filters of the todo list component.',
	},
	{
		typename: 'DatabaseTask',
		title: 'Monthly Revenue Report',
		functionName: 'monthly_revenue',
		generalType: 'database',
		mode: 'codewriting',
		solutionStyle: 'sql',
		labels: ['sql'],
		description: 'Write a query returning revenue per month for the last year.',
	},
	{
		typename: 'SingleEnvironmentTask',
		title: 'HTTP Caching Quiz',
		functionName: 'httpCaching',
		generalType: 'quiz',
		mode: 'quiz',
		solutionStyle: 'quiz',
		labels: ['web'],
		description: 'Which response header lets a shared cache store a response for 10 minutes?',
		quizOptions: [
			{ description: 'Cache-Control: s-maxage=600', isCorrect: true },
			{ description: 'Cache-Control: no-store', isCorrect: false },
			{ description: 'Pragma: no-cache', isCorrect: false },
			{ description: 'Expires: 0', isCorrect: false },
		],
	},
	{
		typename: 'SingleEnvironmentTask',
		title: 'Complexity Quiz',
		functionName: 'complexity',
		generalType: 'quiz',
		mode: 'quiz',
		solutionStyle: 'quiz',
		labels: ['algorithms'],
		description: 'What is the time complexity of binary search on a sorted array?',
		quizOptions: [
			{ description: 'O(log n)', isCorrect: true },
			{ description: 'O(n)', isCorrect: false },
			{ description: 'O(n log n)', isCorrect: false },
			{ description: 'O(1)', isCorrect: false },
		],
	},
];

export interface TestProfile {
	title: string;
	labels: string[];
	/** [task title, points] per slot. */
	slots: Array<[string, number]>;
	scoring: 'codingScore2023' | 'raw';
}

/** Tests cycle through these; the proctored ones use PRE_SCREEN_PROFILE. */
export const TEST_PROFILES: readonly TestProfile[] = [
	{
		title: 'Backend Engineer Assessment',
		labels: ['backend', 'engineering'],
		scoring: 'codingScore2023',
		slots: [
			['Balanced Brackets', 300],
			['Interval Merging', 300],
			['Orders REST Endpoint', 200],
			['HTTP Caching Quiz', 200],
		],
	},
	{
		title: 'Frontend Engineer Assessment',
		labels: ['frontend', 'engineering'],
		scoring: 'codingScore2023',
		slots: [
			['Matrix Rotation', 250],
			['Todo List Filters', 500],
			['HTTP Caching Quiz', 250],
		],
	},
	{
		title: 'Data Analyst SQL Screen',
		labels: ['data', 'analytics'],
		scoring: 'raw',
		slots: [
			['Monthly Revenue Report', 100],
			['Complexity Quiz', 50],
		],
	},
	{
		title: 'Full-Stack Engineer Assessment',
		labels: ['fullstack', 'engineering'],
		scoring: 'codingScore2023',
		slots: [
			['Inventory Ledger', 300],
			['Orders REST Endpoint', 350],
			['Todo List Filters', 350],
		],
	},
	{
		title: 'Site Reliability Engineer Screen',
		labels: ['sre', 'infrastructure'],
		scoring: 'codingScore2023',
		slots: [
			['Inventory Ledger', 400],
			['Shortest Delivery Route', 400],
			['HTTP Caching Quiz', 200],
		],
	},
	{
		title: 'Machine Learning Engineer Assessment',
		labels: ['ml', 'engineering'],
		scoring: 'codingScore2023',
		slots: [
			['Matrix Rotation', 300],
			['Shortest Delivery Route', 400],
			['Complexity Quiz', 300],
		],
	},
];

export const PRE_SCREEN_PROFILE: TestProfile = {
	title: 'General Coding Framework Pre-Screen',
	labels: ['pre-screen', 'general'],
	scoring: 'codingScore2023',
	slots: [
		['Balanced Brackets', 150],
		['Matrix Rotation', 200],
		['Interval Merging', 300],
		['Shortest Delivery Route', 350],
	],
};

/** Tasks written by the company itself (the catalogue above is CodeSignal's library). */
export const COMPANY_TASKS: readonly TaskDefinition[] = [
	{
		typename: 'SingleEnvironmentTask',
		title: 'Pricing Card Component',
		functionName: 'PricingCard',
		generalType: 'frontend',
		mode: 'codewriting',
		solutionStyle: 'files',
		labels: ['frontend', 'css'],
		description:
			'Build the pricing card of the design: plan name, monthly price, feature list and a call to action.',
	},
];

export interface FrameworkDefinition {
	title: string;
	format: string;
	minutes: number;
	skillSets: string[];
	/** The tasks of a test created from the framework. */
	slots: Array<[string, number]>;
}

/** Certified assessments: the first is the framework of the generated Pre-Screen tests. */
export const FRAMEWORKS: readonly FrameworkDefinition[] = [
	{
		title: 'General Coding Framework',
		format: 'gcf',
		minutes: 70,
		skillSets: ['Basic Coding', 'Data Manipulation', 'Implementation', 'Problem Solving'],
		slots: PRE_SCREEN_PROFILE.slots,
	},
	{
		title: 'Industry Coding Framework',
		format: 'icf',
		minutes: 90,
		skillSets: ['Implementation', 'Code Design', 'Refactoring', 'Problem Solving'],
		slots: [
			['Inventory Ledger', 250],
			['Interval Merging', 250],
			['Shortest Delivery Route', 500],
		],
	},
	{
		title: 'Data Analytics Framework',
		format: 'daf',
		minutes: 60,
		skillSets: ['SQL', 'Data Reasoning'],
		slots: [
			['Monthly Revenue Report', 100],
			['Complexity Quiz', 50],
		],
	},
];

/** Task sets with the titles of their tasks. */
export const TASK_SETS: ReadonlyArray<{ name: string; tasks: string[] }> = [
	{ name: 'Backend Essentials', tasks: ['Balanced Brackets', 'Orders REST Endpoint'] },
	{ name: 'Frontend Essentials', tasks: ['Todo List Filters', 'HTTP Caching Quiz'] },
	{ name: 'Data Skills', tasks: ['Monthly Revenue Report'] },
	{ name: 'Interview Warm-Ups', tasks: [] },
];

export const LABEL_VARIANTS = ['blue', 'green', 'purple', 'orange', 'teal', 'red'];

export const CODE_LANGUAGES = ['py3', 'js', 'java', 'cpp', 'go', 'ts', 'cs', 'rb'] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

export const VERIFICATION_REJECTION_REASONS = [
	{
		name: 'Unauthorized resource',
		description: 'The recording shows an unauthorized website or tool.',
	},
	{ name: 'Presence of others', description: 'Another person was present during the assessment.' },
	{ name: 'Incomplete recording', description: 'Parts of the session were not recorded.' },
	{
		name: 'Screen not visible',
		description: 'The shared screen did not show the assessment window.',
	},
];

export const RECOMMENDED_LEVELS = ['Junior', 'Mid-level', 'Senior', 'Staff'];
export const EVALUATIONS = ['Strong Yes', 'Yes', 'No', 'Strong No'];
export const INTERVIEW_TEMPLATES = [
	{ name: 'Backend Pairing Interview', tasks: ['Interval Merging', 'Orders REST Endpoint'] },
	{ name: 'Frontend Live Coding', tasks: ['Todo List Filters', 'Matrix Rotation'] },
	{
		name: 'Algorithms Deep Dive',
		tasks: ['Shortest Delivery Route', 'Balanced Brackets', 'Inventory Ledger'],
	},
	{ name: 'Data Modelling Session', tasks: ['Monthly Revenue Report'] },
];
export const FEEDBACK_CATEGORIES = [
	{ name: 'Problem Solving', attributes: ['Problem Solving', 'Code Quality'] },
	{ name: 'Communication', attributes: ['Communication'] },
];
