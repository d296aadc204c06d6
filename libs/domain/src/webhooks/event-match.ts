/** Is a subscription to `events` (names, or `*` for every event) about `type`? */
export function subscribedTo(events: readonly string[], type: string): boolean {
  return events.includes('*') || events.includes(type);
}

/** What is wrong with a subscription's list of events, given the names one may subscribe to. */
export function eventListProblems(events: readonly string[], known: readonly string[]): string[] {
  if (events.length === 0) return ['events must name at least one event, or be ["*"] for every event'];
  const problems: string[] = [];
  const unknown = events.filter((e) => e !== '*' && !known.includes(e));
  if (unknown.length > 0) problems.push(`unknown event${unknown.length > 1 ? 's' : ''} ${unknown.map((e) => `"${e}"`).join(', ')}: known are "*", ${known.join(', ')}`);
  if (new Set(events).size !== events.length) problems.push('events must not repeat a name');
  return problems;
}
