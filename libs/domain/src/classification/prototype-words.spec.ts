import { readFileSync } from 'fs';
import { join } from 'path';
import { loadRuleSet, type RuleSet } from '../rules';
import { classifyRequest, type RequestFacts, splitSubmission } from '../triage';
import { kav } from '../testing/demo-catalogue';
import { classify } from './classify';
import { detectLanguage } from './language';
import { loadLexicon, topicKey } from './lexicon';
import { fold, rawTokens, tokenize } from './normalise';
import { splitProblems } from './split';

const RULES_FILE = join(__dirname, '..', '..', '..', '..', 'config', 'rules', '2022-04-07.json');
const rules: RuleSet = loadRuleSet(JSON.parse(readFileSync(RULES_FILE, 'utf8')), RULES_FILE);

/**
 * Names Object.prototype answers for. The tokenizer, the topic table and the template filler look
 * words of the customer's text up; a plain object would find these there ("constructor" once made
 * the preview answer 500 and a submission stay `classifying` for ever).
 */
const WORDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'prototype'];
const CASES = WORDS.flatMap((w) => [w, w.toUpperCase(), `${w[0].toUpperCase()}${w.slice(1)}`]);

describe('words that are names on Object.prototype', () => {
  it.each(CASES)('tokenize, fold and rawTokens take %s as a plain word', (word) => {
    const folded = fold(word);
    expect(tokenize(`my ${word} crashes`)).toEqual(['my', ...(folded.match(/[\p{L}\p{N}]+/gu) ?? []), 'crashes']);
    expect(rawTokens(word).join('')).toBe(word.toLowerCase().replace(/_/g, ''));
    expect(topicKey(word)).toBe(tokenize(word).join('-'));
  });

  it.each(CASES)('classify reads %s in the subject, the description and the topic', (word) => {
    const inputs = [
      { subject: word, description: 'Kaspersky deletes my own program as a trojan. It is a false positive.' },
      { subject: 'False positive', description: `Kaspersky deletes my ${word} program as a trojan. ${word} It is a false positive.` },
      { subject: 'False positive', description: 'Kaspersky deletes my own program as a trojan. It is a false positive.', topic: word },
      { subject: word, description: word, topic: word },
    ];
    for (const input of inputs) {
      const r = classify(input);
      expect(typeof r.confidence).toBe('number');
      expect(r.clause === null || typeof r.clause === 'string').toBe(true);
      expect(r.ranking.every((x) => typeof x.clause === 'string')).toBe(true);
    }
    // The word is noise: a clear false positive stays one whatever the topic says.
    expect(classify(inputs[2]).clause).toBe(classify({ subject: inputs[2].subject, description: inputs[2].description }).clause);
  });

  it.each(CASES)('the language detector and the splitter take %s', (word) => {
    expect(['en', 'lv', 'ru']).toContain(detectLanguage(word));
    expect(['en', 'lv', 'ru']).toContain(detectLanguage(`${word} ${word}\n${word}`));
    const text = `I have two problems:\n1) ${word} lost my activation code.\n2) Kaspersky crashes during the ${word} scan.`;
    const parts = splitProblems({ subject: word, description: text });
    expect(parts.length).toBeGreaterThanOrEqual(1);
    for (const p of parts) expect(typeof p.description).toBe('string');
    const split = splitSubmission(rules, { subject: word, description: text }, undefined);
    expect(split.parts.length).toBeGreaterThanOrEqual(1);
    expect(split.notice === null || !split.notice.includes('function')).toBe(true);
  });

  it.each(CASES)('the classification stage decides a request whose every text field is %s', (word) => {
    const facts: RequestFacts = {
      subject: word,
      description: `${word} ${word}. Kaspersky ${word} crashes.`,
      topic: word,
      language: null,
      country: 'LV',
      customerId: word,
      companyId: null,
      productCode: 'kav',
      productVersion: '21.3',
      platform: { os: word, osVersion: word },
      receivedAt: new Date('2025-05-10T10:00:00Z'),
    };
    const decision = classifyRequest(rules, facts, { decision: 'supported', clauses: ['4.5a'], reason: '', segment: 'home', supportPlan: null } as never, kav);
    expect(['included', 'excluded', 'unknown']).toContain(decision.scope);
  });

  it('a lexicon topic table holds only its own topics', () => {
    const lexicon = loadLexicon({ version: 't', clauses: { '4.1.1': { scope: 'included', terms: { en: ['crash'] } } }, topics: { crash: '4.1.1' } });
    for (const word of WORDS) expect(classify({ subject: 'x', description: 'y', topic: word }, lexicon).clause).toBeNull();
    expect(classify({ subject: 'x', description: 'crash', topic: 'crash' }, lexicon).clause).toBe('4.1.1');
  });
});
