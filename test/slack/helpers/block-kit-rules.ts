/**
 * Slack's Block Kit rules the stand-in enforces, as Slack answers `invalid_blocks` when
 * they are broken (docs.slack.dev, "Block Kit reference": blocks, elements, composition
 * objects and their limits). Not every rule Slack has: every one meshbot's blocks could
 * break. No vitest imports: the stand-in uses it.
 */

type Json = Record<string, unknown>;

/** Where blocks appear: a message holds 50, a Home tab or modal view 100. */
export type Surface = 'message' | 'home';

const MAX_BLOCKS: Readonly<Record<Surface, number>> = { message: 50, home: 100 };

/** Every rule a list of blocks breaks; empty when Slack would accept it. */
export function blockKitProblems(blocks: unknown, surface: Surface): string[] {
  const problems: string[] = [];
  if (!Array.isArray(blocks)) return ['blocks must be an array'];
  if (blocks.length > MAX_BLOCKS[surface]) problems.push(`${blocks.length} blocks: at most ${MAX_BLOCKS[surface]} on a ${surface}`);
  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  blocks.forEach((raw, i) => {
    const at = `blocks[${i}]`;
    const block = raw as Json;
    const id = block['block_id'];
    if (id !== undefined) {
      if (typeof id !== 'string' || id.length === 0 || id.length > 255) problems.push(`${at}.block_id must be 1-255 characters`);
      else if (blockIds.has(id)) problems.push(`${at}.block_id ${id} repeats`);
      else blockIds.add(id);
    }
    switch (block['type']) {
      case 'header':
        problems.push(...textObject(block['text'], `${at}.text`, { max: 150, plainOnly: true }));
        break;
      case 'section': {
        const fields = block['fields'];
        if (block['text'] === undefined && fields === undefined) problems.push(`${at} needs text or fields`);
        if (block['text'] !== undefined) problems.push(...textObject(block['text'], `${at}.text`, { max: 3000 }));
        if (fields !== undefined) {
          if (!Array.isArray(fields) || fields.length === 0 || fields.length > 10) problems.push(`${at}.fields must hold 1-10 items`);
          else fields.forEach((f, j) => problems.push(...textObject(f, `${at}.fields[${j}]`, { max: 2000 })));
        }
        break;
      }
      case 'context': {
        const elements = block['elements'];
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > 10) problems.push(`${at}.elements must hold 1-10 items`);
        else elements.forEach((e, j) => problems.push(...textObject(e, `${at}.elements[${j}]`, { max: 3000 })));
        break;
      }
      case 'actions': {
        const elements = block['elements'];
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > 25) problems.push(`${at}.elements must hold 1-25 items`);
        else elements.forEach((e, j) => problems.push(...button(e as Json, `${at}.elements[${j}]`, actionIds)));
        break;
      }
      case 'divider':
        break;
      case 'image':
        if (typeof block['alt_text'] !== 'string' || (block['alt_text'] as string).length > 2000) problems.push(`${at}.alt_text is required (at most 2000 characters)`);
        break;
      default:
        problems.push(`${at}.type ${String(block['type'])} is not a block meshbot may send`);
    }
  });
  return problems;
}

/** A Home tab view as views.publish takes it. */
export function homeViewProblems(view: unknown): string[] {
  const v = (typeof view === 'string' ? JSON.parse(view) : view) as Json | null;
  if (!v || v['type'] !== 'home') return ['view.type must be "home"'];
  const problems = blockKitProblems(v['blocks'], 'home');
  if (typeof v['private_metadata'] === 'string' && (v['private_metadata'] as string).length > 3000) problems.push('view.private_metadata is over 3000 characters');
  if (typeof v['callback_id'] === 'string' && (v['callback_id'] as string).length > 255) problems.push('view.callback_id is over 255 characters');
  return problems;
}

function textObject(raw: unknown, at: string, rule: { max: number; plainOnly?: boolean }): string[] {
  const t = raw as Json | undefined;
  if (!t || typeof t !== 'object') return [`${at} must be a text object`];
  const type = t['type'];
  if (type !== 'plain_text' && (rule.plainOnly || type !== 'mrkdwn')) return [`${at}.type must be ${rule.plainOnly ? 'plain_text' : 'plain_text or mrkdwn'}`];
  const text = t['text'];
  if (typeof text !== 'string' || text.length === 0) return [`${at}.text must not be empty`];
  if (text.length > rule.max) return [`${at}.text is ${text.length} characters: at most ${rule.max}`];
  return [];
}

function button(e: Json, at: string, actionIds: Set<string>): string[] {
  if (e['type'] !== 'button') return [`${at}.type ${String(e['type'])} is not a button`];
  const problems = textObject(e['text'], `${at}.text`, { max: 75, plainOnly: true });
  const id = e['action_id'];
  if (typeof id !== 'string' || id.length === 0 || id.length > 255) problems.push(`${at}.action_id must be 1-255 characters`);
  else if (actionIds.has(id)) problems.push(`${at}.action_id ${id} repeats (action ids are unique within a view or message)`);
  else actionIds.add(id);
  if (e['value'] !== undefined && (typeof e['value'] !== 'string' || (e['value'] as string).length > 2000)) problems.push(`${at}.value is over 2000 characters`);
  if (e['style'] !== undefined && e['style'] !== 'primary' && e['style'] !== 'danger') problems.push(`${at}.style must be primary or danger`);
  return problems;
}
