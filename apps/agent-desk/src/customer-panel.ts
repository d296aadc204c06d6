import { Injectable } from '@nestjs/common';
import { type AgentEntity, LicenceEntity, ReferenceStore, RequestEntity } from '@support/persistence';
import { DataSource, In, Not } from 'typeorm';

/** How many of the customer's other requests the panel lists (newest first). */
const OTHER_REQUESTS = 20;

/**
 * The desk's customer panel: who asks (the customer, or for a business request its company), the
 * plan, the licences on record and the other requests. Only requests of the agent's own teams are
 * listed: the panel shows no more than the agent's work lists would.
 */
@Injectable()
export class CustomerPanel {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reference: ReferenceStore,
  ) {}

  async of(agent: AgentEntity, request: RequestEntity) {
    // A business request attached to a company (2.4) is the company's; any other is the customer's.
    const whose = request.companyId ? { companyId: request.companyId } : { customerId: request.customerId };
    const company = request.companyId ? await this.reference.company(request.companyId) : null;
    const [others, licences] = await Promise.all([
      this.dataSource.getRepository(RequestEntity).find({
        where: { ...whose, id: Not(request.id), teamId: In(agent.teams) },
        order: { receivedAt: 'DESC' },
        take: OTHER_REQUESTS,
      }),
      this.dataSource.getRepository(LicenceEntity).find({ where: whose, order: { key: 'ASC' }, take: 50 }),
    ]);
    return {
      customer: { id: request.customerId, segment: request.segment, country: request.country, language: request.language },
      company: company ? { id: company.id, name: company.name, country: company.country } : null,
      supportPlan: request.supportPlan,
      licences: licences.map(({ key, productCode, status, kind, validUntil, supportPlan }) => ({ key, productCode, status, kind, validUntil, supportPlan })),
      requests: others.map((r) => ({
        id: r.id,
        subject: r.subject,
        status: r.status,
        clause: r.clauseId,
        team: r.teamId,
        receivedAt: r.receivedAt,
        link: `/v1/requests/${r.id}`,
      })),
    };
  }
}
