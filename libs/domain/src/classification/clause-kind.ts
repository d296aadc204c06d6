/** An excluded clause (4.2.x): standard support does not include it, so deciding it declines the request. */
export function isExcludedClause(clause: string | null | undefined): boolean {
  return !!clause && clause.startsWith('4.2.');
}

/** An included clause (4.1.x). */
export function isIncludedClause(clause: string | null | undefined): boolean {
  return !!clause && clause.startsWith('4.1.');
}
