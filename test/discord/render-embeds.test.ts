/**
 * Rendering core messages for Discord: every platform limit kept, user text inert,
 * buttons laid out in rows with ids that decode back to the core's action.
 */
import { describe, expect, it } from 'vitest';
import { decodeCustomId, encodeCustomId } from '../../adapters/discord/custom-id.js';
import { LIMITS, renderMessage } from '../../adapters/discord/render-embeds.js';
import type { Button, Message } from '../../src/index.js';

const button = (i: number, value = String(i)): Button => ({ label: `Choice ${i}`, actionId: 'quiz.answer', value });
const embedChars = (m: ReturnType<typeof renderMessage>): number =>
  m.embeds.reduce((sum, e) => sum + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.author?.name.length ?? 0) + (e.footer?.text.length ?? 0), 0);

describe('rendering core messages as Discord embeds', () => {
  it('GIVEN a header and a one-line question THEN the question is the title and the header the line above', () => {
    const rendered = renderMessage({ text: 'q', blocks: [{ type: 'header', text: 'Q7 · Retries' }, { type: 'text', text: 'What goes wrong?' }, { type: 'text', text: 'A retry storm.' }] });

    expect(rendered.embeds).toEqual([{ color: expect.any(Number), author: { name: 'Q7 · Retries' }, title: 'What goes wrong?', description: 'A retry storm.' }]);
  });

  it('GIVEN an answer over 4,096 characters THEN it continues in a second embed within every limit', () => {
    const paragraph = 'word '.repeat(199).trim();
    const message: Message = { text: 'long', blocks: [{ type: 'header', text: 'Q1 · Long' }, ...Array.from({ length: 5 }, () => ({ type: 'text' as const, text: paragraph }))] };

    const rendered = renderMessage(message);

    expect(rendered.embeds.length).toBe(2);
    for (const embed of rendered.embeds) expect(embed.description!.length).toBeLessThanOrEqual(LIMITS.description);
    expect(embedChars(rendered)).toBeLessThanOrEqual(LIMITS.embedsTotal);
    expect(rendered.embeds.map((e) => e.description).join(' ').split(/\s+/).length).toBe(5 * 199);
  });

  it('GIVEN more text than a message can carry THEN it is shortened at a boundary and says so', () => {
    const rendered = renderMessage({ text: 'huge', blocks: Array.from({ length: 20 }, () => ({ type: 'text' as const, text: 'x'.repeat(900) })) });

    expect(embedChars(rendered)).toBeLessThanOrEqual(LIMITS.embedsTotal);
    expect(rendered.embeds.at(-1)!.description).toContain('shortened to fit in Discord');
  });

  it('GIVEN user text with mentions and markdown THEN it can neither ping nor format', () => {
    const rendered = renderMessage({ text: 't', blocks: [{ type: 'text', text: 'No good match for "@everyone <@123> <@&9> **loud** [x](https://evil)".' }] });

    const description = rendered.embeds[0]!.description!;
    expect(description).not.toMatch(/@everyone|<@\d|<@&|\*\*loud\*\*|(?<!\\)\[x\]\(/);
    expect(description.replace(/[\\\u200b]/g, '')).toContain('@everyone <@123> <@&9> **loud** [x](https://evil)');
  });

  it('GIVEN a wide table THEN one readable line per row; GIVEN a narrow one THEN an aligned code block', () => {
    const wide = renderMessage({ text: 't', blocks: [{ type: 'table', header: ['Dimension', 'Sidecar (per-pod)', 'Ambient / eBPF'], rows: [['Proxy count', 'One per workload pod', 'One per node (+ optional L7 waypoint)']] }] });
    const narrow = renderMessage({ text: 't', blocks: [{ type: 'table', header: ['Mesh', 'Proxy'], rows: [['Istio', 'Envoy'], ['Linkerd', 'linkerd2-proxy']] }] });

    expect(wide.embeds[0]!.description).toBe('**Proxy count** — Sidecar (per-pod): One per workload pod · Ambient / eBPF: One per node (+ optional L7 waypoint)');
    expect(narrow.embeds[0]!.description).toBe(['```', 'Mesh    | Proxy', '--------+---------------', 'Istio   | Envoy', 'Linkerd | linkerd2-proxy', '```'].join('\n'));
  });

  it('GIVEN twelve buttons THEN rows of at most five', () => {
    const rendered = renderMessage({ text: 'b', blocks: [{ type: 'buttons', buttons: Array.from({ length: 12 }, (_, i) => button(i)) }] });

    expect(rendered.components.map((row) => row.components.length)).toEqual([5, 5, 2]);
  });

  it('GIVEN thirty buttons THEN twenty-five are shown and the rest reported as dropped', () => {
    const rendered = renderMessage({ text: 'b', blocks: [{ type: 'buttons', buttons: Array.from({ length: 30 }, (_, i) => button(i)) }] });

    expect(rendered.components.flatMap((row) => row.components)).toHaveLength(25);
    expect(rendered.dropped).toHaveLength(5);
  });

  it('GIVEN a label over 80 characters THEN it is cut with an ellipsis', () => {
    const rendered = renderMessage({ text: 'b', blocks: [{ type: 'buttons', buttons: [{ label: 'L'.repeat(120), actionId: 'ask.open', value: 'mesh-q1' }] }] });

    const label = rendered.components[0]!.components[0]!.label!;
    expect(label).toHaveLength(80);
    expect(label.endsWith('…')).toBe(true);
  });

  it('GIVEN a value that would make the custom id exceed 100 characters THEN the button is dropped, never cut', () => {
    const rendered = renderMessage({ text: 'b', blocks: [{ type: 'buttons', buttons: [button(1, 'v'.repeat(100)), button(2)] }] });

    expect(rendered.components[0]!.components.map((b) => b.custom_id)).toEqual(['quiz.answer|2']);
    expect(rendered.dropped).toHaveLength(1);
  });

  it('GIVEN an action and value THEN the custom id decodes back to them', () => {
    const id = encodeCustomId('quiz.answer', '42:3');

    expect(id).toBe('quiz.answer|42:3');
    expect(decodeCustomId(id!)).toEqual({ actionId: 'quiz.answer', value: '42:3' });
  });

  it('GIVEN an expected failure THEN the embed is coloured as one', () => {
    const ok = renderMessage({ text: 'x', blocks: [] });
    const failed = renderMessage({ text: 'x', blocks: [] }, { failure: true });

    expect(failed.embeds[0]!.color).not.toBe(ok.embeds[0]!.color);
  });
});
