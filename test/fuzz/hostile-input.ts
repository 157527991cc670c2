import fc from 'fast-check';

/** Strings people (or attackers) might type: control characters, RTL, emoji, injections, mentions, huge. */
const HOSTILE_PIECES = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '@everyone',
  '@here',
  '<@U012ABC>',
  '<@!123456789012345678>',
  '<#C123|general>',
  '<https://evil.example|click me>',
  "'; DROP TABLE answers; --",
  '" OR 1=1 --',
  '*bold* _it_ ~strike~ `code` ```block```',
  '**bold** __u__ ||spoiler|| > quote',
  '\u202e\u202dreversed\u202c',
  '\u05e9\u05dc\u05d5\u05dd',
  '\u0000\u0007\u001b[31m',
  '🔥💥👩‍💻🇩🇪',
  '\r\n\t',
  'ask',
  'schedule',
  '25:99',
  'Mars/Olympus',
  '* * * * *',
  'progress',
  'leaderboard',
];

export const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 120 }) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...HOSTILE_PIECES), { maxLength: 8 }).map((p) => p.join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.integer({ min: 2000, max: 50_000 }).map((n) => 'x'.repeat(n)) },
);

/** Text that would ping people if a platform rendered it raw. */
export const MENTION = /(^|[^\u200b])@(everyone|here)\b|<![a-z]|<@[!&]?[A-Z0-9]/i;
