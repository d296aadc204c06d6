import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { type AgentEntity, ReferenceStore, type RequestEntity, RequestStore } from '@support/persistence';
import { belongsToCompany, type Principal } from '@support/platform';

/**
 * Who may act on a request: an agent only on its teams' requests, a customer only on its own
 * request (token) and a company only on its own (confirmed by the licence check). Others get 404: existence must not leak.
 */
@Injectable()
export class DeskAccess {
  constructor(
    private readonly reference: ReferenceStore,
    private readonly store: RequestStore,
  ) {}

  async agent(principal: Principal): Promise<AgentEntity> {
    const agent = principal.kind === 'agent' ? await this.reference.agent(principal.id) : null;
    if (!agent) throw new ForbiddenException('an agent key is needed');
    return agent;
  }

  async requestForAgent(agent: AgentEntity, id: string): Promise<RequestEntity> {
    const request = await this.store.find(id);
    if (!request || !request.teamId || !agent.teams.includes(request.teamId)) throw new NotFoundException(`request ${id} not found`);
    return request;
  }

  async requestForCustomer(principal: Principal, id: string): Promise<RequestEntity> {
    const request = await this.store.find(id);
    const mine = request && ((principal.kind === 'customer' && principal.requestId === id) || (principal.kind === 'company' && belongsToCompany(request, principal.id)));
    if (!mine) throw new NotFoundException(`request ${id} not found`);
    return request;
  }
}
