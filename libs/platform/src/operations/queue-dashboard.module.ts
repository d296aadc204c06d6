import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { type BullBoardInstance, BullBoardModule, InjectBullBoard } from '@bull-board/nestjs';
import { Injectable, Module } from '@nestjs/common';
import { Queues, teamQueueName } from '@support/contracts';
import { QueueRegistry } from '@support/messaging';
import { ReferenceStore } from '@support/persistence';
import type { NextFunction, Request, Response } from 'express';
import { KeyService } from '../auth';
import { AuthFailureLimiter } from '../rate-limit/auth-failure-limiter';
import { adminPageRefusal } from './admin-page-auth';

const REFRESH_MS = 10_000;

/** Keeps the dashboard's list of queues current: the stage queues and one per team (teams are data). */
@Injectable()
export class DashboardQueues {
  private refreshedAt = 0;

  constructor(
    @InjectBullBoard() private readonly board: BullBoardInstance,
    private readonly queues: QueueRegistry,
    private readonly reference: ReferenceStore,
  ) {}

  async refresh(): Promise<void> {
    if (Date.now() - this.refreshedAt < REFRESH_MS) return;
    this.refreshedAt = Date.now();
    const names = [...Object.values(Queues), ...(await this.reference.teams()).map((t) => teamQueueName(t.id))];
    this.board.replaceQueues(names.map((name) => new BullMQAdapter(this.queues.get(name))));
  }
}

/** Admin only (admin-page-auth.ts): outside Nest's guards, so the refusal is answered here. */
function adminOnly(keys: KeyService, limiter: AuthFailureLimiter, queues: () => DashboardQueues) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const refusal = await adminPageRefusal(req, res, keys, limiter, 'queues');
    if (refusal) {
      res.status(refusal.getStatus()).json(refusal.getResponse());
      return;
    }
    await queues().refresh();
    next();
  };
}

let current: DashboardQueues | null = null;

@Injectable()
class DashboardRegistration {
  constructor(dashboard: DashboardQueues) {
    current = dashboard;
  }
}

/** The queue dashboard at /admin/queues (bull-board). */
@Module({
  imports: [
    BullBoardModule.forRootAsync({
      useFactory: (keys: KeyService, limiter: AuthFailureLimiter) => ({
        route: '/admin/queues',
        adapter: ExpressAdapter,
        middleware: adminOnly(keys, limiter, () => current as DashboardQueues),
      }),
      inject: [KeyService, AuthFailureLimiter],
    }),
  ],
  providers: [DashboardQueues, DashboardRegistration],
})
export class QueueDashboardModule {}
