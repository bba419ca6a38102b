// Writes the run's totals where .ci/run can read them (OPSDESK_TEST_SUMMARY), and prints the
// one-line summary CI reads. A suite that fails to load counts as a failure, not as zero tests.
const fs = require('node:fs');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const passed = results.numPassedTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `${passed} passed, ${failed} failed`;
    if (process.env.OPSDESK_TEST_SUMMARY) fs.writeFileSync(process.env.OPSDESK_TEST_SUMMARY, line + '\n');
    process.stdout.write(`\n${line}\n`);
  }
}

module.exports = SummaryReporter;
