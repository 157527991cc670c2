import { buttonsOf, type Button, type ConsoleTranscript, type Message } from '../../src/index.js';
import { renderText } from './render-text.js';
import type { ImageSaver } from './save-images.js';

/** A bot message as the console shows it. */
export interface ConsoleMessage {
  id: string;
  channel: string;
  /** The one user who can see it (ephemeral), or null for everyone in the channel. */
  visibleTo: string | null;
  text: string;
  buttons: Button[];
}

/** Prints a message as the console prints it (JSON line or readable text). */
export type Printer = (message: ConsoleMessage) => void;

/** How many earlier messages a restarted console takes back, for `click N`. */
const RESTORED_MESSAGES = 500;

/**
 * Every message the bot has shown in this console, so `click N` can find the newest
 * message with buttons that a user can see. Edits re-print under the same id.
 */
export class Transcript {
  private readonly messages: ConsoleMessage[] = [];
  private counter = 0;
  private nextId: () => Promise<string> = async () => `m${++this.counter}`;
  private saved: ConsoleTranscript | null = null;

  /** `saveImages` writes a message's pictures to files; without it a picture is listed by its description only. */
  constructor(
    private readonly print: Printer,
    private readonly saveImages: ImageSaver | null = null,
  ) {}

  /** Where message ids come from: the database, so ids stay unique across restarts. */
  useIds(nextId: () => Promise<string>): void {
    this.nextId = nextId;
  }

  /**
   * Keeps messages in the database and takes back the ones shown before a restart (not
   * printed again), as a chat platform keeps the bot's messages while the bot is down.
   */
  async useStore(saved: ConsoleTranscript): Promise<void> {
    this.saved = saved;
    this.messages.unshift(...(await saved.recent(RESTORED_MESSAGES)));
  }

  async add(channel: string, visibleTo: string | null, message: Message): Promise<ConsoleMessage> {
    const id = await this.nextId();
    const shown: ConsoleMessage = { id, channel, visibleTo, text: await this.textWithPictures(id, message), buttons: buttonsOf(message) };
    await this.show(shown);
    return shown;
  }

  /** The message's text, then one line per picture: where its file is, and what it shows. */
  private async textWithPictures(id: string, message: Message): Promise<string> {
    const images = message.images ?? [];
    if (images.length === 0) return renderText(message);
    const paths = this.saveImages ? await this.saveImages(id, images) : images.map(() => null);
    const lines = images.map((image, i) => `Picture: ${paths[i] ?? image.name} (${image.width}x${image.height}) — ${image.alt}`);
    return [renderText(message), ...lines].join('\n');
  }

  /** Replaces a message's content; an id from an earlier run is shown as a new message. */
  async replace(id: string, channel: string, visibleTo: string | null, message: Message): Promise<ConsoleMessage> {
    const index = this.messages.findIndex((m) => m.id === id);
    const shown: ConsoleMessage = { id, channel, visibleTo, text: renderText(message), buttons: buttonsOf(message) };
    if (index >= 0) this.messages.splice(index, 1);
    await this.show(shown);
    return shown;
  }

  private async show(shown: ConsoleMessage): Promise<void> {
    this.messages.push(shown);
    await this.saved?.save(shown);
    this.print(shown);
  }

  /** The newest message in the channel that the user can see and that has buttons. */
  newestWithButtons(channel: string, user: string): ConsoleMessage | undefined {
    for (let i = this.messages.length - 1; i >= 0; i--) {
      const m = this.messages[i]!;
      if (m.channel === channel && (m.visibleTo === null || m.visibleTo === user) && m.buttons.length > 0) return m;
    }
    return undefined;
  }
}
