import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import IORedis from 'ioredis';
import { waitFor } from './wait';

const MASTERS = 3;
/** How long a silent master has before its replica takes over (redis' default is 15 s; 1.5 s keeps the test short). */
export const NODE_TIMEOUT_MS = 1500;

/** Is this loopback port free (nothing listens, we may bind it)? */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Six consecutive ports from a random base in 7100–9899, each free with its cluster-bus port
 * (port + 10000): far from 6379 and below the OS's ephemeral range, so clashes are unlikely.
 */
async function freeClusterPorts(n: number): Promise<number[]> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 7100 + Math.floor(Math.random() * (2800 - n));
    const ports = Array.from({ length: n }, (_, i) => base + i);
    const free = await Promise.all(ports.flatMap((p) => [portIsFree(p), portIsFree(p + 10000)]));
    if (free.every(Boolean)) return ports;
  }
  throw new Error(`no ${n} free ports (with their bus ports) in 7100-9899`);
}

/** One line of CLUSTER NODES, the fields we read. */
interface ClusterNode {
  id: string;
  port: number;
  flags: string[];
  masterId: string | null;
  slots: [number, number][];
}

function parseNodes(text: string): ClusterNode[] {
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const [id, address, flags, master, , , , , ...slots] = line.split(' ');
      return {
        id,
        port: Number(/:(\d+)@/.exec(address)?.[1]),
        flags: flags.split(','),
        masterId: master === '-' ? null : master,
        // "0-5460" or "5461"; "[slot->-id]" entries (migrating/importing) are not owned slots.
        slots: slots
          .filter((s) => !s.startsWith('['))
          .map((s) => s.split('-').map(Number) as [number, number])
          .map(([a, b]) => [a, b ?? a] as [number, number]),
      };
    });
}

/**
 * A real Redis Cluster of the test's own on loopback: 3 masters, each with one replica, AOF on, in
 * a temporary directory that stop() deletes. Never the shared Redis.
 */
export class OwnRedisCluster {
  private readonly children = new Map<number, ChildProcess>();

  private constructor(
    readonly ports: number[],
    private readonly dir: string,
  ) {}

  /** REDIS_URL for the system: every node, so ioredis finds the cluster while any of them answers. */
  get url(): string {
    return `redis+cluster://${this.ports.map((p) => `127.0.0.1:${p}`).join(',')}`;
  }

  static async start(): Promise<OwnRedisCluster> {
    const cluster = new OwnRedisCluster(await freeClusterPorts(MASTERS * 2), mkdtempSync(join(tmpdir(), 'redis-cluster-')));
    try {
      await Promise.all(cluster.ports.map((port) => cluster.launch(port)));
      await promisify(execFile)('redis-cli', ['--cluster', 'create', ...cluster.ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '1', '--cluster-yes'], { timeout: 30_000 });
      await cluster.waitHealthy();
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  private async launch(port: number): Promise<void> {
    const dir = join(this.dir, String(port));
    mkdirSync(dir);
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'no', '--dir', dir, '--appendonly', 'yes', '--save', ''];
    args.push('--cluster-enabled', 'yes', '--cluster-config-file', join(dir, 'nodes.conf'), '--cluster-node-timeout', String(NODE_TIMEOUT_MS));
    // Redis waits 5 s before a replica's first (diskless) sync; a replica that never synced refuses to take over.
    args.push('--repl-diskless-sync-delay', '0');
    this.children.set(port, spawn('redis-server', args, { stdio: 'ignore' }));
    await waitFor(() => this.run(port, (r) => r.ping()).then((p) => p === 'PONG'), `redis-server on port ${port}`, 10_000, 50);
  }

  /** The nodes still running. */
  live(): number[] {
    return this.ports.filter((p) => this.children.has(p));
  }

  /** One command on a short-lived connection to one node (not cluster-aware: no redirects). */
  async run<T>(port: number, command: (redis: IORedis) => Promise<T>): Promise<T> {
    const redis = new IORedis({ host: '127.0.0.1', port, maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      return await command(redis);
    } finally {
      redis.disconnect();
    }
  }

  /** The cluster as one live node sees it. */
  async nodes(): Promise<ClusterNode[]> {
    return parseNodes((await this.run(this.live()[0], (r) => r.call('CLUSTER', 'NODES'))) as string);
  }

  /**
   * Every live node says cluster_state:ok, every live replica has synced with its master (one that
   * never did would refuse to take over: its data counts as too old), and all 16384 slots are
   * served by masters that are not failing.
   */
  async waitHealthy(timeoutMs = 20_000): Promise<void> {
    await waitFor(
      async () => {
        for (const port of this.live()) {
          const info = (await this.run(port, (r) => r.call('CLUSTER', 'INFO'))) as string;
          if (!/cluster_state:ok/.test(info)) return false;
          const replication = await this.run(port, (r) => r.info('replication'));
          if (/role:slave/.test(replication) && !/master_link_status:up/.test(replication)) return false;
        }
        const served = (await this.nodes()).filter((n) => n.flags.includes('master') && !n.flags.some((f) => f.startsWith('fail')));
        return served.flatMap((n) => n.slots).reduce((sum, [a, b]) => sum + b - a + 1, 0) === 16384;
      },
      'the redis cluster to be ok on every node',
      timeoutMs,
      100,
    );
  }

  /** The master serving the slot of `key` (a hash tag like `{prefix}` picks the slot) and its replicas. */
  async masterOf(key: string): Promise<{ port: number; replicas: number[] }> {
    const slot = Number(await this.run(this.live()[0], (r) => r.call('CLUSTER', 'KEYSLOT', key)));
    const nodes = await this.nodes();
    const master = nodes.find((n) => n.flags.includes('master') && !n.flags.some((f) => f.startsWith('fail')) && n.slots.some(([a, b]) => slot >= a && slot <= b));
    if (!master) throw new Error(`no live master serves slot ${slot}`);
    return { port: master.port, replicas: nodes.filter((n) => n.masterId === master.id && !n.flags.some((f) => f.startsWith('fail'))).map((n) => n.port) };
  }

  /** Commands processed and CPU used so far by each live master, by port: where the load goes. */
  async masterLoad(): Promise<Record<number, { commands: number; cpuMs: number }>> {
    const masters = (await this.nodes()).filter((n) => n.flags.includes('master') && !n.flags.some((f) => f.startsWith('fail')));
    const load: Record<number, { commands: number; cpuMs: number }> = {};
    for (const { port } of masters) {
      const info = await this.run(port, (r) => r.info());
      const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
      load[port] = { commands: field('total_commands_processed'), cpuMs: Math.round((field('used_cpu_user') + field('used_cpu_sys')) * 1000) };
    }
    return load;
  }

  /**
   * kill -9 the master serving `key`, then waits until one of its replicas serves the slot and the
   * cluster is ok again. Answers the ports and how long the slot had no master (kill to ok).
   */
  async killMasterOf(key: string): Promise<{ killed: number; promoted: number; failoverMs: number }> {
    const { port, replicas } = await this.masterOf(key);
    if (replicas.length === 0) throw new Error(`the master on ${port} has no replica to take over`);
    const killedAt = Date.now();
    await this.kill(port);
    const promoted = await waitFor(
      async () => {
        const now = await this.masterOf(key).catch(() => null);
        return now && now.port !== port ? now.port : null;
      },
      `a replica of ${port} to take over`,
      NODE_TIMEOUT_MS * 10,
      50,
    );
    await this.waitHealthy();
    return { killed: port, promoted, failoverMs: Date.now() - killedAt };
  }

  /** SIGKILL one node: no shutdown, no last AOF write. */
  private async kill(port: number): Promise<void> {
    const child = this.children.get(port);
    this.children.delete(port);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async stop(): Promise<void> {
    await Promise.all([...this.children.keys()].map((port) => this.kill(port)));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
