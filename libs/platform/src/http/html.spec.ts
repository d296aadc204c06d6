import { escapeHtml, html, SafeHtml } from './html';

describe('html templates', () => {
  it('escapes every interpolated value', () => {
    const name = `<img src=x onerror="alert(1)">'\`&`;
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;&#96;&amp;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;&#96;&amp;</p>',
    );
    expect(escapeHtml(null)).toBe('');
  });

  it('inserts nested templates and arrays of them as they are, and nothing for null, undefined or false', () => {
    const items = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${false}${null}${undefined}${0}`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0');
    expect(html`${'<b>'}`).toBeInstanceOf(SafeHtml);
    expect(String(html`<i>${'x'}</i>`)).toBe('<i>x</i>');
  });
});
