import { Module } from '@nestjs/common';
import { RoutingProcessor } from './routing.processor';

/** Routing into team queues (agents' claims and the desk page build on it). */
@Module({ providers: [RoutingProcessor] })
export class AgentDeskModule {}
