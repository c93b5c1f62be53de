module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  testRules: {
    // The fault suites of the configuration-file Location types assert
    // inside breakLocationFileThreeWays (src/__testUtils__/locationFileFaults.ts).
    'jest/expect-expect': [
      'warn',
      { assertFunctionNames: ['expect', 'breakLocationFileThreeWays'] },
    ],
  },
});
