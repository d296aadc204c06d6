import { $ } from './dom';

/** A status line (polite live region); hides the alert. */
export function say(text: string): void {
  $('alert').hidden = true;
  $('alert').textContent = '';
  $('status').textContent = text;
}

/** An alert (assertive live region); clears the status line. */
export function warn(text: string): void {
  $('status').textContent = '';
  $('alert').textContent = text;
  $('alert').hidden = false;
}
