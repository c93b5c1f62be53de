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

// Strips terminal colours, which some log viewers show as noise or drop
// together with the line.
const plain = text => String(text).replace(/\u001b\[[0-9;]*m/g, '');

/**
 * The first lines of every failure (the message and the top of its stack),
 * again at the very end of the log: CI shows the log's tail, and jest's own
 * summary sits far above it.
 */
function printJestFailures(report) {
  const lines = [];
  for (const suite of report.testResults ?? []) {
    const file = path.relative(process.cwd(), suite.name);
    const failed = (suite.assertionResults ?? []).filter(
      t => t.status === 'failed',
    );
    if (suite.status === 'failed' && failed.length === 0 && suite.message) {
      lines.push(`FAIL ${file} (the suite did not run)`);
      lines.push(...excerpt(suite.message));
    }
    for (const test of failed) {
      lines.push(`FAIL ${file} > ${test.fullName}`);
      lines.push(...excerpt((test.failureMessages ?? []).join('\n')));
    }
  }
  if (lines.length) {
    console.log(['jest failures:', ...lines.slice(0, 200)].join('\n'));
  }
}

function excerpt(message) {
  return plain(message)
    .split('\n')
    .filter(line => line.trim() !== '')
    .slice(0, 12)
    .map(line => `    ${line.slice(0, 400)}`);
}

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
  printJestFailures(jest);
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
