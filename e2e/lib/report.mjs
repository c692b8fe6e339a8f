/** The browser tests' expectations: each is recorded and printed, never thrown. */

const results = [];

/** Runs one expectation; false when it failed (the failure is printed with its first lines). */
export async function expectThat(name, check) {
  try {
    await check();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name}`);
    return true;
  } catch (error) {
    results.push({ name, ok: false });
    const message = String(error?.message ?? error)
      .split('\n')
      .slice(0, 6)
      .join(' ');
    console.log(`  ✗ ${name}: ${message}`);
    return false;
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Prints `N passed, N failed` (an extra failure when the run itself broke); the exit code. */
export function summarize(crashed = false) {
  const passed = results.filter(r => r.ok).length;
  const failed = results.length - passed + (crashed ? 1 : 0);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}
