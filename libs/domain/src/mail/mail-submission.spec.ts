import { attachmentRefusal } from './attachment-policy';
import { countryOfAddress, mailSubmission } from './mail-submission';

describe('mailSubmission', () => {
  const mail = { from: ' Anna@Example.LV ', subject: ' Trojan \n found ', text: 'My own program is deleted.\n' };

  it('takes country, language, company, product and licence from the earlier request', () => {
    const earlier = { customerId: 'c-1001', country: 'LV', language: 'lv', companyId: null, productCode: 'kav', productVersion: '21.3', licenceKey: 'LIC-1' };
    expect(mailSubmission(mail, earlier, 'mail:k', 'EE')).toEqual({
      idempotencyKey: 'mail:k',
      channel: 'email',
      subject: 'Trojan found',
      description: 'My own program is deleted.',
      customer: { id: 'c-1001', email: 'anna@example.lv', country: 'LV', language: 'lv' },
      product: { code: 'kav', version: '21.3' },
      licenceKey: 'LIC-1',
    });
  });

  it('names no product for a sender without earlier requests, with the given country', () => {
    expect(mailSubmission(mail, null, 'mail:k', 'LV')).toMatchObject({ customer: { id: 'anna@example.lv', email: 'anna@example.lv', country: 'LV' }, product: { code: 'unknown', version: '0' } });
  });

  it('borrows an empty subject from the body and an empty body from the subject', () => {
    expect(mailSubmission({ ...mail, subject: '' }, null, 'k', 'LV')).toMatchObject({ subject: 'My own program is deleted.' });
    expect(mailSubmission({ ...mail, text: '  ' }, null, 'k', 'LV')).toMatchObject({ description: 'Trojan found' });
    expect(mailSubmission({ ...mail, subject: '', text: '' }, null, 'k', 'LV')).toMatchObject({ subject: '(no subject)', description: '(no subject)' });
  });

  it('reads a country from a country-code domain', () => {
    expect(countryOfAddress('a@example.lv')).toBe('LV');
    expect(countryOfAddress('a@example.co.uk')).toBe('GB');
    expect(countryOfAddress('a@example.com')).toBeNull();
  });
});

describe('attachmentRefusal', () => {
  it('keeps logs, screenshots and archives within the limits', () => {
    expect(attachmentRefusal({ filename: 'report.zip', contentType: 'application/zip', size: 1000 }, 0)).toBeNull();
    expect(attachmentRefusal({ filename: 'screen.PNG', contentType: 'IMAGE/PNG', size: 1000 }, 9)).toBeNull();
  });

  it('refuses runnable files whatever their type, other types, big files and too many', () => {
    expect(attachmentRefusal({ filename: 'setup.exe', contentType: 'text/plain', size: 10 }, 0)).toBe('a runnable file type');
    expect(attachmentRefusal({ filename: 'x.bin', contentType: 'application/octet-stream', size: 10 }, 0)).toBe('type application/octet-stream is not accepted');
    expect(attachmentRefusal({ filename: 'big.txt', contentType: 'text/plain', size: 6 * 1024 * 1024 }, 0)).toBe('larger than 5 MB');
    expect(attachmentRefusal({ filename: 'a.txt', contentType: 'text/plain', size: 1 }, 10)).toBe('more than 10 attachments');
  });
});
