/** A `.graphql` file imported as its text (esbuild's text loader in the build; test/helpers/textModule.js in jest). */
declare module '*.graphql' {
	const text: string;
	export default text;
}
