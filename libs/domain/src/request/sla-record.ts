import type { EscalatedDetail, SlaAlarmDetail } from '@support/contracts';
import type { SupportRequest, Transition } from './aggregate';
import { transition } from './transition';

/**
 * What the SLA clock records ([sla]): a warning, or a breach with its escalation, each once by its
 * effect key. Neither moves the request: the desk raises the priority when told (`request.escalated`).
 */
export function slaWarning(request: Pick<SupportRequest, 'status'>, effectKey: string, detail: SlaAlarmDetail): Transition {
  return transition(request, [{ stage: 'sla', event: 'sla.warning', effectKey, detail }], {}, []);
}

export function slaBreach(request: Pick<SupportRequest, 'status'>, effectKey: string, detail: SlaAlarmDetail, escalation: EscalatedDetail): Transition {
  return transition(
    request,
    [
      { stage: 'sla', event: 'sla.breached', effectKey, detail },
      { stage: 'sla', event: 'sla.escalated', detail: escalation },
    ],
    {},
    [],
  );
}
