import { Controller, Get, Inject, Injectable } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { PRODUCER_REDIS, QueueRegistry } from '@support/messaging';
import type { Cluster } from 'ioredis';
import type IORedis from 'ioredis';

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

/** GET /health: Redis and the database, as load balancers and operators expect (503 when down). */
@ApiTags('operations')
@SkipThrottle({ public: true }) // load balancers and scrapers call these often: never rate limited
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ operationId: 'checkHealth', summary: 'Redis and the database: 200 when both are up, 503 when either is down', security: [] })
  check() {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 2000 }), () => this.redis.check()]);
  }
}
