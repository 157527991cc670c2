/**
 * Block Kit rendering of the neutral message model: escaping, Slack's limits, tables.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBanks, type Block, type Message } from '../../src/index.js';
import { decodeActionId, encodeActionId, renderMessage, SLACK_LIMITS } from '../../adapters/slack/render-blocks.js';

// Rendered Block Kit JSON, read loosely in assertions.
type Json = Record<string, any>;

const message = (...blocks: Block[]): Message => ({ text: 'fallback', blocks });
const sections = (m: Message): string[] => (renderMessage(m).blocks as Json[]).filter((b) => b.type === 'section' && b.text).map((b) => b.text.text as string);
const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Every limit this adapter promises to keep, checked on one rendered message. */
function expectWithinLimits(m: Message): void {
  const { text, blocks } = renderMessage(m);
  expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
  expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  const ids = new Set<string>();
  for (const block of blocks as Json[]) {
    if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    for (const element of block.type === 'actions' ? (block.elements as Json[]) : []) {
      expect(element.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
      expect(element.action_id.length).toBeLessThanOrEqual(SLACK_LIMITS.actionId);
      expect(ids.has(element.action_id)).toBe(false);
      ids.add(element.action_id);
    }
  }
}

describe('rendering for Slack', () => {
  it('escapes user text so <!channel> and <@U…> are shown, never acted on', () => {
    const rendered = renderMessage({ text: 'No match for <!channel>', blocks: [{ type: 'text', text: 'No match for "<!channel> & <@U0BOB>"' }] });

    expect(rendered.text).toBe('No match for &lt;!channel&gt;');
    expect(sections({ text: '', blocks: [{ type: 'text', text: '<!channel> & <@U0BOB>' }] })).toEqual(['&lt;!channel&gt; &amp; &lt;@U0BOB&gt;']);
  });

  it('never lets markup through and never loses words, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 7000 }), (text) => {
        const pieces = sections(message({ type: 'text', text }));
        for (const piece of pieces) {
          expect(piece).not.toMatch(/[<>]/);
          expect(piece.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
        }
        expect(unescape(pieces.join(' ')).replace(/\s+/g, '')).toBe(text.trim() === '' ? '' : text.replace(/\s+/g, ''));
      }),
      { numRuns: 200 },
    );
  });

  it('splits a long answer into sections of at most 3,000 characters, at paragraph breaks', () => {
    const paragraph = 'Retries multiply load. '.repeat(60).trim();
    const pieces = sections(message({ type: 'text', text: Array.from({ length: 5 }, () => paragraph).join('\n\n') }));

    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(3000);
      expect(piece.endsWith('load.')).toBe(true);
    }
  });

  it('keeps a message within 50 blocks, keeping its buttons and saying it was shortened', () => {
    const many: Block[] = Array.from({ length: 70 }, (_, i) => ({ type: 'text', text: `paragraph ${i}` }));
    const rendered = renderMessage(message(...many, { type: 'buttons', buttons: [{ label: 'Show full answer', actionId: 'ask.more', value: 'mesh-q7' }] }));

    expect(rendered.blocks).toHaveLength(50);
    expect(rendered.blocks.at(-1)).toMatchObject({ type: 'actions' });
    expect(JSON.stringify(rendered.blocks)).toContain('Shortened to fit in Slack');
  });

  it('gives buttons with the same action unique action ids that decode back, and passes values through', () => {
    const rendered = renderMessage(
      message({
        type: 'buttons',
        buttons: [
          { label: 'A', actionId: 'quiz.answer', value: '41:0' },
          { label: 'B', actionId: 'quiz.answer', value: '41:1' },
        ],
      }),
    );
    const elements = (rendered.blocks[0] as Json).elements as Json[];

    expect(elements.map((e) => e.action_id)).toEqual(['quiz.answer~0', 'quiz.answer~1']);
    expect(elements.map((e) => decodeActionId(e.action_id))).toEqual(['quiz.answer', 'quiz.answer']);
    expect(elements.map((e) => e.value)).toEqual(['41:0', '41:1']);
  });

  it('keeps action ids within 255 characters and button labels within 75', () => {
    const long = 'x'.repeat(400);
    const rendered = renderMessage(message({ type: 'buttons', buttons: [{ label: long, actionId: long, value: 'v' }] }));
    const [button] = (rendered.blocks[0] as Json).elements as Json[];

    expect(button!.action_id.length).toBe(255);
    expect(button!.text.text.length).toBe(75);
    expect(encodeActionId('ask.open', 3)).toBe('ask.open~3');
  });

  it('renders a narrow table as an aligned monospace block', () => {
    const [table] = sections(message({ type: 'table', header: ['#', 'name', 'points'], rows: [['1', 'alice', '25'], ['2', 'bob', '10']] }));

    expect(table).toBe('```\n#  name   points\n-  -----  ------\n1  alice  25\n2  bob    10\n```');
  });

  it("renders the bank's wide comparison tables as one readable paragraph per row", () => {
    const header = ['Aspect', 'API Gateway', 'Service Mesh'];
    const rows = [['Traffic direction', 'North-south (ingress)', 'East-west (internal)'], ['Typical features', 'Rate limiting, API keys, transformation, versioning', 'mTLS, retries/timeouts, circuit breaking, tracing']];

    const [table] = sections(message({ type: 'table', header, rows }));

    expect(table).toBe(
      '*Traffic direction*\nAPI Gateway: North-south (ingress)\nService Mesh: East-west (internal)\n\n*Typical features*\nAPI Gateway: Rate limiting, API keys, transformation, versioning\nService Mesh: mTLS, retries/timeouts, circuit breaking, tracing',
    );
  });

  it('splits fields into sections of at most 10', () => {
    const fields = Array.from({ length: 12 }, (_, i) => ({ label: `L${i}`, value: `v${i}` }));
    const rendered = renderMessage(message({ type: 'fields', fields }));

    expect((rendered.blocks as Json[]).map((b) => b.fields.length)).toEqual([10, 2]);
  });

  it('renders every entry of the seed bank, in full, within Slack limits', () => {
    for (const entry of loadBanks('data/banks').flatMap((b) => b.entries)) {
      const answer: Block[] = entry.answer.map((a) => (a.kind === 'text' ? { type: 'text', text: a.text } : { type: 'table', header: a.header, rows: a.rows }));
      expectWithinLimits({ text: entry.question, blocks: [{ type: 'header', text: entry.title }, { type: 'text', text: entry.question }, ...answer] });
    }
  });
});
