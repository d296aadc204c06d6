import { t } from './i18n';

/** The words the page uses for timeline events and reply kinds (from the catalogues), and which detail fields it shows how. */

export const eventName = (event: string): string => t('events.' + event, { defaultValue: event });

/** A reply kind's words, or null for a kind the catalogues do not know. */
export const kindName = (kind: string): string | null => t('kinds.' + kind, { defaultValue: '' }) || null;

/** Detail fields holding a message: shown as quotes. */
export const TEXT_FIELDS = ['body', 'summary', 'message', 'reason'];

/** Timeline details not worth an agent's eye (the classifier's evidence is in the API for those who want it). */
export const HIDDEN_FIELDS = ['evidence', 'rulesVersion', 'submissionId'];
