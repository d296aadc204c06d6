/** What a customer's mail may bring along: sizes, and types an agent can open safely (logs, screenshots, documents, archives of diagnostics). */
export const ATTACHMENT_LIMITS = { maxBytes: 5 * 1024 * 1024, maxCount: 10 } as const;

const ALLOWED_TYPES = new Set([
  'text/plain',
  'text/csv',
  'text/xml',
  'application/xml',
  'application/json',
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/bmp',
  // Diagnostic utilities ([utilities]) write archives; samples for 4.1.2 come zipped too.
  'application/zip',
  'application/x-zip-compressed',
  'application/x-7z-compressed',
  'application/gzip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'message/rfc822',
]);
/** Runnable on the agent's machine whatever type the mail claims. */
const RUNNABLE = /\.(exe|com|bat|cmd|scr|pif|msi|msp|dll|cpl|js|jse|vbs|vbe|wsf|wsh|ps1|psm1|hta|jar|lnk|reg|sh|app|docm|xlsm|pptm|iso|img)$/i;

export interface AttachmentFacts {
  filename: string;
  contentType: string;
  size: number;
}

/** null: keep it; otherwise the reason it is refused (recorded on the timeline and logged). */
export function attachmentRefusal(a: AttachmentFacts, alreadyKept: number): string | null {
  if (RUNNABLE.test(a.filename.trim())) return 'a runnable file type';
  if (!ALLOWED_TYPES.has(a.contentType.toLowerCase())) return `type ${a.contentType} is not accepted`;
  if (a.size > ATTACHMENT_LIMITS.maxBytes) return `larger than ${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024} MB`;
  if (alreadyKept >= ATTACHMENT_LIMITS.maxCount) return `more than ${ATTACHMENT_LIMITS.maxCount} attachments`;
  return null;
}
