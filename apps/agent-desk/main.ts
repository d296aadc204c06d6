import 'reflect-metadata';
import { composeApp, QueueDashboardModule, settingsOrExit, startHttpApp } from '@support/platform';
import { AgentDeskModule } from './src/agent-desk.module';

/** Agent desk alone: routing worker and the agents' HTTP API on AGENT_DESK_PORT (default PORT). */
const settings = settingsOrExit('agent-desk', 'AGENT_DESK_PORT');
void startHttpApp('agent-desk', composeApp(settings, [AgentDeskModule, QueueDashboardModule]), settings);
