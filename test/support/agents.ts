import type { TestSystem } from './system';

export const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

/** Creates an agent through the admin API and answers its key. */
export async function addAgent(sys: TestSystem, id: string, teams: string[], role: 'agent' | 'supervisor' = 'agent'): Promise<string> {
  const res = await sys.http.put(`/v1/admin/agents/${id}`).set(bearer(sys.adminKey)).send({ name: id, teams, role }).expect(201);
  return res.body.key;
}

/** Claims as an agent: the claimed request, or null for 204. */
export async function claim(sys: TestSystem, agentKey: string): Promise<{ request: { id: string; status: string }; leaseExpiresAt: string } | null> {
  const res = await sys.http.post('/v1/agent/claims').set(bearer(agentKey));
  if (res.status === 204) return null;
  if (res.status !== 200) throw new Error(`claim answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}
