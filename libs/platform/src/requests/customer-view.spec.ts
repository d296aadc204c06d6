import { aRequest } from '../../../domain/src/testing/request-fixture';
import { toCustomerRequestView } from './customer-view';

const TITLES: Record<string, Record<string, string>> = { '2022-04-07': { '4.1.2a': 'False positives', '4.4.2': 'Mixed environment', '4.5b': 'Business software needs a valid licence' } };
const title = (version: string, id: string) => TITLES[version]?.[id] ?? null;

describe("the customer's projection: the clauses the rules cite, with their titles, and none of the classifier's workings", () => {
  const classified = aRequest({ classification: { clause: '4.1.2a', scope: 'included', confidence: 0.93, caveats: ['4.4.2'], lexiconVersion: 'lx-1' } });

  it('gives the clause, the caveats and the title of each, from the rules version the request is judged by', () => {
    const view = toCustomerRequestView(classified, null, null, title);
    expect(view).toMatchObject({ clause: '4.1.2a', caveats: ['4.4.2'], clauseTitles: { '4.1.2a': 'False positives', '4.4.2': 'Mixed environment' } });
    expect(JSON.stringify(view)).not.toMatch(/confidence|0\.93|lexicon|lx-1|rulesVersion|2022-04-07/);
  });

  it("titles the outcome's clauses too, and leaves out the ids a version does not know", () => {
    const declined = aRequest({ status: 'declined', outcome: { kind: 'limited', clauses: ['4.5b', '9.9'], offer: null, message: 'Please add the licence.' } });
    expect(toCustomerRequestView(declined, null, null, title)).toMatchObject({ clause: null, caveats: [], clauseTitles: { '4.5b': 'Business software needs a valid licence' } });
    expect(toCustomerRequestView(aRequest({ ...declined, rulesVersion: null }), null, null, title).clauseTitles).toEqual({});
  });

  it('has no titles without a lookup (the default)', () => {
    expect(toCustomerRequestView(classified, null).clauseTitles).toEqual({});
  });
});
