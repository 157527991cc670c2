import type { Logger } from '../../src/index.js';
import { LRUCache } from 'lru-cache';
import type { SlackIdentity } from './map-payloads.js';
import type { SlackCalls } from './slack-calls.js';
import { classifyFailure } from './retry-policy.js';

/** What users.info told us about a person. */
interface Person {
  name: string | null;
  isAdmin: boolean;
}

/** What SlackPeople needs: the Web API, the ADMIN_USER_IDS list, and cache sizing. */
export interface SlackPeopleOptions {
  calls: SlackCalls;
  /** ADMIN_USER_IDS: admins everywhere, without asking Slack. */
  adminUserIds: readonly string[];
  logger: Logger;
  /** How long a users.info answer is trusted (default 15 minutes). */
  ttlMs?: number;
  /** How many people are remembered (default 5,000). */
  maxEntries?: number;
  now?: () => number;
}

/** After users.info fails, do not ask again for this long: a missing scope must not cost a call per command. */
const FAILURE_TTL_MS = 60_000;
/** users.info on a person's request path: one quick retry at most. */
const LOOKUP_POLICY = { attempts: 2, budgetMs: 1_500 };

/**
 * Who a Slack user is: a display name and whether they may run admin commands
 * (workspace admins and owners per users.info, and everyone in ADMIN_USER_IDS).
 * Answers are cached, concurrent lookups of one person share one call, and a failed
 * lookup falls back to the payload's name and the ADMIN_USER_IDS list.
 */
export class SlackPeople {
  private readonly admins: ReadonlySet<string>;
  private readonly cache: LRUCache<string, Person>;
  private readonly pending = new Map<string, Promise<Person>>();
  private readonly reportedFailures = new Set<string>();

  constructor(private readonly options: SlackPeopleOptions) {
    this.admins = new Set(options.adminUserIds);
    // Bounded in size and age: a busy workspace cannot grow it, and a changed role shows within the TTL.
    const now = options.now;
    this.cache = new LRUCache<string, Person>({ max: options.maxEntries ?? 5_000, ttl: options.ttlMs ?? 15 * 60_000, ...(now ? { perf: { now } } : {}) });
  }

  /** What is known right now, without calling Slack; undefined if users.info has not answered yet. */
  cached(teamId: string, userId: string, fallbackName: string): SlackIdentity | undefined {
    const person = this.cache.get(`${teamId}:${userId}`);
    return person ? this.identity(userId, person, fallbackName) : undefined;
  }

  /** A best guess without calling Slack: the cache, else the payload's name and ADMIN_USER_IDS. */
  guess(teamId: string, userId: string, fallbackName: string): SlackIdentity {
    return this.cached(teamId, userId, fallbackName) ?? { userName: fallbackName, isAdmin: this.admins.has(userId) };
  }

  /** The person per users.info (cached); never rejects. */
  async resolve(teamId: string, userId: string, fallbackName: string): Promise<SlackIdentity> {
    const key = `${teamId}:${userId}`;
    const person = this.cache.get(key) ?? (await this.lookup(key, userId));
    return this.identity(userId, person, fallbackName);
  }

  /** Starts a lookup in the background so the person's next request finds them cached. */
  warm(teamId: string, userId: string): void {
    const key = `${teamId}:${userId}`;
    if (this.cache.get(key) || this.pending.has(key)) return;
    void this.lookup(key, userId);
  }

  private identity(userId: string, person: Person, fallbackName: string): SlackIdentity {
    return { userName: person.name ?? fallbackName, isAdmin: person.isAdmin || this.admins.has(userId) };
  }

  private lookup(key: string, userId: string): Promise<Person> {
    const running = this.pending.get(key);
    if (running) return running;
    const promise = this.fetchPerson(userId)
      .then((person) => {
        this.cache.set(key, person);
        return person;
      })
      .catch((error: unknown) => {
        const person: Person = { name: null, isAdmin: false };
        this.cache.set(key, person, { ttl: FAILURE_TTL_MS });
        this.reportFailure(error);
        return person;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, promise);
    return promise;
  }

  private async fetchPerson(userId: string): Promise<Person> {
    const result = (await this.options.calls.call('users.info', { user: userId }, LOOKUP_POLICY)) as { user?: SlackUser };
    const user = result.user ?? {};
    const profile = user.profile ?? {};
    const name = [profile.display_name, profile.real_name, user.real_name, user.name].find((n) => typeof n === 'string' && n.trim() !== '');
    return { name: name ?? null, isAdmin: user.is_admin === true || user.is_owner === true || user.is_primary_owner === true };
  }

  /** Logs each kind of failure once (a missing users:read scope would otherwise log on every command). */
  private reportFailure(error: unknown): void {
    const { reason } = classifyFailure(error);
    if (this.reportedFailures.has(reason)) return;
    if (this.reportedFailures.size < 100) this.reportedFailures.add(reason);
    const hint = reason === 'missing_scope' ? ' (add the users:read scope and reinstall the app)' : '';
    this.options.logger.warn({ reason }, `users.info failed${hint}: using the payload's user name, and ADMIN_USER_IDS for admin rights`);
  }
}

interface SlackUser {
  name?: string;
  real_name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  profile?: { display_name?: string; real_name?: string };
}
