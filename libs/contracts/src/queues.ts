/** Every BullMQ queue the stages talk through. Team queues are data-driven: see teamQueueName. */
export const Queues = {
  intake: 'intake',
  licenceCheck: 'licence-check',
  classification: 'classification',
  routing: 'routing',
  sla: 'sla',
  feedbackSurvey: 'feedback-survey',
  maintenance: 'maintenance',
  lifecycle: 'lifecycle',
  /** What people and integrators hear of: the notifier turns these events into mails and webhook deliveries. */
  notifications: 'notifications',
  /** One job per outgoing mail (its delivery row holds the rendered message). */
  mail: 'mail',
  /** Outgoing webhook deliveries, one job per delivery row (apps/notifier/src/webhooks). */
  webhooks: 'webhooks',
} as const;

export type StageQueue = (typeof Queues)[keyof typeof Queues];

/** One queue per team, holding the requests routed to it (agents claim from here). */
export function teamQueueName(teamId: string): string {
  return `team-${teamId}`;
}

/** One queue per agent, for requests coming back to their agent (the customer replied, or reopened). */
export function agentQueueName(agentId: string): string {
  return `agent-${agentId}`;
}
