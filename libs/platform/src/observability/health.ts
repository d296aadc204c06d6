import { Controller, Get, Inject, Injectable } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { PRODUCER_REDIS, QueueRegistry } from '@support/messaging';
import type { Cluster } from 'ioredis';
import type IORedis from 'ioredis';
import { WorkerWatch } from './worker-watch';

@Injectable()
export class RedisHealthIndicator {
  constructor(
    @Inject(PRODUCER_REDIS) private readonly redis: IORedis | Cluster,
    private readonly queues: QueueRegistry,
    private readonly indicators: HealthIndicatorService,
  ) {}

  /**
   * A read of a key under the queue prefix, not a PING: on a cluster a PING answers from any node,
   * while this goes to the master that holds the queues' slot, so a failover shows as down.
   */
  async check(key = 'redis') {
    const indicator = this.indicators.check(key);
    try {
      await Promise.race([this.redis.exists(`${this.queues.prefix}:health`), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}

/** Down while a stage worker of this process takes no jobs (WorkerWatch), naming its queues. */
@Injectable()
export class WorkersHealthIndicator {
  constructor(
    private readonly watch: WorkerWatch,
    private readonly indicators: HealthIndicatorService,
  ) {}

  check(key = 'workers') {
    const stalled = this.watch.stalled();
    const indicator = this.indicators.check(key);
    return stalled.length ? indicator.down({ message: 'a worker takes no jobs: restart the process', stalled }) : indicator.up();
  }
}

/** GET /health: Redis, the database and this process's workers, as load balancers and operators expect (503 when down). */
@ApiTags('operations')
@SkipThrottle({ public: true }) // load balancers and scrapers call these often: never rate limited
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly workers: WorkersHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({
    operationId: 'checkHealth',
    summary:
      "Redis, the database and this process's stage workers: 200 when all are up, 503 when one is down (a worker is down when it has taken no jobs for WORKER_STALL_MS while its queue held ready ones)",
    security: [],
  })
  check() {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 2000 }), () => this.redis.check(), () => this.workers.check()]);
  }
}
