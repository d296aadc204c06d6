import { messageKey, replyKey } from './message-key';

describe('messageKey', () => {
  const raw = Buffer.from('Subject: x\r\n\r\nbody');

  it('is the same for the same sender (any case) and Message-ID, whatever the bytes', () => {
    expect(messageKey('Anna@Example.lv', '<a@b>', raw)).toBe(messageKey('anna@example.lv ', ' <a@b>', Buffer.from('other bytes')));
    expect(messageKey('anna@example.lv', '<a@b>', raw)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("differs for another sender's mail with the same Message-ID (nobody suppresses another's mail)", () => {
    expect(messageKey('anna@example.lv', '<a@b>', raw)).not.toBe(messageKey('mallory@example.lv', '<a@b>', raw));
  });

  it('knows a mail without a Message-ID by its bytes', () => {
    expect(messageKey('anna@example.lv', undefined, raw)).toBe(messageKey('anna@example.lv', '', raw));
    expect(messageKey('anna@example.lv', undefined, raw)).not.toBe(messageKey('anna@example.lv', undefined, Buffer.from('other')));
  });

  it('gives one reply key per request', () => {
    const key = messageKey('anna@example.lv', '<a@b>', raw);
    expect(replyKey(key, 'req_1')).not.toBe(replyKey(key, 'req_2'));
    expect(replyKey(key, 'req_1')).toMatch(/^[0-9a-f]{64}$/);
  });
});
