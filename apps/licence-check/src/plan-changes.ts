import { Injectable } from '@nestjs/common';
import { entriesOf } from '@support/contracts';
import { FINISHED, planChange, planChangeEmits } from '@support/domain';
import { EventPublisher } from '@support/messaging';
import { ReferenceStore, RequestStore } from '@support/persistence';

/**
 * A licence changed (its plan upgraded/downgraded/removed, its status or validity): every open
 * request on it whose licence check is done follows, from the change on, with a `sla.plan-changed`
 * entry (from, to). The SLA worker recomputes the clock on `sla.plan-changed` (see
 * apps/sla/README.md for what a change does to a running clock).
 */
@Injectable()
export class PlanChanges {
  constructor(
    private readonly store: RequestStore,
    private readonly reference: ReferenceStore,
    private readonly publisher: EventPublisher,
  ) {}

  async follow(licenceKey: string): Promise<{ licenceKey: string; changed: string[] }> {
    const licence = await this.reference.find(licenceKey);
    const changed: string[] = [];
    for (const request of await this.store.openWithLicence(licenceKey, FINISHED)) {
      // Not checked yet: the licence check will read the licence as it is now.
      if (!request.eligibility) continue;
      const n = entriesOf(await this.store.timeline(request.id), 'sla.plan-changed').length;
      const next = planChange(request, licenceKey, licence, n, new Date());
      if (next && (await this.store.apply(request.id, next))) changed.push(request.id);
      // Always (also when nothing changed now): a retry after a crash must still have the clock recomputed.
      await this.publisher.emit(request, next ? next.emits : n > 0 ? planChangeEmits(n) : []);
    }
    return { licenceKey, changed };
  }
}
