/** GET /v1/reports/csat as the page reads it. */
export interface CsatGroup {
  key: string | null;
  sent: number;
  answered: number;
  responseRate: number;
  averageScore: number | null;
}

export interface CsatReport {
  from: string;
  to: string;
  groupBy: string;
  groups: CsatGroup[];
  total: CsatGroup;
}
