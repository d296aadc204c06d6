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

/**
 * Admin only: `Authorization: Bearer <admin key>`, or HTTP Basic with the admin key as password (for browsers).
 * Outside Nest's guards, so the failed-authentication lock-out (AUTH_FAILURE_LIMIT) is applied here.
 */
function adminOnly(keys: KeyService, limiter: AuthFailureLimiter, queues: () => DashboardQueues) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const basic = /^Basic\s+(\S+)$/i.exec(header)?.[1];
    const key = bearer ?? (basic ? Buffer.from(basic, 'base64').toString().split(':').slice(1).join(':') : undefined);
    const refuse = (seconds: number) => {
      res.setHeader('Retry-After', String(seconds));
      res.status(429).json({ statusCode: 429, error: 'Too Many Requests', message: `too many failed authentications with this key or from this address; retry after ${seconds} s` });
    };
    const locked = await limiter.lockedFor(req.ip, key ?? null);
    if (locked > 0) return refuse(locked);
    const principal = key ? await keys.resolve(key).catch(() => null) : null;
    if (!principal && key) {
      const lockedNow = await limiter.failed(req.ip, key);
      if (lockedNow > 0) return refuse(lockedNow);
    }
    if (principal?.kind !== 'admin') {
      res.setHeader('WWW-Authenticate', 'Basic realm="queues"');
      res.status(principal ? 403 : 401).json({ statusCode: principal ? 403 : 401, message: 'the queue dashboard needs the admin key' });
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
