/**
 * The core's buttons as Discord action rows: at most 5 buttons a row and 5 rows a message,
 * labels within 80 characters, custom ids within 100 and unique within the message.
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithCustomId } from 'discord.js';
import type { Button } from '../../src/index.js';
import { encodeCustomId } from './custom-id.js';
import { clip, plainText } from './discord-text.js';

export const BUTTONS_PER_ROW = 5;
export const MAX_ROWS = 5;
export const MAX_LABEL = 80;

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

/** Rows of buttons, and a note for each button that could not be shown. */
export interface RenderedButtons {
  rows: ButtonRow[];
  dropped: string[];
}

const STYLES: Readonly<Record<NonNullable<Button['style']> | 'default', APIButtonComponentWithCustomId['style']>> = {
  primary: ButtonStyle.Primary,
  danger: ButtonStyle.Danger,
  default: ButtonStyle.Secondary,
};

/** Lays buttons out in rows; a button whose id would not fit is dropped, never cut short. */
export function renderButtons(buttons: readonly Button[]): RenderedButtons {
  const dropped: string[] = [];
  const seen = new Set<string>();
  const components: APIButtonComponentWithCustomId[] = [];
  for (const button of buttons) {
    const customId = encodeCustomId(button.actionId, button.value);
    if (customId === null) {
      // A shortened id would name a different round or entry; better no button than a wrong one.
      dropped.push(`"${button.label}": custom id over 100 characters (${button.actionId})`);
      continue;
    }
    if (seen.has(customId)) continue; // Discord rejects a message with two equal ids; the second adds nothing.
    if (components.length >= BUTTONS_PER_ROW * MAX_ROWS) {
      dropped.push(`"${button.label}": more than ${BUTTONS_PER_ROW * MAX_ROWS} buttons`);
      continue;
    }
    seen.add(customId);
    components.push({
      type: ComponentType.Button,
      style: STYLES[button.style ?? 'default'],
      label: clip(plainText(button.label), MAX_LABEL) || '…',
      custom_id: customId,
    });
  }
  const rows: ButtonRow[] = [];
  for (let i = 0; i < components.length; i += BUTTONS_PER_ROW) {
    rows.push({ type: ComponentType.ActionRow, components: components.slice(i, i + BUTTONS_PER_ROW) });
  }
  return { rows, dropped };
}
