/**
 * Awaits a database call that must fail and returns the database's own message. drizzle wraps
 * the driver's error in a "Failed query" error whose `cause` carries it.
 */
export async function databaseErrorOf(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : (error as Error).message;
  }

  throw new Error('expected the database call to fail, but it succeeded');
}
