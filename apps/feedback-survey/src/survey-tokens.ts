import { Injectable } from '@nestjs/common';
import { TokenSigner } from '@support/platform';

export const SURVEY_TOKEN = 'sv';

export type TokenCheck = { ok: true; surveyId: string; expiresAt: Date } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'expired'; surveyId: string; expiresAt: Date };

/**
 * Survey links: HMAC-signed (TokenSigner), carrying the survey id and the expiry, so any process
 * verifies them without a lookup. Single use is the survey row's status (answered once).
 */
@Injectable()
export class SurveyTokens {
  constructor(private readonly signer: TokenSigner) {}

  sign(surveyId: string, expiresAt: Date): string {
    return this.signer.sign(SURVEY_TOKEN, `${surveyId}~${Math.floor(expiresAt.getTime() / 1000)}`);
  }

  check(token: string, now = new Date()): TokenCheck {
    const subject = this.signer.verify(SURVEY_TOKEN, token);
    const match = subject ? /^([A-Za-z0-9_]{1,40})~(\d{1,12})$/.exec(subject) : null;
    if (!match) return { ok: false, reason: 'invalid' };
    const expiresAt = new Date(Number(match[2]) * 1000);
    if (now.getTime() >= expiresAt.getTime()) return { ok: false, reason: 'expired', surveyId: match[1], expiresAt };
    return { ok: true, surveyId: match[1], expiresAt };
  }
}
