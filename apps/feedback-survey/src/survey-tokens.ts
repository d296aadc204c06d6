import { Injectable } from '@nestjs/common';
import { type TokenPurpose, TokenSigner } from '@support/platform';

export const SURVEY_TOKEN: TokenPurpose = 'survey';

export type TokenCheck = { ok: true; surveyId: string; expiresAt: Date } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'expired'; surveyId: string; expiresAt: Date };

const SURVEY_ID = /^[A-Za-z0-9_]{1,40}$/;

/**
 * Survey links: signed JWS of the survey purpose (TokenSigner) carrying the survey id and the
 * link's expiry (the survey policy's lifetime, stored on the survey row), so any process verifies
 * them without a lookup; a customer token never passes as one. The same survey gives the same
 * token (its claims come from the row). Single use is the survey row's status (answered once).
 */
@Injectable()
export class SurveyTokens {
  constructor(private readonly signer: TokenSigner) {}

  sign(surveyId: string, expiresAt: Date): Promise<string> {
    return this.signer.sign(SURVEY_TOKEN, surveyId, { expiresAt });
  }

  async check(token: string, now = new Date()): Promise<TokenCheck> {
    const check = await this.signer.verify(SURVEY_TOKEN, token, now);
    if (!check.ok && check.reason === 'invalid') return check;
    const surveyId = check.ok ? check.subject : (check as { subject: string }).subject;
    if (!SURVEY_ID.test(surveyId)) return { ok: false, reason: 'invalid' };
    return check.ok ? { ok: true, surveyId, expiresAt: check.expiresAt } : { ok: false, reason: 'expired', surveyId, expiresAt: check.expiresAt };
  }
}
