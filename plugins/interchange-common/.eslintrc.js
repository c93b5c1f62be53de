module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  testRules: {
    // The property suites assert inside checkProperty/checkAsyncProperty
    // (src/__testUtils__/properties.ts), which fails the test with the
    // counterexample; jest's own expect counts too.
    'jest/expect-expect': [
      'warn',
      {
        assertFunctionNames: ['expect', 'checkProperty', 'checkAsyncProperty'],
      },
    ],
  },
});
