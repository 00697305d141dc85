/** Generated prose and code: interviewer notes, AI summaries, candidate solutions. */
import type { CodeLanguage, Pronouns } from './content';
import type { TaskRecord } from './model';
import type { Random } from './random';

export interface SolutionSourceRecord {
	source: string;
	language: string;
	path: string | null;
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function snakeCase(name: string): string {
	return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** Notes that name the candidate and use gendered pronouns, as real interviewers write them. */
export function interviewerNotes(
	rng: Random,
	firstName: string,
	pronouns: Pronouns,
	positive: boolean,
): string {
	const { subject, object, possessive } = pronouns;
	const opening = rng.pick([
		`${firstName} asked good clarifying questions before writing any code, and ${subject} kept talking through ${possessive} plan.`,
		`${firstName} started with a brute-force idea and ${subject} improved it once we discussed the constraints.`,
		`I enjoyed pairing with ${firstName}; ${subject} was calm under time pressure.`,
	]);
	const verdict = positive
		? rng.pick([
				`${capitalize(possessive)} final solution was clean and well tested. I would be happy to work with ${object}.`,
				`${capitalize(subject)} handled the edge cases without hints; ${possessive} code reads well.`,
			])
		: rng.pick([
				`${capitalize(subject)} needed several hints and ${possessive} solution missed the empty-input case.`,
				`${capitalize(possessive)} communication was good, but I could not see ${object} reaching a working solution alone.`,
			]);
	return `${opening} ${verdict}`;
}

export function attributeNotes(
	rng: Random,
	firstName: string,
	pronouns: Pronouns,
	attribute: string,
	score: number,
): string {
	const quality = score >= 4 ? 'strong' : score >= 3 ? 'solid' : 'weak';
	return rng.pick([
		`${capitalize(attribute)}: ${quality}. ${firstName} showed it throughout the session.`,
		`${capitalize(pronouns.possessive)} ${attribute.toLowerCase()} was ${quality}.`,
	]);
}

export function aiSummary(
	rng: Random,
	solved: number,
	total: number,
	strongestArea: string,
): string {
	const pace = rng.pick(['steady', 'quick', 'careful']);
	return (
		`The candidate solved ${solved} of ${total} tasks at a ${pace} pace, strongest in ${strongestArea}. ` +
		rng.pick([
			'Solutions were readable and covered most edge cases.',
			'Some solutions passed the samples but failed hidden edge cases.',
			'Time was spent mostly on the harder tasks near the end.',
		])
	);
}

function lines(...rows: string[]): string {
	return `${rows.join('\n')}\n`;
}

/** A small de-duplicating function in the candidate's language; names vary so solutions differ. */
function codeFor(language: CodeLanguage, name: string, result: string, item: string): string {
	const snake = snakeCase(name);
	switch (language) {
		case 'py3':
			return lines(
				`def ${snake}(data):`,
				`    ${result} = []`,
				`    for ${item} in data:`,
				`        if ${item} not in ${result}:`,
				`            ${result}.append(${item})`,
				`    return ${result}`,
			);
		case 'rb':
			return lines(
				`def ${snake}(data)`,
				`  ${result} = []`,
				`  data.each do |${item}|`,
				`    ${result} << ${item} unless ${result}.include?(${item})`,
				'  end',
				`  ${result}`,
				'end',
			);
		case 'js':
		case 'ts': {
			const types =
				language === 'ts' ? { data: ': number[]', result: ': number[]' } : { data: '', result: '' };
			return lines(
				`function ${name}(data${types.data})${types.result} {`,
				`  const ${result}${types.result} = [];`,
				`  for (const ${item} of data) {`,
				`    if (!${result}.includes(${item})) ${result}.push(${item});`,
				'  }',
				`  return ${result};`,
				'}',
			);
		}
		case 'java':
		case 'cs': {
			const java = language === 'java';
			return lines(
				java
					? `List<Integer> ${name}(int[] data) {`
					: `List<int> ${capitalize(name)}(int[] data) {`,
				java
					? `    List<Integer> ${result} = new ArrayList<>();`
					: `    var ${result} = new List<int>();`,
				java ? `    for (int ${item} : data) {` : `    foreach (var ${item} in data) {`,
				java
					? `        if (!${result}.contains(${item})) ${result}.add(${item});`
					: `        if (!${result}.Contains(${item})) ${result}.Add(${item});`,
				'    }',
				`    return ${result};`,
				'}',
			);
		}
		case 'cpp':
			return lines(
				`std::vector<int> ${name}(std::vector<int> data) {`,
				`    std::vector<int> ${result};`,
				`    for (int ${item} : data) {`,
				`        auto found = std::find(${result}.begin(), ${result}.end(), ${item});`,
				`        if (found == ${result}.end()) ${result}.push_back(${item});`,
				'    }',
				`    return ${result};`,
				'}',
			);
		case 'go':
			return lines(
				`func ${name}(data []int) []int {`,
				`\t${result} := []int{}`,
				`\tfor _, ${item} := range data {`,
				`\t\tif !contains(${result}, ${item}) {`,
				`\t\t\t${result} = append(${result}, ${item})`,
				'\t\t}',
				'\t}',
				`\treturn ${result}`,
				'}',
			);
	}
}

/** The files a candidate submitted for a task, in the task's style. */
export function solutionSources(
	rng: Random,
	task: TaskRecord,
	language: CodeLanguage,
): SolutionSourceRecord[] {
	const result = rng.pick(['result', 'answer', 'output']);
	const item = rng.pick(['item', 'value', 'x']);
	const name = task.functionName;
	switch (task.solutionStyle) {
		case 'sql':
			return [
				{
					language: 'mysql',
					path: null,
					source: lines(
						"SELECT DATE_FORMAT(created_at, '%Y-%m') AS month, SUM(amount) AS revenue",
						'FROM orders',
						'WHERE created_at >= NOW() - INTERVAL 1 YEAR',
						'GROUP BY month',
						'ORDER BY month;',
					),
				},
			];
		case 'files':
			return [
				{
					language: 'ts',
					path: `src/${name}.ts`,
					source: `export ${codeFor('ts', name, result, item)}`,
				},
				{
					language: 'ts',
					path: `src/${name}.test.ts`,
					source: lines(
						`import { ${name} } from './${name}';`,
						'',
						`test('${name} drops duplicates', () => {`,
						`  expect(${name}([1, 1, 2])).toEqual([1, 2]);`,
						'});',
					),
				},
			];
		default:
			return [{ language, path: null, source: codeFor(language, name, result, item) }];
	}
}
