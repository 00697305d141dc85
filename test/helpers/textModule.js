/** Jest transform: a file imported as its text, as the build's bundler (esbuild's text loader) does. */
module.exports = {
	process(sourceText) {
		return { code: `module.exports = ${JSON.stringify(sourceText)};` };
	},
};
