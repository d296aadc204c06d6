import { Inject, Injectable } from '@nestjs/common';
import { Jobs, occurrenceJobId, type ReturnToTeamData } from '@support/contracts';
import { returnToTeamDue, type SupportRequest } from '@support/domain';
import { EventPublisher } from '@support/messaging';
import { ReferenceStore, TeamEntity } from '@support/persistence';
import { SETTINGS, type Settings } from '@support/platform';

/** Sets RETURN_TO_TEAM_AFTER (the team's, else the setting) for a request held in its agent's own queue; false when it is not held. */
@Injectable()
export class ReturnToTeamAlarm {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly reference: ReferenceStore,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async set(request: SupportRequest): Promise<boolean> {
    if (!request.teamId) return false;
    const team = await this.reference.get(TeamEntity, { id: request.teamId });
    const due = returnToTeamDue(request, team?.returnToTeamAfterMs ?? this.settings.returnToTeamAfterMs);
    if (!due) return false;
    const data: ReturnToTeamData = { requestId: request.id, holdId: due.holdId };
    await this.publisher.enqueue(Jobs.returnToTeamDue, data, { jobId: occurrenceJobId(Jobs.returnToTeamDue, request.id, due.holdId), delay: Math.max(0, due.at - Date.now()) });
    return true;
  }
}
