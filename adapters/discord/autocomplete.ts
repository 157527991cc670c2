/**
 * Suggestions while someone types an option: bank entries for `ask`, time zones and day
 * specs for the schedule. Discord shows at most 25, names and values up to 100 characters.
 */
import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import type { Lookup } from '../../src/index.js';
import { clip, plainText } from './discord-text.js';
import type { AutocompleteField } from './map-interaction.js';

export const MAX_CHOICES = 25;
const MAX_CHOICE_TEXT = 100;
const DAY_SPECS = ['weekdays', 'daily', 'weekends', 'mon,wed,fri', 'tue,thu'];

let zones: string[] | null = null;

/** Every IANA zone the runtime knows, UTC first (computed once). */
function timeZones(): string[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  return zones;
}

/**
 * Choices for an option. An entry is offered by its id (`mesh-q7`): the core opens an
 * entry given its id directly, so a picked suggestion always answers with that entry.
 */
export function suggestions(field: AutocompleteField, text: string, lookup: Lookup): ApplicationCommandOptionChoiceData<string>[] {
  const typed = text.trim().slice(0, MAX_CHOICE_TEXT);
  switch (field) {
    case 'query':
      return lookup.suggest(typed, MAX_CHOICES).map((e) => ({ name: clip(plainText(`Q${e.number} · ${e.title}: ${e.question}`), MAX_CHOICE_TEXT), value: e.id }));
    case 'zone': {
      const needle = typed.toLowerCase().replace(/\s+/g, '_');
      return timeZones()
        .filter((z) => z.toLowerCase().includes(needle))
        .slice(0, MAX_CHOICES)
        .map((z) => ({ name: z, value: z }));
    }
    case 'days': {
      const matches = DAY_SPECS.filter((d) => d.startsWith(typed.toLowerCase()));
      // Free text (a cron expression) stays possible: what was typed is offered first.
      const all = typed !== '' && !matches.includes(typed) ? [typed, ...matches] : matches;
      return all.slice(0, MAX_CHOICES).map((d) => ({ name: d, value: d }));
    }
  }
}
