import type { types } from '@slack/bolt';
import type { Block, Button, Message } from '../../src/index.js';
import { clamp, escapeMrkdwn, splitText } from './mrkdwn.js';
import { renderTable } from './render-table.js';

type SlackBlock = types.KnownBlock;

/** Slack's Block Kit limits (docs.slack.dev, "Block Kit reference"). */
export const SLACK_LIMITS = Object.freeze({
  blocks: 50,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  elementsPerActions: 25,
  contextText: 3000,
  /** The top-level `text` fallback: Slack truncates near 40,000; notifications show far less. */
  fallbackText: 3000,
});

/** A neutral message rendered for Slack: a text fallback and Block Kit blocks. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** Joins the core's action id and the button's position: Slack wants action ids unique within a message. */
const ACTION_SEPARATOR = '~';

/** The Slack action id of a button: the core's id plus its position, within 255 characters. */
export function encodeActionId(actionId: string, position: number): string {
  const suffix = `${ACTION_SEPARATOR}${position}`;
  return `${actionId.slice(0, SLACK_LIMITS.actionId - suffix.length)}${suffix}`;
}

/** The core's action id back from a Slack action id (ids without a position pass unchanged). */
export function decodeActionId(slackActionId: string): string {
  const match = /^(.*)~\d{1,3}$/s.exec(slackActionId);
  return match ? match[1]! : slackActionId;
}

/**
 * Renders a neutral message as Block Kit within Slack's limits: long text is split into
 * several sections, tables become readable text, and a message over 50 blocks is cut in
 * the middle (keeping its buttons) with a note saying so.
 */
export function renderMessage(message: Message): SlackMessage {
  const blocks: SlackBlock[] = [];
  let position = 0;
  for (const block of message.blocks) {
    const rendered = renderBlock(block, position);
    if (block.type === 'buttons') position += block.buttons.length;
    blocks.push(...rendered);
  }
  return { text: fallbackText(message), blocks: fitBlockCount(blocks) };
}

/** The longest text we send as a message's text (an upload's initial comment); Slack's own limit is far above. */
const COMMENT_MAX = 12_000;

/**
 * A message as one mrkdwn text, for where Slack takes text but not blocks (the comment
 * that shares uploaded pictures): headers in bold, tables as monospace, context in
 * italics, buttons left out (nothing that carries pictures has any).
 */
export function messageMrkdwn(message: Message): string {
  const lines = message.blocks.flatMap((block): string[] => {
    switch (block.type) {
      case 'header':
        return block.text.trim() === '' ? [] : [`*${escapeMrkdwn(oneLine(block.text))}*`];
      case 'context':
        return block.text.trim() === '' ? [] : [`_${escapeMrkdwn(oneLine(block.text))}_`];
      case 'divider':
        return ['———'];
      case 'buttons':
        return [];
      default:
        return renderBlock(block, 0).flatMap((b) => (b.type === 'section' ? [b.text?.text ?? '', ...(b.fields ?? []).map((f) => f.text)] : []));
    }
  });
  return clamp(lines.filter((l) => l !== '').join('\n'), COMMENT_MAX);
}

function fallbackText(message: Message): string {
  const firstText = message.blocks.find((b): b is Extract<Block, { text: string }> => 'text' in b && typeof b.text === 'string');
  const text = message.text.trim() !== '' ? message.text : (firstText?.text ?? ' ');
  return clamp(escapeMrkdwn(text), SLACK_LIMITS.fallbackText);
}

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text, verbatim: true } };
}

function renderBlock(block: Block, position: number): SlackBlock[] {
  switch (block.type) {
    case 'header':
      return [{ type: 'header', text: { type: 'plain_text', text: clamp(oneLine(block.text) || ' ', SLACK_LIMITS.headerText), emoji: false } }];
    case 'text':
      if (block.text.trim() === '') return [];
      return splitText(escapeMrkdwn(block.text), SLACK_LIMITS.sectionText).map(section);
    case 'context':
      if (block.text.trim() === '') return [];
      return [{ type: 'context', elements: [{ type: 'mrkdwn', text: clamp(escapeMrkdwn(block.text), SLACK_LIMITS.contextText), verbatim: true }] }];
    case 'fields':
      return chunk(block.fields, SLACK_LIMITS.fieldsPerSection).map((fields) => ({
        type: 'section',
        fields: fields.map((f) => ({ type: 'mrkdwn', text: clamp(`*${escapeMrkdwn(oneLine(f.label))}*\n${escapeMrkdwn(f.value)}`, SLACK_LIMITS.fieldText), verbatim: true })),
      }));
    case 'table':
      return renderTable(block.header, block.rows, SLACK_LIMITS.sectionText).map(section);
    case 'buttons':
      return chunk(block.buttons, SLACK_LIMITS.elementsPerActions).map((buttons, i) => ({
        type: 'actions',
        elements: buttons.map((b, j) => renderButton(b, position + i * SLACK_LIMITS.elementsPerActions + j)),
      }));
    case 'divider':
      return [{ type: 'divider' }];
  }
}

function renderButton(button: Button, position: number): types.Button {
  const rendered: types.Button = {
    type: 'button',
    text: { type: 'plain_text', text: clamp(oneLine(button.label) || '?', SLACK_LIMITS.buttonText), emoji: true },
    action_id: encodeActionId(button.actionId, position),
    // Passed through untouched: the core's values are opaque ids and never say what is right.
    value: button.value.slice(0, SLACK_LIMITS.buttonValue),
  };
  if (button.style) rendered.style = button.style;
  return rendered;
}

/**
 * Keeps a message within Slack's 50 blocks: every actions block stays (they are what
 * people click), the content in between is kept in order until the budget runs out,
 * and a context line marks where it was cut.
 */
function fitBlockCount(blocks: SlackBlock[]): SlackBlock[] {
  if (blocks.length <= SLACK_LIMITS.blocks) return blocks;
  const actions = blocks.filter((b) => b.type === 'actions').length;
  let budget = SLACK_LIMITS.blocks - actions - 1;
  const kept: SlackBlock[] = [];
  let noted = false;
  for (const block of blocks) {
    if (block.type === 'actions') kept.push(block);
    else if (budget > 0) {
      kept.push(block);
      budget--;
    } else if (!noted) {
      kept.push({ type: 'context', elements: [{ type: 'mrkdwn', text: '_Shortened to fit in Slack._' }] });
      noted = true;
    }
  }
  return kept.slice(0, SLACK_LIMITS.blocks);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
