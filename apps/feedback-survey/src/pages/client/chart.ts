import type { CsatGroup, CsatReport } from './report-types';

/**
 * Draws the report: average score and response rate per group as SVG bars (#chart), and the
 * numbers in the table (#rows). All data goes in through textContent, never as markup.
 */
const SVG = 'http://www.w3.org/2000/svg';

function svgEl(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG, name);
  for (const k in attrs) e.setAttribute(k, String(attrs[k]));
  if (text !== undefined) e.textContent = text;
  return e;
}

const groupName = (g: CsatGroup) => (g.key === null ? '(none)' : String(g.key));

function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function drawChart(svg: SVGSVGElement, groups: CsatGroup[]): void {
  clear(svg);
  const rowH = 44,
    left = 170,
    width = 560,
    top = 30;
  const h = top + Math.max(1, groups.length) * rowH + 20;
  svg.setAttribute('viewBox', '0 0 ' + (left + width + 130) + ' ' + h);
  svg.setAttribute('height', String(h));
  svg.appendChild(svgEl('text', { x: left, y: 18, class: 'axis' }, 'average score (1–5)  ·  response rate'));
  for (let t = 1; t <= 5; t++) {
    const x = left + (t / 5) * width;
    svg.appendChild(svgEl('line', { x1: x, x2: x, y1: top - 6, y2: h - 16, class: 'grid' }));
    svg.appendChild(svgEl('text', { x, y: h - 2, 'text-anchor': 'middle', class: 'axis' }, String(t)));
  }
  if (groups.length === 0) svg.appendChild(svgEl('text', { x: left, y: top + 24 }, 'No surveys were sent in this period.'));
  groups.forEach((g, i) => {
    const y = top + i * rowH;
    svg.appendChild(svgEl('text', { x: left - 10, y: y + 18, 'text-anchor': 'end', class: 'label' }, groupName(g)));
    const avg = g.averageScore || 0;
    const bar = svgEl('rect', { x: left, y: y + 4, height: 18, width: Math.max(0, (avg / 5) * width), class: 'bar' });
    bar.appendChild(svgEl('title', {}, groupName(g) + ': average ' + (g.averageScore === null ? 'n/a' : g.averageScore)));
    svg.appendChild(bar);
    svg.appendChild(svgEl('rect', { x: left, y: y + 25, height: 8, width: Math.max(0, g.responseRate * width), class: 'rate' }));
    svg.appendChild(svgEl('text', { x: left + Math.max(0, (avg / 5) * width) + 6, y: y + 18, class: 'value' }, g.averageScore === null ? 'n/a' : g.averageScore.toFixed(2)));
    svg.appendChild(svgEl('text', { x: left + Math.max(0, g.responseRate * width) + 6, y: y + 34, class: 'small' }, Math.round(g.responseRate * 100) + '% answered'));
  });
}

export function fillTable(body: HTMLTableSectionElement, groups: CsatGroup[], total: CsatGroup): void {
  clear(body);
  const rows: (CsatGroup & { total?: boolean })[] = groups.concat([Object.assign({ total: true }, total)]);
  rows.forEach((g) => {
    const tr = document.createElement('tr');
    [g.total ? 'Total' : groupName(g), g.sent, g.answered, Math.round(g.responseRate * 1000) / 10 + '%', g.averageScore === null ? 'n/a' : g.averageScore.toFixed(2)].forEach((v, j) => {
      const td = document.createElement(j === 0 ? 'th' : 'td');
      if (j === 0) td.setAttribute('scope', 'row');
      td.textContent = String(v);
      tr.appendChild(td);
    });
    body.appendChild(tr);
  });
}

export function caption(data: CsatReport): string {
  return 'Satisfaction by ' + data.groupBy + ', ' + data.from.slice(0, 10) + ' to ' + data.to.slice(0, 10);
}
