/**
 * Ends the test run with one plain line, `N passed, N failed, N skipped`, that CI and
 * other tools read without knowing Vitest's own format.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) counts[test.result().state] += 1;
    }
    // A file that failed to load has no tests to count; it still fails the run.
    const broken = testModules.filter(
      (module) => module.state() === 'failed' && [...module.children.allTests()].length === 0,
    );
    console.log(
      `\n${counts.passed} passed, ${counts.failed + broken.length} failed, ${counts.skipped + counts.pending} skipped`,
    );
  }
}
