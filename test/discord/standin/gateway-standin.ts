/**
 * The gateway half of the Discord stand-in (ws, JSON, no compression): HELLO, IDENTIFY ->
 * READY + GUILD_CREATE, heartbeats answered with ACKs, RESUME -> RESUMED on the same
 * session, and dispatches (INTERACTION_CREATE) sent by the test. A session outlives its
 * socket, so a dropped connection can resume as on Discord.
 */
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';

/** A server with its text channels, sent in GUILD_CREATE. */
export interface StandinGuild {
  id: string;
  name: string;
  channels: { id: string; name: string }[];
}

/** What happened on the gateway, in order: for tests that wait for a resume or a heartbeat. */
export type GatewayEvent = { type: 'identify' | 'resume' | 'heartbeat' | 'rejected'; token: string };

interface Session {
  id: string;
  token: string;
  seq: number;
  socket: WebSocket | null;
}

export interface GatewayStandinOptions {
  tokens: () => readonly string[];
  applicationId: string;
  botUserId: string;
  guilds: readonly StandinGuild[];
  resumeUrl: () => string;
  /** Heartbeat interval sent in HELLO (long by default: tests request beats when they want one). */
  heartbeatIntervalMs?: number;
}

export class GatewayStandin {
  readonly events: GatewayEvent[] = [];
  private readonly sessions = new Map<string, Session>();
  private readonly listeners = new Set<(e: GatewayEvent) => void>();

  constructor(private readonly options: GatewayStandinOptions) {}

  /** A new socket: say HELLO and follow the handshake. */
  accept(socket: WebSocket): void {
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 41_250 } }));
    let session: Session | null = null;
    socket.on('message', (data) => {
      const payload = JSON.parse(String(data)) as { op: number; d: any };
      switch (payload.op) {
        case 1:
          socket.send(JSON.stringify({ op: 11 }));
          if (session) this.emit({ type: 'heartbeat', token: session.token });
          break;
        case 2: {
          const token = String(payload.d?.token ?? '');
          if (!this.options.tokens().includes(token)) {
            this.emit({ type: 'rejected', token });
            socket.close(4004, 'Authentication failed');
            return;
          }
          session = { id: randomUUID(), token, seq: 0, socket };
          this.sessions.set(session.id, session);
          this.send(session, 'READY', this.readyPayload(session));
          for (const guild of this.options.guilds) this.send(session, 'GUILD_CREATE', guildPayload(guild, this.options.botUserId));
          this.emit({ type: 'identify', token });
          break;
        }
        case 6: {
          const known = this.sessions.get(String(payload.d?.session_id));
          if (!known || known.token !== payload.d?.token) {
            socket.send(JSON.stringify({ op: 9, d: false }));
            return;
          }
          session = known;
          session.socket = socket;
          this.send(session, 'RESUMED', {});
          this.emit({ type: 'resume', token: session.token });
          break;
        }
      }
    });
    socket.on('close', () => {
      if (session?.socket === socket) session.socket = null;
    });
  }

  /** Sends a dispatch to the session of `token` (the newest session when omitted). */
  dispatch(t: string, d: unknown, token?: string): void {
    const session = this.session(token);
    if (!session?.socket) throw new Error(`stand-in: no connected gateway session${token ? ` for ${token}` : ''}`);
    this.send(session, t, d);
  }

  /** Cuts the session's socket without a close frame, as a network failure would. */
  drop(token?: string): void {
    this.session(token)?.socket?.terminate();
  }

  /** Asks the client for a heartbeat now (op 1), as Discord may. */
  requestHeartbeat(token?: string): void {
    this.session(token)?.socket?.send(JSON.stringify({ op: 1, d: null }));
  }

  /** Resolves when an event of `type` happens (from now on); rejects after `timeoutMs`. */
  next(type: GatewayEvent['type'], timeoutMs = 5000): Promise<GatewayEvent> {
    return new Promise((resolve, reject) => {
      const listener = (e: GatewayEvent): void => {
        if (e.type !== type) return;
        this.listeners.delete(listener);
        clearTimeout(timer);
        resolve(e);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`stand-in: no gateway ${type} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.listeners.add(listener);
    });
  }

  private session(token?: string): Session | undefined {
    const all = [...this.sessions.values()].filter((s) => token === undefined || s.token === token);
    return all[all.length - 1];
  }

  private emit(event: GatewayEvent): void {
    this.events.push(event);
    for (const listener of [...this.listeners]) listener(event);
  }

  private send(session: Session, t: string, d: unknown): void {
    session.seq++;
    session.socket?.send(JSON.stringify({ op: 0, t, s: session.seq, d }));
  }

  private readyPayload(session: Session): unknown {
    return {
      v: 10,
      user: { id: this.options.botUserId, username: 'meshbot', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 },
      guilds: this.options.guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.options.resumeUrl(),
      shard: [0, 1],
      application: { id: this.options.applicationId, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
      user_settings: {},
      geo_ordered_rtc_regions: [],
      guild_join_requests: [],
    };
  }
}

function guildPayload(guild: StandinGuild, botUserId: string): unknown {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    owner_id: '100000000000000001',
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [{ id: guild.id, name: '@everyone', permissions: '84992', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    system_channel_flags: 0,
    premium_tier: 0,
    preferred_locale: 'en-US',
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: 1,
    voice_states: [],
    members: [{ user: { id: botUserId, username: 'meshbot', discriminator: '0', global_name: null, avatar: null, bot: true }, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 }],
    channels: guild.channels.map((c, position) => ({ id: c.id, type: 0, guild_id: guild.id, name: c.name, position, permission_overwrites: [], nsfw: false, parent_id: null, topic: null, last_message_id: null, rate_limit_per_user: 0 })),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
