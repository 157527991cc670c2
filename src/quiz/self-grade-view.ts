import type { Entry } from '../bank/types.js';
import { entryBlocks } from '../messages/entry-view.js';
import type { Message } from '../messages/model.js';

/**
 * The whole answer to an entry, privately, with "I knew it" / "Not yet": recall mode's
 * second step, for channel rounds and private practice alike. `gradeActionId` and `id`
 * say where the self-grade goes (`<id>:1` knew it, `<id>:0` not yet).
 */
export function selfGradeMessage(entry: Entry, gradeActionId: string, id: number, nameBank = false): Message {
  const { blocks } = entryBlocks(entry, 'full', nameBank);
  return {
    text: `Answer to ${entry.question}`,
    blocks: [
      ...blocks,
      {
        type: 'buttons',
        buttons: [
          { label: 'I knew it', actionId: gradeActionId, value: `${id}:1`, style: 'primary' },
          { label: 'Not yet', actionId: gradeActionId, value: `${id}:0` },
        ],
      },
    ],
  };
}
