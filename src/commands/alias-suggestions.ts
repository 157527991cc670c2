import { Document, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Catalogue } from '../bank/catalogue.js';
import type { LearnedPhrasing } from '../search/learned-evidence.js';
import { DEFAULT_LOOKUP_OPTIONS } from '../search/lookup.js';
import { splitWords } from '../search/normalize.js';
import { STOPWORDS } from '../search/stopwords.js';

/** The longest text a metadata term may have (src/bank/meta-schema.ts). */
const MAX_TERM_CHARS = 80;

/** One alias to paste: a phrasing people used, standing for the title of the entry they meant. */
export interface AliasSuggestion {
  phrase: string;
  /** What the phrase stands for: the entry's short title, which only that entry has in full. */
  expansion: string;
  entryId: string;
  people: number;
}

/** The aliases for one bank, and the metadata file they go in. */
export interface BankAliasSuggestions {
  bankSlug: string;
  /** `<bank>.meta.yaml`, beside the bank file. */
  metaFile: string;
  aliases: AliasSuggestion[];
}

/**
 * Turns learned phrasings into aliases for each bank's metadata file, so what people
 * taught the lookup can become part of the bank. A phrasing's leading question words
 * ("how do", "what is") are dropped, since people vary them most; phrasings longer than
 * an alias can be (the planner's `maxAliasWords`, or a term's 80 characters), phrases the
 * bank already has as aliases, and a second entry for the same phrase are left out.
 */
export function aliasSuggestions(phrasings: readonly LearnedPhrasing[], catalogue: Catalogue): BankAliasSuggestions[] {
  const out: BankAliasSuggestions[] = [];
  for (const bank of catalogue.banks) {
    const taken = new Set(Object.keys(bank.aliases).map((k) => k.toLowerCase()));
    const aliases: AliasSuggestion[] = [];
    for (const p of phrasings) {
      const entry = catalogue.entry(p.entryId);
      if (!entry || entry.bankSlug !== bank.slug) continue;
      const phrase = aliasPhrase(p.text);
      if (phrase === null || taken.has(phrase)) continue;
      taken.add(phrase);
      aliases.push({ phrase, expansion: entry.title.slice(0, MAX_TERM_CHARS).trim(), entryId: entry.id, people: p.people });
    }
    if (aliases.length > 0) out.push({ bankSlug: bank.slug, metaFile: bank.file.replace(/\.[^.]+$/, '.meta.yaml'), aliases });
  }
  return out;
}

/** A phrasing as an alias key: without leading stopwords, if it fits what an alias can be. */
function aliasPhrase(text: string): string | null {
  const words = text.split(/\s+/).filter((w) => w !== '');
  while (words.length > 0 && splitWords(words[0]!).every((w) => STOPWORDS.has(w.surface))) words.shift();
  const phrase = words.join(' ');
  const count = splitWords(phrase).length;
  if (count === 0 || count > DEFAULT_LOOKUP_OPTIONS.plan.maxAliasWords || phrase.length > MAX_TERM_CHARS) return null;
  return phrase;
}

/**
 * The suggestions as YAML, one document per bank: an `aliases:` map whose lines paste
 * under the `aliases:` key of the bank's metadata file, each with a comment naming the
 * entry and how many people showed it.
 */
export function aliasSuggestionsYaml(banks: readonly BankAliasSuggestions[], catalogue: Catalogue): string {
  if (banks.length === 0) return '# No learned phrasings to suggest: people have not yet shown entries for queries the bank misses.\n';
  return banks
    .map((bank) => {
      const doc = new Document({ aliases: new Map(bank.aliases.map((a) => [a.phrase, [a.expansion]])) });
      const map = doc.get('aliases') as YAMLMap<Scalar, YAMLSeq>;
      map.items.forEach((pair, i) => {
        const alias = bank.aliases[i]!;
        pair.key.commentBefore = ` Q${catalogue.entry(alias.entryId)?.number ?? '?'}: shown by ${alias.people} people`;
        if (pair.value) pair.value.flow = true;
      });
      doc.commentBefore = ` Bank "${bank.bankSlug}": phrasings people used, learned from the entries they showed.\n Paste the lines under \`aliases:\` in ${bank.metaFile}.`;
      return doc.toString({ flowCollectionPadding: false, lineWidth: 0 });
    })
    .join('---\n');
}
