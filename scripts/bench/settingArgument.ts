/** The `NAME=value` of an option such as `--n8n-env=NAME=value`, or undefined when it names nothing. */
export function parseSetting(text: string): { name: string; value: string } | undefined {
	const match = /^(\w+)=(.*)$/s.exec(text);
	return match ? { name: match[1], value: match[2] } : undefined;
}
