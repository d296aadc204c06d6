/**
 * A mail we will not take, for good: the SMTP answer is this 5xx code and text, the sending server
 * bounces it to its sender. `reason` goes to the log (no addresses, no tokens).
 */
export class MailRefused extends Error {
  constructor(
    readonly code: 550 | 552 | 554,
    readonly reason: string,
    readonly answer: string,
  ) {
    super(answer);
    this.name = 'MailRefused';
  }
}
