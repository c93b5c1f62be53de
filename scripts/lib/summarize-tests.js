#!/usr/bin/env node
// Prints one closing line for the whole suite from the runners' JSON reports
// (jest and Playwright), so CI logs end with a single, comparable count.
const fs = require('fs');
const path = require('path');

const dir = process.argv[2] ?? 'test-results';
const totals = { passed: 0, failed: 0, skipped: 0 };
const readJson = file => {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  } catch {
    return undefined;
  }
};

const jest = readJson('jest.json');
if (jest) {
  totals.passed += jest.numPassedTests;
  totals.failed += jest.numFailedTests;
  totals.skipped += jest.numPendingTests + jest.numTodoTests;
  // A suite that fails to compile has no test results but is a failure.
  totals.failed += jest.numRuntimeErrorTestSuites ?? 0;
  console.log(
    `jest: ${jest.numPassedTests} passed, ${jest.numFailedTests} failed in ${jest.numTotalTestSuites} suites`,
  );
}

const e2e = readJson('e2e/results.json');
if (e2e) {
  const s = e2e.stats ?? {};
  totals.passed += s.expected ?? 0;
  totals.failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
  totals.skipped += s.skipped ?? 0;
  console.log(
    `playwright: ${s.expected ?? 0} passed, ${s.unexpected ?? 0} failed, ${s.flaky ?? 0} flaky`,
  );
}

console.log(
  `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`,
);
