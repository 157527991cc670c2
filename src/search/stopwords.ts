/**
 * Function words and question scaffolding that carry no topic. Kept short on purpose:
 * "not", "without", "down" and "own" change meaning and stay searchable. Contractions
 * appear as typed without the apostrophe ("doesn't" -> "doesnt"), since words keep
 * their inner apostrophes until normalisation drops them.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again all also am an and any are aren as at be because been before being
  below between both but by can could did didn do does doesn doing don during each else ever
  every few for from further get gets getting got had has have having he her here hers him his how
  i if in into is isn it its itself just let lets me more most much my myself no nor of off on once
  only or other our ours out over really same she should so some such tell than that the their
  theirs them then there these they this those through to too under until up us very was we were
  what whats when where which while who whom whose why will with would you your yours yourself
  explain explanation mean means meaning question questions answer please vs versus
  etc e.g eg ie thing things stuff way ways via onto upon whenever somehow whether
  im ive youre youve youd were weve theyre theyve theyd thats whos hes shes theres heres
  dont doesnt didnt isnt arent wasnt werent cant couldnt shouldnt wouldnt wont hasnt havent hadnt`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/**
 * Words that say what kind of answer someone wants, not what it is about ("rollout
 * strategy", "adoption criteria", "canary best practices", "mesh tl;dr"). A query drops
 * them like stopwords; the index keeps them, so a bank that is about strategy still
 * matches other words. Unknown to a bank, they would otherwise count as missing topic
 * words and make a real question look off-topic.
 */
const QUERY_SCAFFOLDING: ReadonlySet<string> = new Set(
  `overview overviews summary summaries tldr basics intro introduction primer rundown walkthrough
  tutorial tutorials guide guides tips tip cheatsheet eli5 strategy strategies criteria considerations
  practices reason reasons`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/**
 * How people frame a question in chat rather than what it is about: "we want to...",
 * "can someone explain why people bother with...", "is that actually a bad idea", "my CTO
 * keeps asking" (who asks is not what is asked). Long
 * everyday questions are full of them; counted as topic words they made a real question
 * look off-topic (the bank may even use them, in other senses). They weigh as little as
 * scaffolding, whether or not the bank uses them.
 */
const CONVERSATIONAL_FRAMING: ReadonlySet<string> = new Set(
  `want wants wanted wanting trying tried looking planning thinking wondering considering
  someone somebody anyone anybody everyone everybody people folks guys
  actually basically honestly literally totally anyway anyways currently whole like
  bother bothering idea ideas
  cto ceo cfo cio vp boss bosses leadership execs executives manager managers finance`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/** Whether a word only frames the question (scaffolding or chat framing): it weighs as an everyday word and is never corrected. */
export function isFraming(word: string): boolean {
  return QUERY_SCAFFOLDING.has(word) || CONVERSATIONAL_FRAMING.has(word);
}
